"""Decode a tiled HEIC one tile at a time and box-reduce it as the tiles come.

Phones write HEIC photos as a grid of small HEVC images (512 x 512 on iPhones and Samsungs).
libheif's whole-image decode pastes every tile into one full-size YUV image and then converts
that into a full-size RGB one: 240 MB at 50 MP before the pipeline has done anything. Decoded a
tile at a time, a photo never holds more than one row of tiles (12 MB at 50 MP).

pillow-heif does not bind libheif's tile API, so this module calls the libheif that pillow-heif
already loaded through ctypes: the same library, plugins and security limits that parsed the
header. Every size libheif hands back is checked before a byte of it is read.

The tiles are decoded as stored, and the file's rotation, mirroring and crop are applied to the
reduced image: libheif 1.23's tile offsets for a rotated grid are wrong (an iPhone portrait
comes out 416 px off), while the stored layout is plain: tile (c, r) at (c x width, r x height),
the last row and column cut by the image's size.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Final

import _pillow_heif  # noqa: F401  (pillow-heif's extension: loads its libheif into the process)
from PIL import Image

from .native import loaded_library

# From libheif's headers (heif_image.h): enum values, stable across versions.
COLORSPACE_RGB: Final = 1
CHROMA_INTERLEAVED_RGB: Final = 10
CHROMA_INTERLEAVED_RGBA: Final = 11
CHANNEL_INTERLEAVED: Final = 10


# Property types (fourcc) and values from libheif's heif_properties.h.
IROT: Final = int.from_bytes(b"irot", "big")
IMIR: Final = int.from_bytes(b"imir", "big")
CLAP: Final = int.from_bytes(b"clap", "big")
ROTATIONS: Final[
    dict[int, Image.Transpose | None]
] = {  # counter-clockwise, as irot gives it and as Pillow turns
    0: None,
    90: Image.Transpose.ROTATE_90,
    180: Image.Transpose.ROTATE_180,
    270: Image.Transpose.ROTATE_270,
}
MIRRORS: Final = {0: Image.Transpose.FLIP_TOP_BOTTOM, 1: Image.Transpose.FLIP_LEFT_RIGHT}
MAX_TRANSFORMATIONS: Final = 16
Transformation = Image.Transpose | tuple[int, int, int, int]


class TileError(OSError):
    """libheif refused the file or a tile, or handed back something of the wrong size.

    An OSError, as Pillow's decoders raise for broken files: pillow_guard() refuses the photo."""


class _Error(ctypes.Structure):  # struct heif_error, returned by value
    _fields_ = [("code", ctypes.c_int), ("subcode", ctypes.c_int), ("message", ctypes.c_char_p)]


class _Tiling(ctypes.Structure):  # struct heif_image_tiling, version 1
    _fields_ = [
        ("version", ctypes.c_int),
        ("num_columns", ctypes.c_uint32),
        ("num_rows", ctypes.c_uint32),
        ("tile_width", ctypes.c_uint32),
        ("tile_height", ctypes.c_uint32),
        ("image_width", ctypes.c_uint32),
        ("image_height", ctypes.c_uint32),
        ("top_offset", ctypes.c_uint32),
        ("left_offset", ctypes.c_uint32),
        ("number_of_extra_dimensions", ctypes.c_uint8),
        ("extra_dimension_size", ctypes.c_uint32 * 8),
    ]


class _DecodingOptions(ctypes.Structure):  # the start of struct heif_decoding_options (v2+)
    _fields_ = [
        ("version", ctypes.c_uint8),
        ("ignore_transformations", ctypes.c_uint8),
        ("start_progress", ctypes.c_void_p),
        ("on_progress", ctypes.c_void_p),
        ("end_progress", ctypes.c_void_p),
        ("progress_user_data", ctypes.c_void_p),
        ("convert_hdr_to_8bit", ctypes.c_uint8),
    ]


@dataclass(frozen=True)
class Tiling:
    columns: int
    rows: int
    tile_width: int
    tile_height: int
    width: int  # the image as stored: before rotation, mirroring and crop
    height: int

    @property
    def size(self) -> tuple[int, int]:
        return self.width, self.height

    @property
    def tiled(self) -> bool:
        return self.columns * self.rows > 1


