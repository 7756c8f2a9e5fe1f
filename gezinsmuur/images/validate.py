"""Cheap checks for the upload request: the real format, the pixel count and the dimensions.

Everything here reads headers only (plus a 1/8-scale JPEG decode and a PNG chunk walk, which are
cheap), so it can run inside the request. Pure Python: no Django.
"""

from __future__ import annotations

import io
import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Final

import pillow_heif
from PIL import ExifTags, Image, ImageFile

from . import heiftiles

MAX_PIXELS: Final = 50_000_000
MAX_SIDE: Final = 12_000
MIN_SIDE: Final = 100
MAX_ASPECT: Final = 20
REJECT_REASONS: Final = frozenset({"format", "pixels", "dimensions", "corrupt"})
# JPEG decodes at reduced scale, a still WebP is scaled by libwebp as it decodes (webpscaled.py),
# large PNGs and tiled HEICs are decoded a strip or a row of tiles at a time. The rest hold every
# pixel: Pillow's AVIF decoder two or three times over (481 MB peak at 50 MP), an animated or
# lossless WebP once or more (Pillow: 807 MB at 50 MP). Phones write 12-48 MP photos as JPEG or
# HEIC; WebP and AVIF photos that large are rare.
FORMAT_MAX_PIXELS: Final = {"webp": 16_000_000, "avif": 25_000_000}
# A HEIC that is one HEVC image, not a grid of tiles, is decoded whole: libheif holds about 5
# bytes a pixel (304 MB peak at 50 MP, 186 MB at 20 MP). Phones and cameras write large photos
# as grids (heiftiles.py decodes those a tile at a time); one HEVC image this large is beyond
# what hardware encoders make (HEVC level 6.2 ends at 35.6 MP), so the cap refuses no real photo.
SINGLE_HEVC_MAX_PIXELS: Final = 20_000_000

# The Pillow plugin for each accepted format: Image.open() then tries that plugin and no other,
# so no parser for BMP, TIFF, PSD, FITS, PDF... ever sees the bytes (U09).
PIL_FORMATS: Final = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "heic": "HEIF", "avif": "AVIF"}

# ISO-BMFF brands (the `ftyp` box) of still HEIC and AVIF images.
HEIC_BRANDS: Final = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"})
AVIF_BRANDS: Final = frozenset({b"avif", b"avis"})
MAX_BOXES: Final = 64  # real files have a handful (ftyp, meta, mdat, free): bound the walk

# What Pillow's own fuzzers count as a clean refusal of hostile input (Tests/test_fuzzers.py),
# plus RuntimeError: Pillow's AVIF plugin reports a broken file that way, at open() or load().
PILLOW_ERRORS: Final = (
    OSError,
    RuntimeError,
    SyntaxError,
    ValueError,
    MemoryError,
    OverflowError,
    NotImplementedError,
    EOFError,
    struct.error,
)
BOMB_ERRORS: Final = (Image.DecompressionBombError, Image.DecompressionBombWarning)

# Pillow only errors at twice its limit and merely warns in between: our limit, escalated below.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
ImageFile.LOAD_TRUNCATED_IMAGES = False
# Thumbnails, depth maps and auxiliary images are never used: do not decode or keep them.
pillow_heif.register_heif_opener(thumbnails=False, depth_images=False, aux_images=False)


class ImageRejected(Exception):
    """A permanently unacceptable upload; `reason` is one of REJECT_REASONS."""

    def __init__(self, reason: str, detail: str = "", limit: int = MAX_PIXELS) -> None:
        if reason not in REJECT_REASONS:
            raise ValueError(f"unknown reject reason {reason!r}")
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
        self.limit = limit  # for "pixels": the most this photo's kind may have

    def __reduce__(self) -> tuple[type[ImageRejected], tuple[str, str, int]]:
        return ImageRejected, (self.reason, self.detail, self.limit)  # survives pickling


@dataclass(frozen=True)
class ImageInfo:
    """Format and size as displayed (after the EXIF orientation swap)."""

    format: str
    width: int
    height: int


def inspect(fp: IO[bytes]) -> ImageInfo:
    """Refuse what is not an acceptable image, reading little more than the header.

    Leaves `fp` at position 0 for whoever stores it next.
    """
    fmt = sniff_format(fp)
    with open_image(fp, fmt) as im:
        info = check_header(im, fmt, fp)
        with pillow_guard():
            _check_integrity(im, fmt)
    fp.seek(0)
    return info


def sniff_format(fp: IO[bytes]) -> str:
    """The format from the magic bytes; the file name and the content type are never trusted."""
    fp.seek(0)
    head = fp.read(64)
    fp.seek(0)
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp":
        return _isobmff_format(head)
    raise ImageRejected("format", "unrecognised magic bytes")


