"""Decode a large PNG a strip at a time, box-reducing each strip, so the whole image is never held.

Pillow decodes a PNG whole: 4 bytes a pixel, 200 MB at 50 MP before anything else, and twice that
for RGBA, which `resize` first copies to premultiplied RGBa. PNG rows are compressed as one zlib
stream and each row's filter reads the row above, so a strip cannot be decoded on its own; but
the row above, once decoded, is just bytes. Each strip is handed to Pillow's own PNG decoder as a
small PNG: the previous strip's last row (stored unfiltered) followed by the strip's rows as they
are in the file. The output is the same, pixel for pixel, as `Image.resize(size, LANCZOS,
reducing_gap=...)` of the whole image (tests/images/test_png_strips.py), with a few MB held.

Only the common case streams: 8 bits a sample, greyscale or RGB with or without alpha, not
interlaced, not animated, chunks in the usual order. Anything else returns None and is decoded
whole as before.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any, Final

from PIL import Image

SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
MODES: Final = {0: "L", 2: "RGB", 4: "LA", 6: "RGBA"}  # colour type -> mode, at 8 bits a sample
CHANNELS: Final = {0: 1, 2: 3, 4: 2, 6: 4}
PREMULTIPLIED: Final = {"LA": "La", "RGBA": "RGBa"}  # what Image.resize works in for these modes
STRIP_BYTES: Final = 4 << 20  # filtered rows per strip, about
READ_BYTES: Final = 1 << 20
MAX_CHUNKS: Final = 100_000  # more than any real PNG; past it, Pillow decodes the file as before
MAX_CHUNK_BYTES: Final = 8 << 20  # copied ancillary chunks (text, ICC) larger than this: the same
ANIMATION: Final = frozenset({b"acTL", b"fcTL", b"fdAT"})


@dataclass
class Layout:
    header: bytes = b""  # IHDR's data
    before: list[bytes] = field(default_factory=list)  # whole chunks between IHDR and IDAT
    idat: list[tuple[int, int]] = field(default_factory=list)  # (offset, length) of IDAT data
    after: list[bytes] = field(default_factory=list)  # whole chunks after the IDATs, not IEND


def decode_resized(
    fp: IO[bytes], size: tuple[int, int], target: tuple[int, int], reducing_gap: float
) -> Image.Image | None:
    """The PNG in `fp` (of `size`) as `Image.resize(target, LANCZOS, reducing_gap=...)` of the
    whole decoded image gives it, with the same `info`; None when it does not stream."""
    factor = (
        int(size[0] / target[0] / reducing_gap) or 1,
        int(size[1] / target[1] / reducing_gap) or 1,
    )
    if factor == (1, 1):
        return None  # small enough to decode whole
    layout = read_layout(fp)
    if layout is None:
        return None
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(
        ">IIBBBBB", layout.header
    )
    if (width, height) != size or depth != 8 or colour not in MODES:
        return None
    if compression or filtering or interlace:
        return None
    mode = MODES[colour]
    work_mode = PREMULTIPLIED.get(mode, mode)
    row = 1 + width * CHANNELS[colour]  # filter byte + samples
    rows_per_strip = factor[1] * max(1, STRIP_BYTES // (row * factor[1]))
    reduced = Image.new(work_mode, (-(-width // factor[0]), -(-height // factor[1])))
    previous = b""  # the last row decoded, raw
    info: dict[str | tuple[int, int], Any] = {}
    top = 0
    for filtered in _strips(_inflate(fp, layout.idat, height * row), rows_per_strip * row):
        rows = len(filtered) // row
        last = top + rows == height
        band = _decode_strip(layout, colour, width, rows, previous, filtered, last)
        skip = 1 if previous else 0
        previous = band.crop((0, skip + rows - 1, width, skip + rows)).tobytes()
        if last:
            info = dict(band.info)
        if work_mode != mode:
            band = band.convert(work_mode)
        reduced.paste(band.reduce(factor, box=(0, skip, width, skip + rows)), (0, top // factor[1]))
        top += rows
    box = (0.0, 0.0, width / factor[0], height / factor[1])
    small = reduced.resize(target, Image.Resampling.LANCZOS, box=box)
    if work_mode != mode:
        small = small.convert(mode)
    small.info = info
    return small


def read_layout(fp: IO[bytes]) -> Layout | None:
    """Where the chunks are; None for anything but the usual order (Pillow then decides)."""
    end = fp.seek(0, io.SEEK_END)
    fp.seek(0)
    if fp.read(8) != SIGNATURE:
        return None
    layout = Layout()
    position = 8
    for _ in range(MAX_CHUNKS):
        fp.seek(position)
        head = fp.read(8)
        if len(head) < 8:
            return None
        length, kind = struct.unpack(">I4s", head)
        if position + 12 + length > end:
            return None
        if kind == b"IEND":
            return layout if layout.header and layout.idat else None
        if kind == b"IHDR":
            if position != 8 or length != 13:
                return None
            layout.header = fp.read(13)
        elif position == 8 or kind in ANIMATION:
            return None
        elif kind == b"IDAT":
            if layout.after:
                return None  # IDATs must be consecutive
            layout.idat.append((position + 8, length))
        elif length > MAX_CHUNK_BYTES:
            return None
        else:
            fp.seek(position)
            (layout.after if layout.idat else layout.before).append(fp.read(12 + length))
        position += 12 + length
    return None


def _inflate(fp: IO[bytes], spans: list[tuple[int, int]], needed: int) -> Iterator[bytes]:
    """The IDAT stream inflated, in pieces, up to `needed` bytes (Pillow ignores the rest too)."""
    inflater = zlib.decompressobj()
    produced = 0
    for offset, length in spans:
        fp.seek(offset)
        left = length
        while left and produced < needed and not inflater.eof:
            data = fp.read(min(READ_BYTES, left))
            left -= len(data)
            while data and produced < needed:
                try:
                    piece = inflater.decompress(data, min(READ_BYTES, needed - produced))
                except zlib.error as exc:
                    raise OSError(f"broken PNG data: {exc}") from exc
                data = inflater.unconsumed_tail
                produced += len(piece)
                yield piece
                if not piece:
                    break
    if produced < needed:
        raise OSError("image file is truncated")


def _strips(pieces: Iterator[bytes], size: int) -> Iterator[bytes]:
    pending = bytearray()
    for piece in pieces:
        pending += piece
        while len(pending) >= size:
            yield bytes(pending[:size])
            del pending[:size]
    if pending:
        yield bytes(pending)


def _decode_strip(
    layout: Layout,
    colour: int,
    width: int,
    rows: int,
    previous: bytes,
    filtered: bytes,
    last: bool,
) -> Image.Image:
    """`rows` rows (below `previous`, which comes back as the first row) decoded by Pillow.

    The last strip carries the file's other chunks, before and after the pixels as in the file,
    so Pillow reads its ICC profile, EXIF, XMP and text exactly as from the whole file.
    """
    data = b"\0" + previous + filtered if previous else filtered
    header = struct.pack(">IIBBBBB", width, rows + (1 if previous else 0), 8, colour, 0, 0, 0)
    parts = [SIGNATURE, _chunk(b"IHDR", header)]
    if last:
        parts += layout.before
    parts.append(_chunk(b"IDAT", zlib.compress(data, 0)))
    if last:
        parts += layout.after
    parts.append(_chunk(b"IEND", b""))
    band = Image.open(io.BytesIO(b"".join(parts)), formats=["PNG"])
    band.load()
    return band


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(data, zlib.crc32(kind))
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)