def _declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    pointer, error, u32 = ctypes.c_void_p, _Error, ctypes.c_uint32
    signatures: dict[str, tuple[object, list[object]]] = {
        "heif_context_alloc": (pointer, []),
        "heif_context_free": (None, [pointer]),
        "heif_context_set_max_decoding_threads": (None, [pointer, ctypes.c_int]),
        "heif_context_read_from_memory_without_copy": (
            error,
            [pointer, ctypes.c_char_p, ctypes.c_size_t, pointer],
        ),
        "heif_context_get_primary_image_handle": (error, [pointer, ctypes.POINTER(pointer)]),
        "heif_image_handle_release": (None, [pointer]),
        "heif_image_handle_has_alpha_channel": (ctypes.c_int, [pointer]),
        "heif_image_handle_get_image_tiling": (
            error,
            [pointer, ctypes.c_int, ctypes.POINTER(_Tiling)],
        ),
        "heif_decoding_options_alloc": (ctypes.POINTER(_DecodingOptions), []),
        "heif_decoding_options_free": (None, [ctypes.POINTER(_DecodingOptions)]),
        "heif_image_handle_decode_image_tile": (
            error,
            [
                pointer,
                ctypes.POINTER(pointer),
                ctypes.c_int,
                ctypes.c_int,
                ctypes.POINTER(_DecodingOptions),
                u32,
                u32,
            ],
        ),
        "heif_image_get_width": (ctypes.c_int, [pointer, ctypes.c_int]),
        "heif_image_get_height": (ctypes.c_int, [pointer, ctypes.c_int]),
        "heif_image_get_plane_readonly": (
            ctypes.c_void_p,
            [pointer, ctypes.c_int, ctypes.POINTER(ctypes.c_int)],
        ),
        "heif_image_release": (None, [pointer]),
        "heif_image_handle_get_item_id": (u32, [pointer]),
        "heif_item_get_transformation_properties": (
            ctypes.c_int,
            [pointer, u32, ctypes.POINTER(u32), ctypes.c_int],
        ),
        "heif_item_get_property_type": (u32, [pointer, u32, u32]),
        "heif_item_get_property_transform_rotation_ccw": (ctypes.c_int, [pointer, u32, u32]),
        "heif_item_get_property_transform_mirror": (ctypes.c_int, [pointer, u32, u32]),
        "heif_item_get_property_transform_crop_borders": (
            None,
            [pointer, u32, u32, ctypes.c_int, ctypes.c_int, *[ctypes.POINTER(ctypes.c_int)] * 4],
        ),
    }
    for name, (restype, argtypes) in signatures.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes
    return lib


_library = loaded_library("libheif", "heif_image_handle_decode_image_tile")
LIBHEIF: Final = _declare(_library) if _library else None


def _check(error: _Error, what: str) -> None:
    if error.code != 0:
        message = (error.message or b"").decode("utf-8", "replace")
        raise TileError(f"{what}: {message} ({error.code}.{error.subcode})")


class TiledHeic:
    """The primary image of a HEIC file, opened for decoding tile by tile."""

    def __init__(self, lib: ctypes.CDLL, data: bytes) -> None:
        self._lib = lib
        self._data = data  # libheif reads it without a copy: keep it alive
        self._context = lib.heif_context_alloc()
        self._handle = ctypes.c_void_p()
        self._options = lib.heif_decoding_options_alloc()
        if not self._context or not self._options:
            self.close()
            raise MemoryError("libheif could not allocate a context")
        # The worker runs one job at a time; no threads of libheif's own beside it.
        lib.heif_context_set_max_decoding_threads(self._context, 0)
        self._options.contents.convert_hdr_to_8bit = 1
        self._options.contents.ignore_transformations = 1  # applied after reducing
        try:
            _check(
                lib.heif_context_read_from_memory_without_copy(
                    self._context, data, len(data), None
                ),
                "read",
            )
            _check(
                lib.heif_context_get_primary_image_handle(
                    self._context, ctypes.byref(self._handle)
                ),
                "primary image",
            )
            self.mode = "RGBA" if lib.heif_image_handle_has_alpha_channel(self._handle) else "RGB"
            self.tiling = self._tiling()
            self.transformations, self.size = self._transformations()  # size as displayed
        except BaseException:
            self.close()
            raise

    def _tiling(self) -> Tiling:
        raw = _Tiling(version=1)
        _check(
            self._lib.heif_image_handle_get_image_tiling(self._handle, 0, ctypes.byref(raw)),
            "tiling",
        )
        tiling = Tiling(
            raw.num_columns,
            raw.num_rows,
            raw.tile_width,
            raw.tile_height,
            raw.image_width,
            raw.image_height,
        )
        if not (
            tiling.tile_width > 0
            and tiling.tile_height > 0
            and (tiling.columns - 1) * tiling.tile_width < tiling.width
            and tiling.width <= tiling.columns * tiling.tile_width
            and (tiling.rows - 1) * tiling.tile_height < tiling.height
            and tiling.height <= tiling.rows * tiling.tile_height
        ):
            raise TileError(f"inconsistent tiling {tiling}")
        return tiling

    def _transformations(self) -> tuple[list[Transformation], tuple[int, int]]:
        """The file's irot, imir and clap properties in order, as Pillow transposes and crop
        borders (left, top, right, bottom) in full-size pixels."""
        lib, context = self._lib, self._context
        item = lib.heif_image_handle_get_item_id(self._handle)
        ids = (ctypes.c_uint32 * MAX_TRANSFORMATIONS)()
        count = lib.heif_item_get_transformation_properties(context, item, ids, MAX_TRANSFORMATIONS)
        if count > MAX_TRANSFORMATIONS:
            raise TileError(f"{count} transformations")
        steps: list[Transformation] = []
        width, height = self.tiling.size
        for prop in ids[:count]:
            kind = lib.heif_item_get_property_type(context, item, prop)
            if kind == IROT:
                angle = lib.heif_item_get_property_transform_rotation_ccw(context, item, prop)
                if angle not in ROTATIONS:
                    raise TileError(f"rotation {angle}")
                turn = ROTATIONS[angle]
                if turn is not None:
                    steps.append(turn)
                if angle in (90, 270):
                    width, height = height, width
            elif kind == IMIR:
                direction = lib.heif_item_get_property_transform_mirror(context, item, prop)
                if direction not in MIRRORS:
                    raise TileError(f"mirror {direction}")
                steps.append(MIRRORS[direction])
            elif kind == CLAP:
                borders = [ctypes.c_int() for _ in range(4)]
                lib.heif_item_get_property_transform_crop_borders(
                    context, item, prop, width, height, *map(ctypes.byref, borders)
                )
                left, top, right, bottom = (border.value for border in borders)
                if (
                    min(left, top, right, bottom) < 0
                    or left + right >= width
                    or top + bottom >= height
                ):
                    raise TileError(f"crop {left},{top},{right},{bottom} of {width}x{height}")
                steps.append((left, top, right, bottom))
                width, height = width - left - right, height - top - bottom
        return steps, (width, height)

    def tile(self, column: int, row: int) -> Image.Image:
        """One tile as a Pillow image of its own (a copy: libheif's buffer is released here)."""
        lib = self._lib
        image = ctypes.c_void_p()
        chroma = CHROMA_INTERLEAVED_RGBA if self.mode == "RGBA" else CHROMA_INTERLEAVED_RGB
        _check(
            lib.heif_image_handle_decode_image_tile(
                self._handle,
                ctypes.byref(image),
                COLORSPACE_RGB,
                chroma,
                self._options,
                column,
                row,
            ),
            f"tile {column},{row}",
        )
        try:
            width = lib.heif_image_get_width(image, CHANNEL_INTERLEAVED)
            height = lib.heif_image_get_height(image, CHANNEL_INTERLEAVED)
            stride = ctypes.c_int()
            plane = lib.heif_image_get_plane_readonly(
                image, CHANNEL_INTERLEAVED, ctypes.byref(stride)
            )
            pixel = len(self.mode)
            if not (
                plane
                and 0 < width <= self.tiling.tile_width
                and 0 < height <= self.tiling.tile_height
                and stride.value >= width * pixel
            ):
                raise TileError(f"tile {column},{row}: {width}x{height}, stride {stride.value}")
            buffer = (ctypes.c_uint8 * (stride.value * height)).from_address(plane)
            return Image.frombuffer(
                self.mode, (width, height), bytes(buffer), "raw", self.mode, stride.value, 1
            )
        finally:
            lib.heif_image_release(image)

    def close(self) -> None:
        if self._handle:
            self._lib.heif_image_handle_release(self._handle)
            self._handle = ctypes.c_void_p()
        if self._options:
            self._lib.heif_decoding_options_free(self._options)
            self._options = None
        if self._context:
            self._lib.heif_context_free(self._context)
            self._context = None


