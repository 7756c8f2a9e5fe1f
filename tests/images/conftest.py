"""Shared fixtures for the image pipeline tests: plain pytest, no Django needed."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from gezinsmuur.images import ProcessedImage, process


@pytest.fixture(scope="session")
def processed() -> Callable[[Path], ProcessedImage]:
    """process() of a sample file, computed once per session: the big samples take a while."""
    cache: dict[Path, ProcessedImage] = {}

    def get(path: Path) -> ProcessedImage:
        if path not in cache:
            cache[path] = process(io.BytesIO(path.read_bytes()))
        return cache[path]

    return get
