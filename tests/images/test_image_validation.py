"""inspect(): the cheap checks in the upload request (SAFETY-TESTS U05-U11, U15)."""

from __future__ import annotations

import io
import pickle
import random
import struct
import warnings
import zlib

import pytest
from PIL import BmpImagePlugin, GifImagePlugin, Image, ImageFile, TiffImagePlugin

from gezinsmuur.images import (
    MAX_PIXELS,
    REJECT_REASONS,
    ImageInfo,
    ImageRejected,
    inspect,
    process,
)
from gezinsmuur.images.validate import FORMAT_MAX_PIXELS
from tests.conftest import SAMPLES  # noqa: E402 - one definition of the sample folder

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_declaring(width: int, height: int) -> bytes:
    """A small, well-formed PNG whose header claims any size (its pixel data is short)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 48_000)
    chunks = png_chunk(b"IHDR", header) + png_chunk(b"IDAT", pixels) + png_chunk(b"IEND", b"")
    return PNG_MAGIC + chunks


def jpeg_declaring(width: int, height: int) -> bytes:
    """A real 16x16 JPEG with the size in its SOF0 segment patched."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), "teal").save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def encoded(image: Image.Image, pil_format: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, pil_format, **options)
    return buffer.getvalue()


def reason_for(data: bytes) -> str:
    with pytest.raises(ImageRejected) as refusal:
        inspect(io.BytesIO(data))
    return refusal.value.reason


def test_a_refusal_survives_pickling_by_a_task_queue() -> None:
    pickled = pickle.dumps(ImageRejected("corrupt", "truncated"))
    refusal = pickle.loads(pickled)  # noqa: S301  # our own bytes, made one line above
    assert (refusal.reason, refusal.detail) == ("corrupt", "truncated")


def test_it_exposes_the_fixed_set_of_reasons() -> None:
    assert {"format", "pixels", "dimensions", "corrupt"} == REJECT_REASONS
    with pytest.raises(ValueError):
        ImageRejected("too-ugly")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("orientation/landscape_1.jpg", ImageInfo("jpeg", 600, 450)),
        ("png-exif.png", ImageInfo("png", 256, 256)),
        ("webp-alpha.webp", ImageInfo("webp", 400, 301)),
        ("demo/river-town.heic", ImageInfo("heic", 1280, 854)),
        ("demo/palace-garden.avif", ImageInfo("avif", 800, 533)),
        ("demo/phone-iphone15pro-gps.heic", ImageInfo("heic", 3024, 4032)),
    ],
)
def test_it_accepts_each_supported_format(name: str, expected: ImageInfo) -> None:
    assert inspect(io.BytesIO((SAMPLES / name).read_bytes())) == expected


@pytest.mark.parametrize("orientation", range(1, 9))
def test_u14_it_reports_the_displayed_size_after_the_exif_orientation(orientation: int) -> None:
    info = inspect(io.BytesIO((SAMPLES / f"orientation/landscape_{orientation}.jpg").read_bytes()))
    assert (info.width, info.height) == (600, 450)


def test_it_leaves_the_file_rewound_for_storage() -> None:
    fp = io.BytesIO((SAMPLES / "orientation/portrait_1.jpg").read_bytes())
    fp.seek(100)
    inspect(fp)
    assert fp.tell() == 0


def test_u05_a_small_png_declaring_20000_by_20000_is_refused_for_pixels() -> None:
    assert reason_for(png_declaring(20_000, 20_000)) == "pixels"


@pytest.mark.parametrize("size", [(10_000, 10_000), (7100, 7100)])
def test_u06_between_50_and_100_megapixels_is_refused_although_pillow_only_warns(
    size: tuple[int, int],
) -> None:
    assert reason_for(png_declaring(*size)) == "pixels"


def test_u06_pixels_are_refused_even_when_warnings_are_silenced() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert reason_for(png_declaring(7100, 7100)) == "pixels"


def test_u06_pixels_are_refused_before_any_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_decoding(self: ImageFile.ImageFile) -> None:
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    assert reason_for(jpeg_declaring(8000, 8000)) == "pixels"


def test_u07_a_jpeg_whose_sof_claims_65500_by_65500_is_refused_at_open() -> None:
    assert reason_for(jpeg_declaring(65_500, 65_500)) == "pixels"


