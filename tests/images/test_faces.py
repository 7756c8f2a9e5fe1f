"""Faces are found and pixelated beyond recognition; the rest of the photo is left alone."""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from gezinsmuur.images import detect_faces, pixelate, process
from gezinsmuur.images.faces import MIN_BLOCK, block_size, grow
from tests.conftest import SAMPLES

FACES = SAMPLES / "faces-mother-child.png"  # a mother and her toddler, both looking at the camera
NO_PEOPLE = sorted((SAMPLES / "demo").iterdir())


@pytest.fixture(scope="module")
def photo() -> Image.Image:
    with Image.open(FACES) as im:
        return im.convert("RGB").reduce(2)  # 706x1038, about the size process() searches


def cells(box: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
    """The cells pixelate() fills, from the same rule: whole cells of at least one block."""
    left, top, right, bottom = box
    block = block_size(box)

    def cuts(start: int, length: int) -> list[int]:
        count = max(1, length // block)
        return [start + round(i * length / count) for i in range(count + 1)]

    xs, ys = cuts(left, right - left), cuts(top, bottom - top)
    return [(a, b, c, d) for b, d in itertools.pairwise(ys) for a, c in itertools.pairwise(xs)]


def test_it_finds_both_faces_in_a_family_photo(photo):
    faces = detect_faces(photo)
    assert len(faces) == 2
    assert all(right - left >= 100 for left, _top, right, _bottom in faces)


@pytest.mark.parametrize("path", NO_PEOPLE, ids=lambda p: p.name)
def test_it_finds_no_face_in_photos_without_people(path: Path):
    result = process(io.BytesIO(path.read_bytes()), blur_faces=True)
    assert result.faces_blurred == 0


def test_each_face_becomes_blocks_of_one_colour_and_nothing_else_changes(photo):
    faces = detect_faces(photo)
    blurred = np.asarray(pixelate(photo, faces)).astype(int)
    original = np.asarray(photo).astype(int)
    grown = [grow(face, photo.size) for face in faces]
    touched = np.zeros(original.shape[:2], bool)
    for box in grown:
        left, top, right, bottom = box
        touched[top:bottom, left:right] = True
        assert block_size(box) >= max(MIN_BLOCK, min(right - left, bottom - top) / 12)
        others = [other for other in grown if other != box]
        for a, b, c, d in cells(box):
            if any(a < r and c > ll and b < bt and d > t for ll, t, r, bt in others):
                continue  # where two faces overlap, the box pixelated last sets the cells
            cell = blurred[b:d, a:c].reshape(-1, 3)
            assert c - a >= MIN_BLOCK and d - b >= MIN_BLOCK
            assert (cell == cell[0]).all(), "every cell is a single colour"
        # The detail is gone: the face differs a lot from what it was.
        region = (slice(top, bottom), slice(left, right))
        assert np.abs(blurred[region] - original[region]).mean() > 5
    assert (blurred[~touched] == original[~touched]).all()


def test_the_margin_covers_more_than_the_detected_face(photo):
    left, top, right, bottom = detect_faces(photo)[0]
    g_left, g_top, g_right, g_bottom = grow((left, top, right, bottom), photo.size)
    assert g_left < left and g_top < top and g_right > right and g_bottom > bottom


def test_process_blurs_faces_before_making_the_renditions():
    data = FACES.read_bytes()
    plain = process(io.BytesIO(data))
    blurred = process(io.BytesIO(data), blur_faces=True)
    assert plain.faces_blurred == 0 and blurred.faces_blurred == 2
    assert blurred.sha256 == plain.sha256  # the digest is of the original upload
    for before, after in zip(plain.renditions, blurred.renditions, strict=True):
        assert (before.format, before.width, before.height) == (
            after.format,
            after.width,
            after.height,
        )
        assert before.data != after.data


def test_without_the_option_process_leaves_faces_alone():
    assert process(io.BytesIO(FACES.read_bytes())).faces_blurred == 0
