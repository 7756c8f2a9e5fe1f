"""U20: Hypothesis mutates real photos (bit flips, truncation, spliced junk, random bytes behind the
magic; PNG CRCs made right again or not) and feeds them to inspect(), then process() for what it
accepts. Only ImageRejected may escape, and whatever is accepted comes out as clean renditions
that reopen (the same check as the hostile corpus, tests/images/test_hostile_corpus.py).

The suite runs a small deterministic budget (derandomize: the same examples every run, no example
database). A longer run: `FUZZ_EXAMPLES=5000 pytest tests/images/test_fuzz_validator.py`.
"""

from __future__ import annotations

import io
import os
import zlib
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from tests.images.test_hostile_corpus import ROOT, examine

SAMPLES = ROOT / "tests" / "samples"
# Small real photos, one per accepted format, and the length of the magic bytes that sniff it
# (plus a strip of a real photo, below).
SEEDS = {
    "orientation/landscape_6.jpg": 3,  # JPEG with EXIF orientation 6
    "png-exif.png": 8,  # palette PNG with an eXIf chunk
    "webp-alpha.webp": 12,
    "demo/palace-garden.avif": 12,
    "demo/river-town.heic": 12,  # two images, the primary one decoded
}
SEED_BYTES = {name: (SAMPLES / name).read_bytes() for name in SEEDS}


def photo_strip_png() -> bytes:
    """A 2400 x 120 strip of a real photo as an 8-bit RGBA PNG: at twice the largest rendition,
    process() decodes it a strip at a time (gezinsmuur/images/pngstream.py), not whole."""
    with Image.open(SAMPLES / "demo/phone-moto-g-dandelion.jpg") as im:
        strip = im.crop((400, 1200, 2800, 1320))
    strip.putalpha(strip.convert("L"))
    buffer = io.BytesIO()
    strip.save(buffer, "PNG")
    return buffer.getvalue()


def photo_grid_heic() -> bytes:
    """A real photo as phones write HEIC, a grid of tiles (256 px here, 3 x 2): process() decodes
    it a row of tiles at a time (gezinsmuur/images/heiftiles.py)."""
    with Image.open(SAMPLES / "demo/phone-moto-g-dandelion.jpg") as im:
        photo = im.convert("RGB").resize((640, 480))
    buffer = io.BytesIO()
    photo.save(buffer, "HEIF", quality=50, tile_size=256)
    return buffer.getvalue()


SEEDS["photo-strip-2400x120.png"] = 8
SEED_BYTES["photo-strip-2400x120.png"] = photo_strip_png()
SEEDS["photo-grid-640x480.heic"] = 12
SEED_BYTES["photo-grid-640x480.heic"] = photo_grid_heic()
HEADER = 4096  # half the mutations land here, where the parsers' decisions are
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning:PIL")  # "Corrupt EXIF data" etc.


@dataclass(frozen=True)
class Mutation:
    """How to spoil one seed: printed short when Hypothesis reports a failing example."""

    seed: str
    kind: str  # flip | truncate | splice | behind-magic
    position: int = 0
    flips: tuple[tuple[int, int], ...] = ()
    junk: bytes = b""
    fix_crcs: bool = False  # PNG: make every chunk's CRC right again, so the decoders see it

    def apply(self) -> bytes:
        data = bytearray(SEED_BYTES[self.seed])
        if self.kind == "flip":
            for position, bit in self.flips:
                data[position % len(data)] ^= 1 << bit
        elif self.kind == "truncate":
            del data[self.position % len(data) :]
        elif self.kind == "splice":
            start = self.position % len(data)
            data[start : start + len(self.junk)] = self.junk
        else:  # random bytes behind a valid magic
            data = data[: SEEDS[self.seed]] + bytearray(self.junk)
        return png_with_right_crcs(data) if self.fix_crcs else bytes(data)


def png_with_right_crcs(data: bytearray) -> bytes:
    """inspect() checks every CRC of a PNG: without this, nearly every mutation stops there."""
    position = 8
    while position + 12 <= len(data):
        length = int.from_bytes(data[position : position + 4])
        end = position + 8 + length
        if end + 4 > len(data):
            break
        data[end : end + 4] = zlib.crc32(data[position + 4 : end]).to_bytes(4)
        position = end + 4
    return bytes(data)


positions = st.one_of(st.integers(0, HEADER), st.integers(0, 2**24))


@st.composite
def mutations(draw: st.DrawFn) -> Mutation:
    seed = draw(st.sampled_from(sorted(SEEDS)))
    kind = draw(st.sampled_from(["flip", "truncate", "splice", "behind-magic"]))
    fix_crcs = seed.endswith(".png") and draw(st.booleans())
    if kind == "flip":
        flips = draw(st.lists(st.tuples(positions, st.integers(0, 7)), min_size=1, max_size=16))
        return Mutation(seed, kind, flips=tuple(flips), fix_crcs=fix_crcs)
    if kind == "truncate":
        return Mutation(seed, kind, position=draw(positions), fix_crcs=fix_crcs)
    junk = draw(st.binary(min_size=1, max_size=64 if kind == "splice" else 4096))
    return Mutation(seed, kind, draw(positions), junk=junk, fix_crcs=fix_crcs)


@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(mutations())
def test_U20_mutated_photos_are_refused_or_come_out_clean(mutation: Mutation) -> None:
    result = examine(mutation.apply())
    assert result["outcome"] in ("accepted", "refused", "failed"), result
