"""The worker's image processing: decode small, turn upright, convert to sRGB, drop every byte of
metadata, encode the renditions and hash the result. Pure Python: no Django.

Order of work is chosen for speed and memory: JPEG decodes at reduced scale (draft), other formats
are box-reduced then Lanczos-resized straight after decoding so the full-size buffer is freed
early, and orientation and colour conversion then run on the small image only.
"""

from __future__ import annotations

import contextlib
import functools
import io
from dataclasses import dataclass
from typing import IO, Any, Final

import numpy as np
import pillow_heif
from PIL import Image, ImageCms, ImageOps

from . import heiftiles, pngstream, webpscaled
from .faces import blur_faces as pixelate_faces
from .hashing import phash_pair, sha256_file
from .validate import (
    PILLOW_ERRORS,
    ImageInfo,
    check_header,
    open_image,
    pillow_guard,
    sniff_format,
)

# Each rendition fits a W x W box (W from this tuple): landscape photos get exactly these widths,
# portraits the same height (a 3:4 portrait gives 360x480 and 900x1200). Wall tiles are 160-420
# CSS px wide (site.css); 1200 serves the full view and the share page. Measured (benchmarks/README.md): a
# third size (800) costs a quarter more time, and width-only limits (1200x1600 portraits) make a
# portrait up to twice as slow as a landscape photo. Boxes of 480 and 1000 would be 45% faster.
RENDITION_WIDTHS: Final[tuple[int, ...]] = (480, 1200)
# Height limit as a multiple of the width limit: 1 makes the limit a square box.
MAX_HEIGHT_RATIO: Final = 1
RENDITION_FORMATS: Final = ("avif", "webp", "jpeg")
# (Pillow format, save options). Nothing else is passed: no exif, icc_profile, xmp or comment.
# Measured at 1200 px, one core (benchmarks/README.md): AVIF speed 9 takes 64 ms against 213 ms
# at speed 8, for 4% more bytes and the same SSIM; WebP method 2 takes 45 ms against 98 ms at
# method 4, for 4% more bytes. AVIF q60 matches WebP q80's SSIM in 16% fewer bytes.
ENCODERS: Final[dict[str, tuple[str, dict[str, Any]]]] = {
    "avif": ("AVIF", {"quality": 60, "speed": 9}),
    "webp": ("WEBP", {"quality": 80, "method": 2}),
    "jpeg": ("JPEG", {"quality": 82, "progressive": True, "optimize": True}),
}
# Box-reduce by an integer factor while the result stays at least this many times the target,
# then Lanczos the rest: about half the time of Lanczos from full size, same look at these sizes.
REDUCING_GAP: Final = 1.0
STRIP_ROWS: Final = 64  # output rows per strip when box-reducing a decoded HEIC buffer
SRGB: Final = ImageCms.createProfile("sRGB")
WHITE: Final[dict[str, int | tuple[int, int, int]]] = {"L": 255, "RGB": (255, 255, 255)}


@dataclass(frozen=True)
class Rendition:
    format: str  # "avif" | "webp" | "jpeg"
    width: int
    height: int
    data: bytes


@dataclass(frozen=True)
class ProcessedImage:
    width: int  # upright size of the original as displayed
    height: int
    renditions: list[Rendition]  # smallest first; avif, webp, jpeg at each size
    placeholder: str  # "#rrggbb" average colour
    sha256: str  # hex digest of the original bytes
    phash: int  # unsigned 64-bit DCT perceptual hash of the upright image
    phash_mirror: int  # the same of its horizontal mirror
    faces_blurred: int = 0  # faces found and pixelated when blur_faces was asked


def process(fp: IO[bytes], blur_faces: bool = False) -> ProcessedImage:
    """Make the public renditions of an upload; raise ImageRejected for permanently bad input.

    With `blur_faces`, every face found is pixelated in the upright image before any rendition
    is made from it, so no rendition ever holds the face.
    """
    digest = sha256_file(fp)
    info, largest = _decode(fp, sniff_format(fp))
    faces = 0
    if blur_faces:
        largest, faces = pixelate_faces(largest)
    images = _scaled_copies(largest)
    renditions = [_encode(image, name) for image in images for name in RENDITION_FORMATS]
    phash, phash_mirror = phash_pair(images[0])  # 32x32 from the smallest is as good, and cheaper
    return ProcessedImage(
        info.width,
        info.height,
        renditions,
        placeholder(images[0]),
        digest,
        phash,
        phash_mirror,
        faces,
    )


