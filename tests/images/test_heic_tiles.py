"""HEIC decoded one row of tiles at a time (heiftiles.py): the same pixels as a whole decode,
never the whole image in memory, and broken files refused as before."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pillow_heif
import pytest
from PIL import Image

from gezinsmuur.images import heiftiles, pipeline, validate
from gezinsmuur.images.validate import ImageRejected

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
IPHONE = SAMPLES / "demo" / "phone-iphone15pro-gps.heic"
RIVER = SAMPLES / "demo" / "river-town.heic"  # one HEVC image, 1280 x 854: no grid

pytestmark = pytest.mark.skipif(heiftiles.LIBHEIF is None, reason="libheif without a tile API")


def whole(data: bytes) -> Image.Image:
    """libheif's own whole-image decode through pillow-heif: the reference."""
    heif = pillow_heif.open_heif(io.BytesIO(data))
    return heif[heif.primary_index].to_pillow()


def grid_heic(size: tuple[int, int], tile: int = 512, mode: str = "RGB") -> bytes:
    """A photo written as phones write it: a grid of `tile` px HEVC images."""
    with Image.open(SAMPLES / "camera-12mp.jpg") as im:
        picture = im.convert("RGB").resize(size)
    if mode == "RGBA":
        picture.putalpha(Image.linear_gradient("L").resize(size))
    buffer = io.BytesIO()
    picture.save(buffer, "HEIF", quality=70, tile_size=tile)
    return buffer.getvalue()


def difference(a: Image.Image, b: Image.Image) -> float:
    assert a.size == b.size and a.mode == b.mode
    return float(np.abs(np.asarray(a, np.int16) - np.asarray(b, np.int16)).mean())


def test_iphone_photo_reduces_to_the_whole_decode() -> None:
    """An iPhone portrait: 8 x 6 tiles of 512 px stored landscape, cut to 4032 x 3024, and an
    irot that turns it upright."""
    data = IPHONE.read_bytes()
    reference = whole(data)
    with heiftiles.open_tiled(io.BytesIO(data)) as heic:
        assert heic is not None
        assert (heic.tiling.columns, heic.tiling.rows, heic.tiling.tile_width) == (8, 6, 512)
        assert heic.tiling.size == (4032, 3024)
        assert heic.transformations == [Image.Transpose.ROTATE_270]
        assert heic.size == reference.size == (3024, 4032)  # as displayed
        for factor in (1, 3, 4):  # 3 does not divide the 512 px tiles: rows carry over
            mine = heiftiles.reduced(heic, factor)
            theirs = reference.reduce(factor)
            assert mine.size == theirs.size
            # libheif converts YUV to RGB per tile here and per image there, and the boxes
            # of a reduce by 3 fall differently once turned: a shade apart at most
            assert difference(mine, theirs) < 0.5, factor
            # a wrong turn or a tile out of place would be far more
            assert difference(mine, theirs.transpose(Image.Transpose.ROTATE_180)) > 10


@pytest.mark.parametrize("size", [(1100, 700), (700, 1100), (1025, 513)])
@pytest.mark.parametrize("factor", [1, 2, 5])
def test_partial_edge_tiles(size: tuple[int, int], factor: int) -> None:
    """Images that end inside a tile: the last row and column of tiles are cut."""
    data = grid_heic(size, tile=256)
    with heiftiles.open_tiled(io.BytesIO(data)) as heic:
        assert heic is not None
        assert (heic.tiling.tile_width, heic.tiling.tile_height) == (256, 256)
        mine = heiftiles.reduced(heic, factor)
    theirs = whole(data).reduce(factor)
    assert mine.size == theirs.size
    assert difference(mine, theirs) < 0.05


def test_alpha_grid_keeps_its_alpha() -> None:
    """libheif 1.23 reports a grid with an alpha grid beside it as one tile (its tiles cannot be
    decoded with their alpha one by one): the whole-image path, transparency intact."""
    data = grid_heic((600, 400), tile=256, mode="RGBA")
    with heiftiles.open_tiled(io.BytesIO(data)) as heic:
        assert heic is not None
        assert heic.mode == "RGBA"
        mine = heiftiles.reduced(heic, 2)  # still right when asked for directly
    theirs = whole(data).reduce(2)
    assert difference(mine, theirs) < 0.05
    with Image.open(io.BytesIO(data)) as im:
        assert pipeline._decode_heic(io.BytesIO(data), im, (300, 200)).mode == "RGBA"


