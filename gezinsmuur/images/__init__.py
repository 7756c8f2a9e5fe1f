"""The image pipeline: validation in the upload request, renditions and hashes in the worker.

Pure pixel work that imports no Django. Call inspect() in the request (header only, cheap) and
process() in the worker (which can pixelate faces first, see faces.py); both raise ImageRejected
with a `reason` from REJECT_REASONS.
"""

from .faces import blur_faces, detect_faces, pixelate
from .hashing import from_signed64, hamming, phash, sha256_file, to_signed64
from .pipeline import (
    RENDITION_FORMATS,
    RENDITION_WIDTHS,
    ProcessedImage,
    Rendition,
    process,
)
from .validate import (
    MAX_ASPECT,
    MAX_PIXELS,
    MAX_SIDE,
    MIN_SIDE,
    REJECT_REASONS,
    ImageInfo,
    ImageRejected,
    inspect,
)

__all__ = [
    "MAX_ASPECT",
    "MAX_PIXELS",
    "MAX_SIDE",
    "MIN_SIDE",
    "REJECT_REASONS",
    "RENDITION_FORMATS",
    "RENDITION_WIDTHS",
    "ImageInfo",
    "ImageRejected",
    "ProcessedImage",
    "Rendition",
    "blur_faces",
    "detect_faces",
    "from_signed64",
    "hamming",
    "inspect",
    "phash",
    "pixelate",
    "process",
    "sha256_file",
    "to_signed64",
]