def _fit(size: tuple[int, int], width: int) -> tuple[int, int]:
    """Scale down (never up) to fit `width` x (MAX_HEIGHT_RATIO x `width`)."""
    w, h = size
    scale = min(1.0, width / w, MAX_HEIGHT_RATIO * width / h)
    return max(1, round(w * scale)), max(1, round(h * scale))


def _decode(fp: IO[bytes], fmt: str) -> tuple[ImageInfo, Image.Image]:
    """The first frame at the largest rendition size: upright, 8-bit sRGB, no metadata.

    A function of its own so that the full-size image and its decoder are freed on return,
    before any encoding starts.
    """
    with open_image(fp, fmt) as im:
        info = check_header(im, fmt, fp)
        target = _fit((info.width, info.height), max(RENDITION_WIDTHS))
        # check_header() swapped the sides for EXIF orientations 5-8; the stored pixels are not
        stored = target if (info.width, info.height) == im.size else (target[1], target[0])
        with pillow_guard():
            small = _decode_small(fp, fmt, im, stored)
            _upright(small)
    return info, _to_srgb(small)


def _decode_small(fp: IO[bytes], fmt: str, im: Image.Image, stored: tuple[int, int]) -> Image.Image:
    """The stored pixels at `stored` size; EXIF, XMP and ICC travel with them in .info, so that
    orientation and colour apply to the small copy. The full-size image is never held where the
    format allows it: a large PNG is decoded a strip at a time (pngstream.py), a still WebP is
    scaled by libwebp while it decodes (webpscaled.py), a JPEG decodes at 1/2, 1/4 or 1/8."""
    if fmt == "png":
        small = pngstream.decode_resized(fp, im.size, stored, REDUCING_GAP)
        if small is not None:
            return small
    if fmt == "webp":
        reduced = webpscaled.decode_reduced(
            fp, _reduce_factor(im.size, stored)
        )  # what reduce(factor) would give
        if reduced is not None:
            small = _resize(reduced, stored)
            small.info = dict(im.info)
            return small
    decoded = _decode_heic(fp, im, stored) if fmt == "heic" else _decode_pillow(im, stored)
    small = _resize(_working_mode(decoded), stored)
    small.info = dict(decoded.info)
    return small


def _upright(im: Image.Image) -> None:
    """Turn by the EXIF orientation. EXIF that Pillow cannot parse counts as no orientation, as in
    inspect(): Pillow's JPEG opener swallows the same error, and the photo is still a photo."""
    with contextlib.suppress(*PILLOW_ERRORS):
        ImageOps.exif_transpose(im, in_place=True)


def _decode_pillow(im: Image.Image, stored: tuple[int, int]) -> Image.Image:
    if im.format == "JPEG":
        im.draft(None, stored)  # DCT scaling: decode 1/2, 1/4 or 1/8 if that still covers it
    im.load()
    return im


def _decode_heic(fp: IO[bytes], im: Image.Image, stored: tuple[int, int]) -> Image.Image:
    """A tiled HEIC (every phone's) is decoded and box-reduced one row of tiles at a time
    (heiftiles.py); any other is box-reduced from libheif's RGB buffer strip by strip instead of
    copied into Pillow first (a full-size copy would cost 4 more bytes a pixel: 200 MB at 50 MP).
    Either way libheif's rotation, mirroring and crop are applied: `im.size` is the size shown."""
    factor = _reduce_factor(im.size, stored)
    with heiftiles.open_tiled(fp) as tiled:
        if tiled is not None and tiled.tiling.tiled and tiled.size == im.size:
            reduced = heiftiles.reduced(tiled, factor)
        else:
            fp.seek(0)
            heif = pillow_heif.open_heif(fp)
            image = heif[heif.primary_index]
            reduced = _reduce_buffer(image.data, image.mode, image.size, image.stride, factor)
    icc = im.info.get("icc_profile")
    reduced.info = {"icc_profile": icc} if icc else {}  # its EXIF orientation is already applied
    return reduced


