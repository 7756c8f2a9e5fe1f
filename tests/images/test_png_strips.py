"""Large PNGs are decoded a strip at a time (gezinsmuur/images/pngstream.py): never whole, and
the result is the very same pixels and metadata as Pillow's whole-image decode and resize."""

from __future__ import annotations

import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image, ImageOps

from gezinsmuur.images import ImageRejected, pipeline, pngstream, process

LANCZOS = Image.Resampling.LANCZOS


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def random_png(
    size: tuple[int, int],
    colour: int,
    seed: int = 1,
    before: bytes = b"",
    after: bytes = b"",
    interlace: int = 0,
) -> bytes:
    """Random filtered rows with every filter type (0-4): any bytes decode to some image."""
    width, height = size
    rng = np.random.default_rng(seed)
    row = width * pngstream.CHANNELS[colour]
    rows = rng.integers(0, 256, (height, 1 + row), dtype=np.uint8)
    rows[:, 0] = rng.integers(0, 5, height)
    # smooth-ish samples so Paeth and Average have something to predict, and the output varies
    rows[:, 1:] //= 4
    idat = zlib.compress(rows.tobytes(), 6)
    half = len(idat) // 2  # two IDAT chunks: the stream spans chunks
    return (
        pngstream.SIGNATURE
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, interlace))
        + before
        + chunk(b"IDAT", idat[:half])
        + chunk(b"IDAT", idat[half:])
        + after
        + chunk(b"IEND", b"")
    )


def whole(data: bytes, target: tuple[int, int]) -> Image.Image:
    with Image.open(io.BytesIO(data)) as im:
        im.load()
        resized = im.resize(target, LANCZOS, reducing_gap=pipeline.REDUCING_GAP)
        resized.info = dict(im.info)
        return resized


def streamed(data: bytes, target: tuple[int, int]) -> Image.Image:
    with Image.open(io.BytesIO(data)) as im:
        size = im.size
    result = pngstream.decode_resized(io.BytesIO(data), size, target, pipeline.REDUCING_GAP)
    assert result is not None
    return result


@pytest.fixture(autouse=True)
def small_strips(monkeypatch: pytest.MonkeyPatch) -> None:
    """Strips of a few rows, so these small images still cross many strip boundaries."""
    monkeypatch.setattr(pngstream, "STRIP_BYTES", 7000)
    monkeypatch.setattr(pngstream, "READ_BYTES", 999)


@pytest.mark.parametrize("colour", [0, 2, 4, 6], ids=["L", "RGB", "LA", "RGBA"])
@pytest.mark.parametrize(
    ("size", "target"),
    [((1003, 701), (300, 210)), ((640, 997), (101, 157)), ((333, 1200), (150, 540))],
)
def test_the_strips_give_the_same_pixels_as_the_whole_image(colour, size, target) -> None:
    data = random_png(size, colour)
    expected, result = whole(data, target), streamed(data, target)
    assert result.mode == expected.mode == pngstream.MODES[colour]
    assert result.size == expected.size
    assert np.array_equal(np.asarray(result), np.asarray(expected))


def test_a_photo_gives_the_same_pixels_too() -> None:
    from tests.conftest import SAMPLES

    with Image.open(SAMPLES / "camera-12mp.jpg") as im:
        photo = im.reduce(2)  # 2016x1512
    buffer = io.BytesIO()
    photo.save(buffer, "PNG")  # Pillow's own encoder and its choice of filters
    data = buffer.getvalue()
    target = pipeline._fit(photo.size, 480)
    assert np.array_equal(np.asarray(streamed(data, target)), np.asarray(whole(data, target)))


def test_the_metadata_before_and_after_the_pixels_is_kept() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    before = chunk(b"gAMA", struct.pack(">I", 45455))
    after = (
        chunk(b"eXIf", exif.tobytes())
        + chunk(b"tEXt", b"Comment\0after the pixels")
        + chunk(b"iTXt", b"XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>")
    )
    data = random_png((900, 600), 2, before=before, after=after)
    result, expected = streamed(data, (300, 200)), whole(data, (300, 200))
    assert result.info == expected.info
    assert result.info["exif"] and result.info["gamma"] and result.info["Comment"]
    assert result.info["xmp"]
    assert ImageOps.exif_transpose(result).size == (200, 300)


def test_the_whole_image_is_never_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    heights = []
    original = pngstream._decode_strip

    def spy(*args, **kwargs):
        band = original(*args, **kwargs)
        heights.append(band.height)
        return band

    monkeypatch.setattr(pngstream, "_decode_strip", spy)
    streamed(random_png((1000, 900), 6), (300, 270))
    # 7,000-byte strips of 4,001-byte rows: 3 rows a strip (a multiple of the reduce factor, 3),
    # plus the row above
    assert len(heights) == 300 and max(heights) == 4


@pytest.mark.parametrize(
    "make",
    [
        lambda: _saved(Image.new("I;16", (900, 700), 1000)),  # 16 bits a sample
        lambda: _saved(Image.new("RGB", (900, 700), "red").convert("P")),  # palette
        lambda: random_png((900, 700), 2, interlace=1),  # Adam7
        lambda: _saved(
            Image.new("RGB", (900, 700)),
            save_all=True,
            append_images=[Image.new("RGB", (900, 700))],
        ),  # animated
        lambda: random_png((590, 390), 2),  # small enough to decode whole: no reduce step
    ],
    ids=["16-bit", "palette", "interlaced", "animated", "small"],
)
def test_other_pngs_are_decoded_whole_as_before(make) -> None:
    data = make()
    with Image.open(io.BytesIO(data)) as im:
        size = im.size
    assert pngstream.decode_resized(io.BytesIO(data), size, (300, 200), 1.0) is None


def _saved(image: Image.Image, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", **options)
    return buffer.getvalue()


@pytest.mark.parametrize("cut", ["truncated", "garbage"])
def test_broken_pixel_data_is_refused_by_process(cut) -> None:
    data = random_png((1200, 1000), 2)
    layout = pngstream.read_layout(io.BytesIO(data))
    assert layout is not None
    stream = b"".join(data[offset : offset + length] for offset, length in layout.idat)
    if cut == "truncated":  # valid chunks and CRCs around a stream that ends early
        idat = zlib.compress(zlib.decompress(stream)[:50_000])
    else:  # bytes that do not inflate
        idat = stream[:200] + b"\x13" * 4000 + stream[4200:]
    header = chunk(b"IHDR", layout.header)
    broken = pngstream.SIGNATURE + header + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    with pytest.raises(ImageRejected) as refusal:
        process(io.BytesIO(broken))
    assert refusal.value.reason == "corrupt"


def test_process_gives_the_same_renditions_streamed_or_not(monkeypatch) -> None:
    data = random_png((2600, 1900), 6, seed=7)
    streamed_result = process(io.BytesIO(data))
    monkeypatch.setattr(pngstream, "decode_resized", lambda *args: None)
    whole_result = process(io.BytesIO(data))
    assert streamed_result.placeholder == whole_result.placeholder
    assert streamed_result.phash == whole_result.phash
    for ours, theirs in zip(streamed_result.renditions, whole_result.renditions, strict=True):
        assert (ours.format, ours.width, ours.height) == (
            theirs.format,
            theirs.width,
            theirs.height,
        )
        assert np.array_equal(_pixels(ours.data), _pixels(theirs.data))


def _pixels(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as im:
        return np.asarray(im.convert("RGB"))
