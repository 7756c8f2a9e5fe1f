"""Decode a still WebP straight to a smaller size with libwebp's own scaler.

Pillow decodes a WebP at full size and holds it two or three times over on the way (a 16 MP WebP
peaked at 303 MB). libwebp can scale while it decodes, a row at a time, so only the small image is
ever held. Pillow does not expose that option; this module calls the libwebp that Pillow's wheel
ships (already loaded by Pillow's WebP plugin) through ctypes, with the structures of libwebp's
decode.h (ABI 0x0209; libwebp checks the major version and refuses a mismatch).

Animated WebPs are left to Pillow (their first frame is small work next to the rest).
"""

from __future__ import annotations

import ctypes
from typing import IO, Final

from PIL import Image, WebPImagePlugin  # noqa: F401  (loads Pillow's libwebp into the process)

from .native import loaded_library

DECODER_ABI_VERSION: Final = 0x0209
MODE_RGB: Final = 0
MODE_RGBA: Final = 1
VP8_STATUS_OK: Final = 0


class WebPError(OSError):
    """libwebp refused the file (an OSError, as Pillow's decoders raise: the photo is refused)."""


class _Features(ctypes.Structure):  # WebPBitstreamFeatures
    _fields_ = [
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("has_alpha", ctypes.c_int),
        ("has_animation", ctypes.c_int),
        ("format", ctypes.c_int),
        ("pad", ctypes.c_uint32 * 5),
    ]


class _RGBABuffer(ctypes.Structure):  # WebPRGBABuffer
    _fields_ = [
        ("rgba", ctypes.c_void_p),
        ("stride", ctypes.c_int),
        ("size", ctypes.c_size_t),
    ]


class _YUVABuffer(ctypes.Structure):  # WebPYUVABuffer: only its size matters here
    _fields_ = [
        ("planes", ctypes.c_void_p * 4),
        ("strides", ctypes.c_int * 4),
        ("sizes", ctypes.c_size_t * 4),
    ]


class _Buffers(ctypes.Union):
    _fields_ = [("RGBA", _RGBABuffer), ("YUVA", _YUVABuffer)]


class _DecBuffer(ctypes.Structure):  # WebPDecBuffer
    _fields_ = [
        ("colorspace", ctypes.c_int),
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("is_external_memory", ctypes.c_int),
        ("u", _Buffers),
        ("pad", ctypes.c_uint32 * 4),
        ("private_memory", ctypes.c_void_p),
    ]


class _Options(ctypes.Structure):  # WebPDecoderOptions
    _fields_ = [
        (name, ctypes.c_int)
        for name in (
            "bypass_filtering",
            "no_fancy_upsampling",
            "use_cropping",
            "crop_left",
            "crop_top",
            "crop_width",
            "crop_height",
            "use_scaling",
            "scaled_width",
            "scaled_height",
            "use_threads",
            "dithering_strength",
            "flip",
            "alpha_dithering_strength",
        )
    ] + [("pad", ctypes.c_uint32 * 5)]


class _Config(ctypes.Structure):  # WebPDecoderConfig
    _fields_ = [("input", _Features), ("output", _DecBuffer), ("options", _Options)]


def _declare(lib: ctypes.CDLL) -> ctypes.CDLL:
    config = ctypes.POINTER(_Config)
    lib.WebPInitDecoderConfigInternal.restype = ctypes.c_int
    lib.WebPInitDecoderConfigInternal.argtypes = [config, ctypes.c_int]
    lib.WebPGetFeaturesInternal.restype = ctypes.c_int
    lib.WebPGetFeaturesInternal.argtypes = [
        ctypes.c_char_p,
        ctypes.c_size_t,
        ctypes.POINTER(_Features),
        ctypes.c_int,
    ]
    lib.WebPDecode.restype = ctypes.c_int
    lib.WebPDecode.argtypes = [ctypes.c_char_p, ctypes.c_size_t, config]
    lib.WebPFreeDecBuffer.restype = None
    lib.WebPFreeDecBuffer.argtypes = [ctypes.POINTER(_DecBuffer)]
    return lib


_library = loaded_library("libwebp", "WebPDecode", "WebPInitDecoderConfigInternal")
LIBWEBP: Final = _declare(_library) if _library else None


def decode_reduced(fp: IO[bytes], factor: int) -> Image.Image | None:
    """The image at 1/`factor` of its size (rounded up, as `reduce` rounds), or None when this
    file is for Pillow (an animation) or libwebp is not there."""
    if LIBWEBP is None:
        return None
    fp.seek(0)
    data = fp.read()
    config = _Config()
    if not LIBWEBP.WebPInitDecoderConfigInternal(ctypes.byref(config), DECODER_ABI_VERSION):
        return None  # another major ABI: leave it to Pillow
    status = LIBWEBP.WebPGetFeaturesInternal(
        data, len(data), ctypes.byref(config.input), DECODER_ABI_VERSION
    )
    if status != VP8_STATUS_OK:
        raise WebPError(f"libwebp could not read the header (status {status})")
    features = config.input
    if features.has_animation:
        return None
    mode = "RGBA" if features.has_alpha else "RGB"
    width, height = -(-features.width // factor), -(-features.height // factor)
    config.output.colorspace = MODE_RGBA if features.has_alpha else MODE_RGB
    config.options.use_scaling = 1
    config.options.scaled_width, config.options.scaled_height = width, height
    config.options.use_threads = 0
    status = LIBWEBP.WebPDecode(data, len(data), ctypes.byref(config))
    try:
        if status != VP8_STATUS_OK:
            raise WebPError(f"libwebp could not decode the image (status {status})")
        rgba = config.output.u.RGBA
        if (config.output.width, config.output.height) != (width, height) or not rgba.rgba:
            raise WebPError("libwebp returned another size than asked")
        if rgba.stride < width * len(mode) or rgba.size < rgba.stride * height:
            raise WebPError("libwebp returned a buffer too small for its size")
        pixels = ctypes.string_at(rgba.rgba, rgba.stride * height)
        return Image.frombuffer(mode, (width, height), pixels, "raw", mode, rgba.stride, 1)
    finally:
        LIBWEBP.WebPFreeDecBuffer(ctypes.byref(config.output))