def _reduce_factor(size: tuple[int, int], target: tuple[int, int]) -> int:
    """The box-reduce factor that keeps the image at least `target` on both sides."""
    return max(1, min(size[0] // target[0], size[1] // target[1]))


def _reduce_buffer(
    data: memoryview, mode: str, size: tuple[int, int], stride: int, factor: int
) -> Image.Image:
    width, height = size
    reduced = Image.new(mode, (-(-width // factor), -(-height // factor)))
    step = factor * STRIP_ROWS
    for top in range(0, height, step):
        rows = min(step, height - top)
        strip = data[top * stride : (top + rows) * stride]
        band = Image.frombuffer(mode, (width, rows), strip, "raw", mode, stride, 1)
        reduced.paste(band.reduce(factor) if factor > 1 else band, (0, top // factor))
    return reduced


def _working_mode(im: Image.Image) -> Image.Image:
    """A mode that Lanczos resizes and ImageCms converts: L, LA, RGB, RGBA or CMYK."""
    if im.mode in ("L", "LA", "RGB", "RGBA", "CMYK"):
        return im
    if im.mode.startswith("I"):
        return _sixteen_to_eight(im)
    if im.mode == "P":
        return im.convert("RGBA" if im.has_transparency_data else "RGB")
    has_alpha = "A" in im.mode or "a" in im.mode  # PA, La, RGBa
    return im.convert("RGBA" if has_alpha else "RGB")  # 1, F, YCbCr, LAB, HSV


def _sixteen_to_eight(im: Image.Image) -> Image.Image:
    """16-bit greyscale to 8-bit by its high byte: Pillow's own convert("L") clips at 255."""
    pixels = np.asarray(im)
    high = np.clip(pixels, 0, 65535) >> 8
    return Image.fromarray(high.astype(np.uint8))


def _resize(im: Image.Image, size: tuple[int, int]) -> Image.Image:
    """A new image at `size`; a copy when no resize is needed so closing `im` cannot touch it."""
    if im.size == size:
        return im.copy()
    return im.resize(size, Image.Resampling.LANCZOS, reducing_gap=REDUCING_GAP)


def _to_srgb(im: Image.Image) -> Image.Image:
    """Flatten alpha onto white, convert through the embedded ICC profile, drop all metadata."""
    icc = im.info.get("icc_profile")
    flat = _flatten(im)
    if icc:
        flat = _apply_profile(flat, icc)
    rgb = flat if flat.mode == "RGB" else flat.convert("RGB")
    rgb.info = {}
    return rgb


def _flatten(im: Image.Image) -> Image.Image:
    """Transparent pixels become white, as they look on the wall's white background."""
    if im.mode not in ("LA", "RGBA"):
        return im
    base_mode = im.mode[:-1]
    base = Image.new(base_mode, im.size, WHITE[base_mode])
    base.paste(im.convert(base_mode), mask=im.getchannel("A"))
    return base


def _apply_profile(im: Image.Image, icc: bytes) -> Image.Image:
    """Pixels converted to sRGB; a broken or mismatched profile leaves them as they are."""
    try:
        converted = ImageCms.applyTransform(im, _transform_to_srgb(icc, im.mode))
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return im  # a photo with a bad profile is still a photo: keep it, uncorrected
    return converted if converted is not None else im


@functools.lru_cache(maxsize=16)
def _transform_to_srgb(icc: bytes, mode: str) -> ImageCms.ImageCmsTransform:
    """Built once per profile: phones embed the same few (Display P3, sRGB) over and over."""
    source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    # NOCACHE: lcms's one-pixel cache is not safe when two threads share a transform.
    return ImageCms.buildTransform(
        source, SRGB, mode, "RGB", ImageCms.Intent.PERCEPTUAL, ImageCms.Flags.NOCACHE
    )


def _scaled_copies(largest: Image.Image) -> list[Image.Image]:
    """One image per distinct rendition size, smallest first; a small source gives just one."""
    sizes = sorted({_fit(largest.size, width) for width in RENDITION_WIDTHS})
    return [_resize(largest, size) for size in sizes]


def _encode(im: Image.Image, name: str) -> Rendition:
    pil_format, options = ENCODERS[name]
    im.info = {}  # encoders fall back to im.info for exif, icc_profile, xmp and the JPEG comment
    buffer = io.BytesIO()
    im.save(buffer, pil_format, **options)
    return Rendition(name, im.width, im.height, buffer.getvalue())


def placeholder(im: Image.Image) -> str:
    """The average colour as "#rrggbb", shown while the rendition loads."""
    pixel = im.convert("RGB").resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    assert isinstance(pixel, tuple)  # an RGB image gives (r, g, b)
    red, green, blue = pixel[:3]
    return f"#{int(red):02x}{int(green):02x}{int(blue):02x}"
