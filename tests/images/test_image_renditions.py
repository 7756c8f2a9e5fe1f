"""process(): the renditions themselves: sizes, formats, colour, alpha, animation (U16, U18)."""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageCms, ImageFile

from gezinsmuur.images import (
    RENDITION_FORMATS,
    RENDITION_WIDTHS,
    ImageRejected,
    ProcessedImage,
    inspect,
    process,
)
from gezinsmuur.images.pipeline import _reduce_buffer
from tests.conftest import SAMPLES  # noqa: E402 - one definition of the sample folder

Processed = Callable[[Path], ProcessedImage]


def encoded(image: Image.Image, pil_format: str = "PNG", **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, pil_format, **options)
    return buffer.getvalue()


def decoded(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        return im


def mean_colour(data: bytes) -> np.ndarray:
    return np.asarray(decoded(data).convert("RGB"), dtype=np.float64).mean(axis=(0, 1))


def test_it_makes_every_format_at_every_width_smallest_first(processed: Processed) -> None:
    result = processed(SAMPLES / "demo/phone-moto-g-dandelion.jpg")
    sizes = [(r.format, r.width, r.height) for r in result.renditions]
    assert sizes == [(f, w, w * 3 // 4) for w in RENDITION_WIDTHS for f in RENDITION_FORMATS]
    for rendition in result.renditions:
        im = decoded(rendition.data)
        assert (im.format.lower(), im.size, im.mode) == (
            rendition.format,
            (rendition.width, rendition.height),
            "RGB",
        )
    assert (result.width, result.height) == (3264, 2448)


def test_it_reports_the_same_size_as_inspect(processed: Processed) -> None:
    for name in ("demo/phone-iphone15pro-gps.heic", "demo/camera-building-portrait.webp"):
        info = inspect(io.BytesIO((SAMPLES / name).read_bytes()))
        result = processed(SAMPLES / name)
        assert (result.width, result.height) == (info.width, info.height)


@pytest.mark.parametrize(
    ("width", "expected_widths"),
    [(300, [300]), (480, [480]), (700, [480, 700]), (1200, [480, 1200]), (2000, [480, 1200])],
)
def test_it_never_upscales(width: int, expected_widths: list[int]) -> None:
    image = Image.linear_gradient("L").resize((width, 200)).convert("RGB")
    result = process(io.BytesIO(encoded(image)))
    assert [r.width for r in result.renditions] == [
        w for w in expected_widths for _ in RENDITION_FORMATS
    ]
    assert all(r.width <= width and r.height <= 200 for r in result.renditions)


@pytest.mark.parametrize("size", [(600, 11_000), (3024, 4032), (11_000, 600)])
def test_every_rendition_fits_its_square_box(size: tuple[int, int]) -> None:
    result = process(io.BytesIO(encoded(Image.new("RGB", size, "navy"))))
    boxes = sorted(RENDITION_WIDTHS)
    assert [max(r.width, r.height) for r in result.renditions[::3]] == boxes
    assert (result.width, result.height) == size


def srgb_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


U18_INPUTS = {
    "cmyk-with-profile": (SAMPLES / "cmyk-icc.jpg").read_bytes,
    "cmyk-without-profile": (SAMPLES / "cmyk-no-icc.jpg").read_bytes,
    "rgb-16-bit-png": (SAMPLES / "png-16bit.png").read_bytes,
    "palette-with-transparency": (SAMPLES / "png-palette-alpha.png").read_bytes,
    "webp-with-alpha": (SAMPLES / "webp-alpha.webp").read_bytes,
    "avif": (SAMPLES / "demo/palace-garden.avif").read_bytes,
    "heic": (SAMPLES / "demo/river-town.heic").read_bytes,
    "greyscale-jpeg": lambda: encoded(Image.linear_gradient("L").resize((300, 200)), "JPEG"),
    "grey-16-bit-png": lambda: encoded(Image.fromarray(np.full((150, 200), 32768, np.uint16))),
    "grey-alpha-png": lambda: encoded(Image.new("LA", (200, 150), (90, 128))),
    "bilevel-png": lambda: encoded(Image.new("1", (200, 150), 1)),
    "palette-png": lambda: encoded(Image.new("RGB", (200, 150), "purple").convert("P")),
    "jpeg-with-2-mb-icc-profile": lambda: encoded(
        Image.new("RGB", (200, 150), "teal"), "JPEG", icc_profile=srgb_profile() + bytes(2_000_000)
    ),
}


@pytest.mark.parametrize("name", U18_INPUTS)
def test_u18_every_input_becomes_8_bit_srgb_rgb_without_a_profile(name: str) -> None:
    result = process(io.BytesIO(U18_INPUTS[name]()))
    for rendition in result.renditions:
        im = decoded(rendition.data)
        assert im.mode == "RGB" and "icc_profile" not in im.info


def test_u18_16_bit_grey_keeps_its_brightness() -> None:
    # Pillow's own convert("L") clips 16-bit values at 255: mid-grey would come out white
    result = process(io.BytesIO(U18_INPUTS["grey-16-bit-png"]()))
    assert result.placeholder == "#808080"


def test_u18_cmyk_is_not_inverted_and_its_profile_is_used(processed: Processed) -> None:
    with Image.open(SAMPLES / "cmyk-icc.jpg") as cmyk:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(cmyk.info["icc_profile"]))
        srgb = ImageCms.createProfile("sRGB")
        expected = ImageCms.profileToProfile(cmyk, profile, srgb, outputMode="RGB")
    expected_mean = np.asarray(expected, dtype=np.float64).mean(axis=(0, 1))
    jpeg = processed(SAMPLES / "cmyk-icc.jpg").renditions[-1]
    assert np.abs(mean_colour(jpeg.data) - expected_mean).max() < 4


def test_u18_display_p3_colours_are_converted_to_srgb() -> None:
    with Image.open(SAMPLES / "demo/phone-iphone15pro-gps.heic") as heic:
        p3 = heic.info["icc_profile"]
    image = Image.new("RGB", (200, 150), (200, 100, 50))
    expected = ImageCms.profileToProfile(
        image, ImageCms.ImageCmsProfile(io.BytesIO(p3)), ImageCms.createProfile("sRGB")
    ).getpixel((0, 0))
    result = process(io.BytesIO(encoded(image, icc_profile=p3)))
    assert result.placeholder == "#{:02x}{:02x}{:02x}".format(*expected)
    assert expected[0] > 210  # P3 orange is redder than the same numbers in sRGB


def test_u18_a_broken_profile_does_not_refuse_the_photo() -> None:
    image = Image.new("RGB", (200, 150), (10, 120, 200))
    result = process(io.BytesIO(encoded(image, icc_profile=b"not a profile at all")))
    assert result.placeholder == "#0a78c8"


def test_transparent_pixels_become_white() -> None:
    image = Image.new("RGBA", (200, 150), (255, 0, 0, 0))
    image.paste((0, 0, 255, 255), (0, 0, 100, 150))
    rendition = process(io.BytesIO(encoded(image))).renditions[2]  # 200px JPEG
    im = decoded(rendition.data)
    assert im.getpixel((180, 75)) == pytest.approx((255, 255, 255), abs=4)
    assert im.getpixel((20, 75)) == pytest.approx((0, 0, 255), abs=8)


def test_u16_animated_webp_gives_still_renditions(processed: Processed) -> None:
    with Image.open(SAMPLES / "webp-animated.webp") as original:
        assert original.n_frames > 1
    for rendition in processed(SAMPLES / "webp-animated.webp").renditions:
        with Image.open(io.BytesIO(rendition.data)) as im:
            assert not getattr(im, "is_animated", False)
            assert getattr(im, "n_frames", 1) == 1


def test_u16_animated_png_gives_still_renditions() -> None:
    frames = [Image.new("RGB", (200, 150), colour) for colour in ("red", "green", "blue")]
    apng = encoded(frames[0], save_all=True, append_images=frames[1:], duration=100)
    result = process(io.BytesIO(apng))
    for rendition in result.renditions:
        with Image.open(io.BytesIO(rendition.data)) as im:
            assert not getattr(im, "is_animated", False)
    assert result.placeholder == "#ff0000"  # the first frame


def test_it_keeps_the_primary_image_of_a_multi_image_heic(processed: Processed) -> None:
    with Image.open(SAMPLES / "demo/river-town.heic") as heic:
        assert heic.n_frames == 2
        first = np.asarray(heic.convert("RGB").resize((480, 320)), dtype=np.float64)
    small = processed(SAMPLES / "demo/river-town.heic").renditions[1]
    ours = np.asarray(decoded(small.data).convert("RGB"), dtype=np.float64)
    assert np.abs(ours - first).mean() < 8


def test_heic_strips_reduce_exactly_like_pillow_on_the_whole_image() -> None:
    pixels = np.random.default_rng(3).integers(0, 256, (1001, 777, 3), dtype=np.uint8)
    whole = Image.fromarray(pixels)
    for factor in (1, 2, 3, 7):
        ours = _reduce_buffer(memoryview(pixels.tobytes()), "RGB", (777, 1001), 777 * 3, factor)
        assert np.array_equal(np.asarray(ours), np.asarray(whole.reduce(factor)))


def test_a_big_heic_matches_pillows_own_decoding(processed: Processed) -> None:
    path = SAMPLES / "demo/phone-iphone15pro-gps.heic"
    with Image.open(path) as heic:  # pillow-heif's Pillow plugin, full size, then resized
        expected = np.asarray(heic.convert("RGB").resize((900, 1200)), dtype=np.float64)
    largest = processed(path).renditions[-1]  # ours also converts Display P3 to sRGB
    assert np.abs(np.asarray(decoded(largest.data), dtype=np.float64) - expected).mean() < 4


def test_it_gives_the_average_colour_as_placeholder(processed: Processed) -> None:
    assert re.fullmatch(r"#[0-9a-f]{6}", processed(SAMPLES / "demo/palace-garden.avif").placeholder)
    halves = Image.new("RGB", (400, 200), (0, 0, 0))
    halves.paste((200, 100, 50), (0, 0, 200, 200))
    assert process(io.BytesIO(encoded(halves))).placeholder == "#643219"


def test_it_hashes_the_original_bytes(processed: Processed) -> None:
    path = SAMPLES / "demo/phone-beach-gps.jpg"
    assert processed(path).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def png_with_broken_pixels() -> bytes:
    """Valid chunks and CRCs (so verify() passes) around pixel data that does not inflate."""
    header = struct.pack(">IIBBBBB", 300, 200, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 5000)[:-20] + b"\x13" * 20

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_u15_corruption_that_inspect_cannot_see_is_refused_by_process() -> None:
    data = png_with_broken_pixels()
    assert inspect(io.BytesIO(data)).format == "png"
    with pytest.raises(ImageRejected) as refusal:
        process(io.BytesIO(data))
    assert refusal.value.reason == "corrupt"


@pytest.mark.parametrize("name", ["truncated.jpg", "truncated.png", "bomb-280mp.jpg"])
def test_process_refuses_what_inspect_refuses(name: str) -> None:
    with pytest.raises(ImageRejected) as refusal:
        process(io.BytesIO((SAMPLES / name).read_bytes()))
    assert refusal.value.reason == ("pixels" if name.startswith("bomb") else "corrupt")


def test_processing_leaves_truncated_loading_off(processed: Processed) -> None:
    processed(SAMPLES / "png-alpha.png")
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
