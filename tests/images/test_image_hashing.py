"""SHA-256 and perceptual hashes: deterministic, robust to re-encoding, aware of mirroring."""

from __future__ import annotations

import hashlib
import io
import itertools
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps

from gezinsmuur.images import (
    ProcessedImage,
    from_signed64,
    hamming,
    phash,
    process,
    sha256_file,
    to_signed64,
)
from gezinsmuur.images.hashing import _DCT, phash_pair
from tests.conftest import SAMPLES  # noqa: E402 - one definition of the sample folder

Processed = Callable[[Path], ProcessedImage]
NEAR = 8  # Hamming distance within which two photos count as the same picture
PHOTOS = [
    "demo/phone-moto-g-dandelion.jpg",
    "demo/river-town.heic",
    "demo/palace-garden.avif",
    "demo/phone-beach-gps.jpg",
]


def reencoded(path: Path, scale: float, quality: int) -> bytes:
    """A copy as it would come back from a messenger app: smaller, recompressed, no EXIF."""
    with Image.open(path) as im:
        upright = ImageOps.exif_transpose(im).convert("RGB")
    small = upright.resize((round(upright.width * scale), round(upright.height * scale)))
    buffer = io.BytesIO()
    small.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def test_it_hashes_deterministically(processed: Processed) -> None:
    path = SAMPLES / "demo/palace-garden.avif"
    again = process(io.BytesIO(path.read_bytes()))
    first = processed(path)
    assert (again.sha256, again.phash, again.phash_mirror) == (
        first.sha256,
        first.phash,
        first.phash_mirror,
    )
    assert 0 <= first.phash < 1 << 64 and 0 <= first.phash_mirror < 1 << 64


def test_sha256_file_reads_everything_and_rewinds() -> None:
    fp = io.BytesIO(b"x" * 3_000_000)
    fp.seek(5)
    assert sha256_file(fp) == hashlib.sha256(b"x" * 3_000_000).hexdigest()
    assert fp.tell() == 0


@pytest.mark.parametrize("name", PHOTOS)
@pytest.mark.parametrize(("scale", "quality"), [(0.5, 70), (0.25, 50)])
def test_a_resized_recompressed_copy_stays_near(
    name: str, scale: float, quality: int, processed: Processed
) -> None:
    copy = process(io.BytesIO(reencoded(SAMPLES / name, scale, quality)))
    assert hamming(copy.phash, processed(SAMPLES / name).phash) <= NEAR


@pytest.mark.parametrize("name", PHOTOS)
def test_a_mirrored_copy_matches_the_mirror_hash(name: str, processed: Processed) -> None:
    with Image.open(SAMPLES / name) as im:
        mirrored = ImageOps.mirror(ImageOps.exif_transpose(im).convert("RGB"))
    buffer = io.BytesIO()
    mirrored.save(buffer, "PNG")
    copy = process(io.BytesIO(buffer.getvalue()))
    original = processed(SAMPLES / name)
    assert hamming(copy.phash, original.phash_mirror) <= NEAR
    assert hamming(copy.phash_mirror, original.phash) <= NEAR


def test_different_photos_are_far_apart(processed: Processed) -> None:
    hashes = [processed(SAMPLES / name).phash for name in PHOTOS]
    for a, b in itertools.combinations(hashes, 2):
        assert hamming(a, b) > 2 * NEAR


def test_the_mirror_hash_is_exactly_the_hash_of_the_mirror() -> None:
    with Image.open(SAMPLES / "orientation/landscape_1.jpg") as im:
        photo = im.convert("RGB")
    assert phash_pair(photo) == (phash(photo), phash(ImageOps.mirror(photo)))


def test_the_dct_is_the_textbook_dct_ii() -> None:
    # row k of the unscaled DCT-II of 32 samples, as scipy.fftpack.dct computes it (/2)
    samples = np.random.default_rng(7).random(32)
    expected = [
        sum(x * np.cos(np.pi * k * (2 * n + 1) / 64) for n, x in enumerate(samples))
        for k in range(8)
    ]
    assert np.allclose(_DCT @ samples, expected)


@pytest.mark.parametrize("value", [0, 1, (1 << 63) - 1, 1 << 63, (1 << 64) - 1])
def test_hashes_fit_a_signed_bigint_column_and_back(value: int) -> None:
    signed = to_signed64(value)
    assert -(1 << 63) <= signed < 1 << 63
    assert from_signed64(signed) == value