@pytest.mark.parametrize(
    ("name", "fmt"), [("webp-alpha.webp", "webp"), ("demo/palace-garden.avif", "avif")]
)
def test_formats_that_decode_every_pixel_several_times_have_a_lower_pixel_limit(
    name: str, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert FORMAT_MAX_PIXELS[fmt] < MAX_PIXELS
    monkeypatch.setitem(FORMAT_MAX_PIXELS, fmt, 100_000)
    assert reason_for((SAMPLES / name).read_bytes()) == "pixels"


def test_it_refuses_the_280_megapixel_jpeg_bomb() -> None:
    assert reason_for((SAMPLES / "bomb-280mp.jpg").read_bytes()) == "pixels"


@pytest.mark.parametrize("size", [(12_001, 100), (99, 99), (1, 50_000), (2001, 100), (100, 2001)])
def test_u08_odd_dimensions_are_refused(size: tuple[int, int]) -> None:
    assert reason_for(png_declaring(*size)) == "dimensions"


@pytest.mark.parametrize("size", [(12_000, 4000), (100, 100), (2000, 100), (100, 2000)])
def test_u08_dimensions_at_the_limits_are_accepted(size: tuple[int, int]) -> None:
    assert inspect(io.BytesIO(png_declaring(*size))) == ImageInfo("png", *size)


PILLOW_WRITES = ["GIF", "BMP", "TIFF", "PDF", "ICO", "JPEG2000", "QOI", "TGA", "PPM", "PCX", "EPS"]
MAGIC_ONLY = {
    "psd": b"8BPS\x00\x01" + bytes(40),
    "fits": b"SIMPLE  =                    T" + bytes(50),
    "jpeg-xl": b"\xff\x0a" + bytes(40),
    "mp4": b"\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2" + bytes(40),
    "heif-sequence-without-image-brand": b"\x00\x00\x00\x10ftypmsf1\x00\x00\x00\x00" + bytes(40),
    "empty": b"",
}


@pytest.mark.parametrize("pil_format", PILLOW_WRITES)
def test_u09_other_image_formats_are_refused_for_format(pil_format: str) -> None:
    image = Image.new("RGB", (200, 150), "orange")
    assert reason_for(encoded(image, pil_format)) == "format"


@pytest.mark.parametrize("name", MAGIC_ONLY)
def test_u09_other_magic_bytes_are_refused_for_format(name: str) -> None:
    assert reason_for(MAGIC_ONLY[name]) == "format"


def test_u09_no_other_plugin_ever_parses_the_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    for plugin in (BmpImagePlugin.BmpImageFile, GifImagePlugin.GifImageFile):
        monkeypatch.setattr(plugin, "_open", lambda self: calls.append(type(self).__name__))
    monkeypatch.setattr(TiffImagePlugin.TiffImageFile, "_open", lambda self: calls.append("tiff"))
    bmp = encoded(Image.new("RGB", (200, 150)), "BMP")
    # JPEG magic followed by a BMP: the JPEG plugin refuses it and no other plugin is asked
    for data in (bmp, b"\xff\xd8\xff\xe0" + bmp, PNG_MAGIC + bmp):
        assert reason_for(data) in {"format", "corrupt"}
    assert calls == []


SVG = b"""<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600" onload="alert(1)">
  <script>alert(document.cookie)</script>
  <foreignObject width="800" height="600"><body xmlns="http://www.w3.org/1999/xhtml">
  <iframe src="https://example.org"></iframe></body></foreignObject>
</svg>"""


@pytest.mark.parametrize("data", [SVG, b"\xef\xbb\xbf" + SVG, b"  \n" + SVG])
def test_u10_svg_with_script_is_refused_for_format(data: bytes) -> None:
    assert reason_for(data) == "format"


def test_u11_html_named_photo_jpg_is_refused_whatever_the_name_says() -> None:
    html = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
    upload = io.BytesIO(html)
    upload.name = "photo.jpg"  # what Django's UploadedFile would carry; never consulted
    with pytest.raises(ImageRejected) as refusal:
        inspect(upload)
    assert refusal.value.reason == "format"


@pytest.mark.parametrize("name", ["truncated.jpg", "truncated.png"])
def test_u15_truncated_samples_are_refused_as_corrupt(name: str) -> None:
    assert reason_for((SAMPLES / name).read_bytes()) == "corrupt"


@pytest.mark.parametrize("name", ["demo/phone-moto-g-dandelion.jpg", "png-alpha.png"])
def test_u15_half_a_file_is_refused_as_corrupt(name: str) -> None:
    data = (SAMPLES / name).read_bytes()
    assert reason_for(data[: len(data) // 2]) == "corrupt"


def test_u15_truncated_images_are_never_loaded_leniently() -> None:
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
    assert Image.MAX_IMAGE_PIXELS == 50_000_000


def test_u15_someone_allowing_truncated_images_stops_the_pipeline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    with pytest.raises(RuntimeError, match="LOAD_TRUNCATED_IMAGES"):
        inspect(io.BytesIO((SAMPLES / "orientation/landscape_1.jpg").read_bytes()))


@pytest.mark.parametrize(
    "name", ["demo/phone-iphone15pro-gps.heic", "demo/river-town.heic", "demo/palace-garden.avif"]
)
@pytest.mark.parametrize("fraction", [0.5, 0.99])
def test_u15_truncated_heic_and_avif_are_refused_as_corrupt(name: str, fraction: float) -> None:
    # libheif itself decodes a truncated iPhone HEIC and paints the missing tiles green
    data = (SAMPLES / name).read_bytes()
    truncated = data[: int(len(data) * fraction)]
    assert reason_for(truncated) == "corrupt"
    with pytest.raises(ImageRejected) as refusal:
        process(io.BytesIO(truncated))
    assert refusal.value.reason == "corrupt"


MAGICS = {
    "jpeg": b"\xff\xd8\xff\xe0",
    "png": PNG_MAGIC,
    "webp": b"RIFF\x00\x10\x00\x00WEBPVP8 ",
    "heic": b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",
    "avif": b"\x00\x00\x00\x18ftypavif\x00\x00\x00\x00mif1avif",
}


@pytest.mark.parametrize("magic", MAGICS)
def test_u20_random_bytes_behind_a_valid_magic_only_ever_raise_image_rejected(magic: str) -> None:
    rng = random.Random(f"u20-{magic}")  # fixed seed: the same bytes on every run
    for _ in range(25):
        data = MAGICS[magic] + rng.randbytes(rng.randrange(0, 4096))
        for step in (inspect, process):
            try:
                step(io.BytesIO(data))
            except ImageRejected as refusal:
                assert refusal.reason in REJECT_REASONS