def test_a_single_hevc_image_is_not_tiled(monkeypatch: pytest.MonkeyPatch) -> None:
    """One HEVC image (no grid) has nothing to decode tile by tile: the whole-image path."""
    with heiftiles.open_tiled(RIVER.open("rb")) as heic:
        assert heic is not None
        assert not heic.tiling.tiled

    def refuse(*args: object) -> None:
        raise AssertionError("tile path")

    monkeypatch.setattr(heiftiles, "reduced", refuse)
    with RIVER.open("rb") as fp:
        assert pipeline.process(fp).width == 1280


def test_pipeline_decodes_a_grid_tile_by_tile(monkeypatch: pytest.MonkeyPatch) -> None:
    """process() of a phone HEIC never asks libheif for the whole image."""
    calls: list[tuple[int, int]] = []
    original = heiftiles.TiledHeic.tile

    def counting(self: heiftiles.TiledHeic, column: int, row: int) -> Image.Image:
        calls.append((column, row))
        return original(self, column, row)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("whole-image decode")

    monkeypatch.setattr(heiftiles.TiledHeic, "tile", counting)
    monkeypatch.setattr(pipeline, "_reduce_buffer", refuse)
    with IPHONE.open("rb") as fp:
        result = pipeline.process(fp)
    with heiftiles.open_tiled(IPHONE.open("rb")) as heic:
        assert heic is not None
        expected = heic.tiling.columns * heic.tiling.rows
    assert sorted(set(calls)) == sorted(calls) and len(calls) == expected  # each tile once
    assert (result.width, result.height) == whole(IPHONE.read_bytes()).size


def test_only_a_single_hevc_image_has_the_lower_pixel_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The cap for HEIC that must be decoded whole does not touch phone photos (grids)."""
    monkeypatch.setattr(validate, "SINGLE_HEVC_MAX_PIXELS", 1_000_000)
    with RIVER.open("rb") as fp, pytest.raises(ImageRejected) as refusal:
        validate.inspect(fp)
    assert (refusal.value.reason, refusal.value.limit) == ("pixels", 1_000_000)
    with IPHONE.open("rb") as fp:  # 12 MP, a grid
        assert validate.inspect(fp).width == 3024


def test_missing_tile_data_is_refused() -> None:
    """A grid whose tile data was cut away (box sizes patched to stay inside the file) fails
    in libheif, and the photo is refused, not published with holes."""
    data = bytearray(grid_heic((1024, 1024), tile=256))
    mdat = data.find(b"mdat") - 4
    size = int.from_bytes(data[mdat : mdat + 4], "big")
    cut = mdat + size // 2
    del data[cut:]
    data[mdat : mdat + 4] = (len(data) - mdat).to_bytes(4, "big")
    with pytest.raises(ImageRejected):
        pipeline.process(io.BytesIO(bytes(data)))


def test_mirror_and_crop_apply_to_the_small_image_as_to_the_full_one() -> None:
    """No sample has imir or clap on a grid (no phone writes them): the steps themselves, on a
    made image, against the same steps at full size then the reduce."""
    full = Image.effect_noise((800, 600), 80).convert("RGB").resize((800, 600))
    full.paste((200, 30, 30), (0, 0, 400, 300))  # a corner to tell the turns apart
    steps: list[heiftiles.Transformation] = [
        Image.Transpose.ROTATE_90,
        Image.Transpose.FLIP_LEFT_RIGHT,
        (40, 20, 60, 80),  # left, top, right, bottom in full-size pixels
    ]
    expected = full.transpose(Image.Transpose.ROTATE_90).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    expected = expected.crop((40, 20, expected.width - 60, expected.height - 80)).reduce(4)
    mine = heiftiles.transformed(full.reduce(4), steps, 4)
    assert mine.size == expected.size == (125, 175)
    assert difference(mine, expected) < 1