@contextmanager
def open_tiled(fp: IO[bytes]) -> Iterator[TiledHeic | None]:
    """The file's primary image, or None where the tile API is not there (an older libheif)."""
    if LIBHEIF is None:
        yield None
        return
    fp.seek(0)
    heic = TiledHeic(LIBHEIF, fp.read())
    try:
        yield heic
    finally:
        heic.close()


def reduced(heic: TiledHeic, factor: int) -> Image.Image:
    """The image box-reduced by `factor`, decoded one row of tiles at a time, then turned,
    mirrored and cropped as the file says.

    Before the turn, the same pixels as decoding whole and calling `reduce(factor)`: rows are
    handed on in multiples of `factor`, and the few left over wait for the next row of tiles.
    """
    tiling = heic.tiling
    width, height = tiling.size
    out = Image.new(heic.mode, (-(-width // factor), -(-height // factor)))
    carry = Image.new(heic.mode, (width, 0))
    done = 0  # image rows already reduced into `out`
    for row in range(tiling.rows):
        rows = min(tiling.tile_height, height - row * tiling.tile_height)
        band = Image.new(heic.mode, (width, carry.height + rows))
        band.paste(carry, (0, 0))
        for column in range(tiling.columns):
            band.paste(heic.tile(column, row), (column * tiling.tile_width, carry.height))
        last = row == tiling.rows - 1
        usable = band.height if last else band.height - band.height % factor
        if usable:
            out.paste(band.crop((0, 0, width, usable)).reduce(factor), (0, done // factor))
            done += usable
        carry = band.crop((0, usable, width, band.height))
    return transformed(out, heic.transformations, factor)


def transformed(im: Image.Image, steps: list[Transformation], factor: int) -> Image.Image:
    """Rotation, mirroring and crop (given in full-size pixels) applied in the file's order."""
    for step in steps:
        if isinstance(step, Image.Transpose):
            im = im.transpose(step)
        else:
            left, top, right, bottom = (round(border / factor) for border in step)
            im = im.crop(
                (left, top, max(left + 1, im.width - right), max(top + 1, im.height - bottom))
            )
    return im
