"""Find faces and pixelate them so they cannot be recognised or restored. Pure Python: no Django.

The detector is OpenCV's frontal-face Haar cascade, which ships inside the opencv-python-headless
wheel: nothing is downloaded at run time and no photo leaves the server. It finds upright, frontal
faces; profiles, tilted heads and very small faces can be missed, so a moderator still checks.
"""

from __future__ import annotations

import math
import threading
from typing import Final

import cv2
import numpy as np
from PIL import Image

Box = tuple[int, int, int, int]  # left, top, right, bottom (right and bottom exclusive)

# cv2.data is a plain module the stubs do not list
CASCADE: Final = cv2.data.haarcascades + "haarcascade_frontalface_default.xml"  # type: ignore[attr-defined]
# Each side grows by this share of the face's size: hair, ears and chin are identifying too.
MARGIN: Final = 0.2
# Blocks at least 1/12 of the region's shorter side and never below 12 px: a face becomes about
# a dozen blocks across, too few to recognise, and each block is one averaged colour.
BLOCKS_ACROSS: Final = 12
MIN_BLOCK: Final = 12
# Faces smaller than this (in px of the image searched) are noise more often than faces.
MIN_FACE: Final = 20
# Tried on the samples (tests/samples/demo has no people): 1.1 / 5 neighbours finds 3-4 "faces"
# in leaves and windows; 1.2 / 6 after histogram equalisation finds none there, still finds both
# real faces, and searches about twice as fast.
SCALE_FACTOR: Final = 1.2
MIN_NEIGHBORS: Final = 6

_local = threading.local()  # a CascadeClassifier must not be shared between threads


def _cascade() -> cv2.CascadeClassifier:
    if not hasattr(_local, "cascade"):
        loaded = cv2.CascadeClassifier(CASCADE)
        if loaded.empty():
            raise RuntimeError(f"face cascade missing: {CASCADE}")
        _local.cascade = loaded
    cascade: cv2.CascadeClassifier = _local.cascade
    return cascade


def detect_faces(im: Image.Image) -> list[Box]:
    """Boxes around the frontal faces in `im`, as tight as the detector finds them."""
    grey = cv2.equalizeHist(np.asarray(im.convert("L")))
    found = _cascade().detectMultiScale(
        grey, scaleFactor=SCALE_FACTOR, minNeighbors=MIN_NEIGHBORS, minSize=(MIN_FACE, MIN_FACE)
    )
    return [(int(x), int(y), int(x + w), int(y + h)) for x, y, w, h in found]


def grow(box: Box, size: tuple[int, int], margin: float = MARGIN) -> Box:
    """`box` with `margin` of its width and height added on every side, kept inside `size`."""
    left, top, right, bottom = box
    dx, dy = round((right - left) * margin), round((bottom - top) * margin)
    width, height = size
    return max(0, left - dx), max(0, top - dy), min(width, right + dx), min(height, bottom + dy)


def block_size(box: Box) -> int:
    left, top, right, bottom = box
    return max(MIN_BLOCK, math.ceil(min(right - left, bottom - top) / BLOCKS_ACROSS))


def pixelate(im: Image.Image, boxes: list[Box], margin: float = MARGIN) -> Image.Image:
    """A copy of `im` (RGB) in which each box, grown by `margin`, is blocks of one averaged colour.

    The average throws the detail away: no filter can bring back what a block no longer holds.
    """
    pixels = np.array(im.convert("RGB"))
    for box in boxes:
        left, top, right, bottom = grow(box, im.size, margin)
        if right > left and bottom > top:
            _pixelate_region(pixels[top:bottom, left:right], block_size((left, top, right, bottom)))
    return Image.fromarray(pixels)


def _pixelate_region(region: np.ndarray, block: int) -> None:
    """Fill each cell of `region` (a view, changed in place) with its mean colour.

    The region is cut into whole cells of at least `block` px a side (up to twice that), so no
    thin sliver at the edge keeps near-original pixels.
    """
    height, width = region.shape[:2]
    rows = _cuts(height, block)
    columns = _cuts(width, block)
    for top, bottom in zip(rows, rows[1:], strict=False):
        for left, right in zip(columns, columns[1:], strict=False):
            cell = region[top:bottom, left:right]
            cell[...] = cell.reshape(-1, cell.shape[-1]).mean(axis=0).round().astype(np.uint8)


def _cuts(length: int, block: int) -> list[int]:
    """Edges of max(1, length // block) equal cells spanning `length`."""
    count = max(1, length // block)
    return [round(i * length / count) for i in range(count + 1)]


def blur_faces(im: Image.Image) -> tuple[Image.Image, int]:
    """`im` with every face found pixelated, and how many faces that was."""
    boxes = detect_faces(im)
    return (pixelate(im, boxes) if boxes else im), len(boxes)
