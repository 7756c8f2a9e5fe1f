"""A still WebP is scaled by libwebp while it decodes (webpscaled.py): the same picture as
Pillow's full decode, never the full-size image in memory, broken files refused as before."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from gezinsmuur.images import pipeline, webpscaled
from gezinsmuur.images.validate import ImageRejected

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
PHOTO = SAMPLES / "demo" / "camera-building-portrait.webp"  # lossy, 3648 x 2736, EXIF 6
ALPHA = SAMPLES / "webp-alpha.webp"
ANIMATED = SAMPLES / "webp-animated.webp"

pytestmark = pytest.mark.skipif(webpscaled.LIBWEBP is None, reason="no libwebp beside Pillow")


def largest(path: Path, scaled: bool, monkeypatch: pytest.MonkeyPatch) -> Image.Image:
    """The pipeline's upright 1200 px image, with or without libwebp's scaling."""
    with monkeypatch.context() as patch:
        if not scaled:
            patch.setattr(webpscaled, "decode_reduced", lambda fp, factor: None)
        with path.open("rb") as fp:
            return pipeline._decode(fp, "webp")[1]


def difference(a: Image.Image, b: Image.Image) -> float:
    assert a.size == b.size and a.mode == b.mode
    return float(np.abs(np.asarray(a, np.int16) - np.asarray(b, np.int16)).mean())


@pytest.mark.parametrize("path", [PHOTO, ALPHA], ids=lambda p: p.name)
def test_scaled_decode_looks_like_pillows(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine, theirs = largest(path, True, monkeypatch), largest(path, False, monkeypatch)
    assert mine.size == theirs.size
    assert difference(mine, theirs) < 1.0  # libwebp's scaler against Pillow's box + Lanczos
    assert difference(mine, theirs.transpose(Image.Transpose.FLIP_TOP_BOTTOM)) > 10


@pytest.mark.parametrize("factor", [1, 2, 3, 7])
def test_the_size_is_what_reduce_gives(factor: int) -> None:
    with PHOTO.open("rb") as fp:
        reduced = webpscaled.decode_reduced(fp, factor)
    with Image.open(PHOTO) as im:
        assert reduced is not None
        assert reduced.size == (-(-im.width // factor), -(-im.height // factor))
        assert reduced.mode == "RGB"


def test_alpha_is_kept() -> None:
    with ALPHA.open("rb") as fp:
        reduced = webpscaled.decode_reduced(fp, 2)
    assert reduced is not None and reduced.mode == "RGBA"
    assert reduced.getchannel("A").getextrema()[0] < 255  # some of it is transparent


def test_the_pipeline_never_decodes_a_still_webp_at_full_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("full-size decode")

    monkeypatch.setattr(pipeline, "_decode_pillow", refuse)
    with PHOTO.open("rb") as fp:
        result = pipeline.process(fp)
    assert (result.width, result.height) == (2736, 3648)  # EXIF orientation 6 applied


def test_an_animation_is_left_to_pillow() -> None:
    with ANIMATED.open("rb") as fp:
        assert webpscaled.decode_reduced(fp, 1) is None
        assert pipeline.process(fp).renditions  # its first frame, through Pillow


def test_a_broken_webp_is_refused() -> None:
    buffer = io.BytesIO()
    Image.effect_noise((800, 600), 64).convert("RGB").save(buffer, "WEBP", quality=80)
    data = buffer.getvalue()
    with pytest.raises(ImageRejected) as refusal:
        pipeline.process(io.BytesIO(data[: len(data) // 2]))  # cut in the middle
    assert refusal.value.reason == "corrupt"