def _isobmff_format(head: bytes) -> str:
    """HEIC or AVIF from the major brand, else from the compatible brands."""
    box_end = min(struct.unpack(">I", head[:4])[0], len(head))
    brands = [head[8:12]] + [head[i : i + 4] for i in range(16, box_end - 3, 4)]
    for brand in brands:  # the major brand comes first and wins
        if brand in AVIF_BRANDS:
            return "avif"
        if brand in HEIC_BRANDS:
            return "heic"
    raise ImageRejected("format", "ISO-BMFF file that is neither HEIC nor AVIF")


@contextmanager
def pillow_guard() -> Iterator[None]:
    """Turn Pillow's clean refusals into ImageRejected, with bomb warnings escalated to errors."""
    if ImageFile.LOAD_TRUNCATED_IMAGES:  # someone flipped it: refuse rather than publish grey
        raise RuntimeError("PIL.ImageFile.LOAD_TRUNCATED_IMAGES must stay False")
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except BOMB_ERRORS as exc:
            raise ImageRejected("pixels", str(exc)) from exc
        except PILLOW_ERRORS as exc:
            raise ImageRejected("corrupt", f"{type(exc).__name__}: {exc}") from exc


def open_image(fp: IO[bytes], fmt: str) -> Image.Image:
    """Open lazily (header only) with the one plugin that matches the sniffed format."""
    if fmt in ("heic", "avif"):
        _check_boxes(fp)
    fp.seek(0)
    with pillow_guard():
        return Image.open(fp, formats=[PIL_FORMATS[fmt]])


def _check_boxes(fp: IO[bytes]) -> None:
    """Every top-level ISO-BMFF box must end inside the file.

    libheif decodes a truncated iPhone HEIC without an error and paints the missing grid tiles
    green; a box reaching past the end of the file is how such a truncation shows.
    """
    end = fp.seek(0, io.SEEK_END)
    position = 0
    for _ in range(MAX_BOXES):
        size = _box_size(fp, position, end)
        if size == 0:  # the last box runs to the end of the file
            return
        position += size
        if position == end:
            return
    raise ImageRejected("corrupt", "too many top-level boxes")


def _box_size(fp: IO[bytes], position: int, end: int) -> int:
    fp.seek(position)
    header = fp.read(16)
    size = struct.unpack(">I", header[:4])[0] if len(header) >= 8 else -1
    if size == 1:  # a 64-bit size follows the type
        size = struct.unpack(">Q", header[8:16])[0] if len(header) == 16 else -1
    if size != 0 and (size < 8 or position + size > end):
        raise ImageRejected("corrupt", f"ISO-BMFF box at {position} ends past the end of the file")
    return size


def check_header(im: Image.Image, fmt: str, fp: IO[bytes]) -> ImageInfo:
    """Refuse too many pixels or odd dimensions; return the size as it will be displayed."""
    width, height = im.size
    # Enforced here too: warnings filters are process-wide, and another thread's
    # catch_warnings() may restore them while this one is inside pillow_guard()
    limit = pixel_limit(fp, fmt)
    if width * height > limit:
        raise ImageRejected("pixels", f"{width}x{height} {fmt}", limit)
    if max(width, height) > MAX_SIDE or min(width, height) < MIN_SIDE:
        raise ImageRejected("dimensions", f"{width}x{height}")
    if max(width, height) > MAX_ASPECT * min(width, height):
        raise ImageRejected("dimensions", f"aspect {width}x{height}")
    if _header_orientation(im) in SWAPPING_ORIENTATIONS:
        width, height = height, width
    return ImageInfo(fmt, width, height)


def pixel_limit(fp: IO[bytes], fmt: str) -> int:
    """The most pixels a photo of this kind may have (a HEIC: whether it is a grid or not)."""
    limit = FORMAT_MAX_PIXELS.get(fmt, MAX_PIXELS)
    if fmt == "heic":
        with pillow_guard(), heiftiles.open_tiled(fp) as heic:
            if heic is None or not heic.tiling.tiled:
                limit = SINGLE_HEVC_MAX_PIXELS
        fp.seek(0)
    return limit


# EXIF orientations 5-8 turn the stored image a quarter: width and height trade places.
SWAPPING_ORIENTATIONS: Final = frozenset({5, 6, 7, 8})


def _header_orientation(im: Image.Image) -> int:
    """EXIF (or XMP) orientation found in the header; pillow-heif has already applied HEIC's.

    PNG may carry eXIf after the pixels: asking PngImageFile for it would decode the whole image,
    so only an eXIf chunk before IDAT counts here (process() sees the rest when it transposes).
    """
    if im.format == "PNG" and "exif" not in im.info:
        return 1
    with pillow_guard():
        value = Image.Image.getexif(im).get(ExifTags.Base.Orientation, 1)
    return value if isinstance(value, int) else 1


def _check_integrity(im: Image.Image, fmt: str) -> None:
    """Catch truncation where it is cheap; HEIC, AVIF and WebP show it in process()."""
    if fmt == "jpeg":
        # DCT scaling decodes 1/64 of the pixels, but libjpeg still reads every byte.
        im.draft(None, (max(1, im.width // 8), max(1, im.height // 8)))
        im.load()
    elif fmt == "png":
        im.verify()  # walks every chunk and checks its CRC, without inflating the pixels
