"""Every photo comes out upright, whatever its EXIF orientation or HEIF rotation (U14, U17)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps

from gezinsmuur.images import ProcessedImage
from tests.conftest import SAMPLES  # noqa: E402 - one definition of the sample folder

Processed = Callable[[Path], ProcessedImage]
# Mean absolute difference (0-255) to the orientation-1 reference: re-encoding and the ICC
# profile of files 2-8 give about 6; a wrong rotation or mirror gives 40 and more.
SAME_PICTURE = 12


def largest_pixels(result: ProcessedImage, fmt: str = "webp") -> np.ndarray:
    rendition = max((r for r in result.renditions if r.format == fmt), key=lambda r: r.width)
    with Image.open(io.BytesIO(rendition.data)) as im:
        return np.asarray(im.convert("RGB"), dtype=np.float64)


def difference(a: np.ndarray, b: np.ndarray) -> float:
    assert a.shape == b.shape
    return float(np.abs(a - b).mean())


@pytest.mark.parametrize("kind", ["landscape", "portrait"])
@pytest.mark.parametrize("orientation", range(2, 9))
def test_u14_every_exif_orientation_comes_out_upright(
    kind: str, orientation: int, processed: Processed
) -> None:
    reference = largest_pixels(processed(SAMPLES / f"orientation/{kind}_1.jpg"))
    result = processed(SAMPLES / f"orientation/{kind}_{orientation}.jpg")
    assert difference(largest_pixels(result), reference) < SAME_PICTURE
    assert difference(largest_pixels(result, "jpeg"), reference) < SAME_PICTURE
    assert (result.width, result.height) == reference.shape[1::-1]


@pytest.mark.parametrize("kind", ["landscape", "portrait"])
def test_u14_the_comparison_would_notice_a_mirror_or_a_flip(
    kind: str, processed: Processed
) -> None:
    reference = largest_pixels(processed(SAMPLES / f"orientation/{kind}_1.jpg"))
    assert difference(reference[:, ::-1], reference) > 3 * SAME_PICTURE
    assert difference(reference[::-1], reference) > 3 * SAME_PICTURE


def test_u14_stored_sideways_pixels_trade_width_and_height(processed: Processed) -> None:
    with Image.open(SAMPLES / "orientation/landscape_6.jpg") as stored:
        assert stored.size == (450, 600) and stored.getexif()[0x0112] == 6
    result = processed(SAMPLES / "orientation/landscape_6.jpg")
    assert (result.width, result.height) == (600, 450)
    assert {(r.width, r.height) for r in result.renditions} == {(480, 360), (600, 450)}
    for rendition in result.renditions:
        with Image.open(io.BytesIO(rendition.data)) as im:
            assert 0x0112 not in im.getexif()


@pytest.mark.parametrize(
    ("name", "display_size"),
    [
        ("demo/phone-samsung-church-portrait.jpg", (1932, 2576)),  # JPEG, orientation 6
        ("demo/camera-building-portrait.webp", (2736, 3648)),  # WebP, orientation 6
        ("demo/phone-iphone15pro-gps.heic", (3024, 4032)),  # HEIC rotated by its irot box
    ],
)
def test_u17_portraits_from_phones_and_cameras_stay_portrait(
    name: str, display_size: tuple[int, int], processed: Processed
) -> None:
    result = processed(SAMPLES / name)
    assert (result.width, result.height) == display_size
    assert {(r.width, r.height) for r in result.renditions} == {(360, 480), (900, 1200)}


def test_u14_a_downscaled_rotated_jpeg_matches_rotating_it_by_hand(processed: Processed) -> None:
    # the draft (DCT-scaled) decode happens before the rotation: check the two compose
    with Image.open(SAMPLES / "demo/phone-samsung-church-portrait.jpg") as im:
        im.draft("RGB", (480, 360))
        by_hand = ImageOps.exif_transpose(im).convert("RGB").resize((360, 480))
    result = processed(SAMPLES / "demo/phone-samsung-church-portrait.jpg")
    small = next(r for r in result.renditions if r.format == "webp" and r.width == 360)
    with Image.open(io.BytesIO(small.data)) as im:
        ours = np.asarray(im.convert("RGB"), dtype=np.float64)
    assert difference(ours, np.asarray(by_hand, dtype=np.float64)) < SAME_PICTURE
