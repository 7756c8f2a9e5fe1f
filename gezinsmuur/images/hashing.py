"""Content hashes: SHA-256 of the uploaded bytes and a 64-bit DCT perceptual hash (pHash).

The pHash follows imagehash.phash (32x32 greyscale, 2-D DCT-II, the 8x8 lowest frequencies
against their median, first coefficient = most significant bit) in a few lines of numpy,
instead of pulling in imagehash and scipy (~150 MB) for one function.
"""

from __future__ import annotations

import hashlib
from typing import IO, Final

import numpy as np
from PIL import Image

HASH_SIDE: Final = 8
SAMPLE_SIDE: Final = 32
CHUNK: Final = 1 << 20

# Rows 0-7 of the unscaled DCT-II matrix for 32 samples: C[k, n] = cos(pi * (2n + 1) * k / 64).
_k, _n = np.meshgrid(np.arange(HASH_SIDE), np.arange(SAMPLE_SIDE), indexing="ij")
_DCT: Final = np.cos(np.pi * (2 * _n + 1) * _k / (2 * SAMPLE_SIDE))


def sha256_file(fp: IO[bytes]) -> str:
    """Hex SHA-256 of the whole stream, read in chunks; leaves `fp` at position 0."""
    fp.seek(0)
    digest = hashlib.sha256()
    for chunk in iter(lambda: fp.read(CHUNK), b""):
        digest.update(chunk)
    fp.seek(0)
    return digest.hexdigest()


def phash_pair(im: Image.Image) -> tuple[int, int]:
    """pHash of the image and of its horizontal mirror (a flipped repost is still a repost)."""
    grey = im.convert("L").resize((SAMPLE_SIDE, SAMPLE_SIDE), Image.Resampling.LANCZOS)
    pixels = np.asarray(grey, dtype=np.float64)
    return _dct_hash(pixels), _dct_hash(pixels[:, ::-1])


def phash(im: Image.Image) -> int:
    """64-bit perceptual hash; near-duplicates differ in a few bits (see hamming())."""
    return phash_pair(im)[0]


def _dct_hash(pixels: np.ndarray) -> int:
    low = _DCT @ pixels @ _DCT.T  # the 8x8 lowest frequencies of the 2-D DCT
    bits = (low > np.median(low)).flatten()
    return int.from_bytes(np.packbits(bits).tobytes(), "big")


def hamming(a: int, b: int) -> int:
    """Number of differing bits between two hashes."""
    return (a ^ b).bit_count()


def to_signed64(value: int) -> int:
    """The unsigned 64-bit hash as a signed one, for a database BIGINT column."""
    return value - (1 << 64) if value >= 1 << 63 else value


def from_signed64(value: int) -> int:
    """Inverse of to_signed64()."""
    return value & ((1 << 64) - 1)
