"""Paula hides faces herself: she drags over a face on her phone and only the blurred photo leaves."""

import itertools
import re

import numpy as np
import pytest
from django.core.files.storage import storages
from PIL import Image

from gezinsmuur.submissions.models import Submission

from .conftest import assert_accessible, screenshot
from .test_journey import PHONE_PHOTO, consent, seeded  # noqa: F401 - seeded is a fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def cells(region: dict, block: int) -> list[tuple[int, int, int, int]]:
    """The cells blur.js fills: whole cells of at least `block` px spanning the region."""

    def cuts(start: int, length: int) -> list[int]:
        count = max(1, length // block)
        return [start + round(i * length / count) for i in range(count + 1)]

    xs, ys = cuts(region["x"], region["w"]), cuts(region["y"], region["h"])
    return [(a, b, c, d) for b, d in itertools.pairwise(ys) for a, c in itertools.pairwise(xs)]


def spread(pixels: np.ndarray) -> float:
    """The largest standard deviation of the three channels."""
    return float(pixels.reshape(-1, 3).std(axis=0).max())


def test_a_dragged_area_is_pixelated_before_the_photo_leaves_the_phone(page, seeded):  # noqa: F811
    page.goto("/nl/share/")
    page.set_input_files("input[name=photo]", str(PHONE_PHOTO))
    canvas = page.locator("[data-blur-canvas]")
    canvas.wait_for(state="visible")
    assert page.locator("[data-blur-undo]").is_disabled()
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    assert box is not None
    # Drag over the middle third of the photo.
    x0, y0 = box["x"] + box["width"] / 3, box["y"] + box["height"] / 3
    page.mouse.move(x0, y0)
    page.mouse.down()
    page.mouse.move(x0 + box["width"] / 3, y0 + box["height"] / 3, steps=5)
    page.mouse.up()
    regions = page.evaluate("() => window.gezinsmuurBlur.regions()")
    assert len(regions) == 1 and regions[0]["w"] > 100
    assert page.locator("[data-blur-undo]").is_enabled()
    assert page.locator("[data-blur-undo]").bounding_box()["height"] >= 44
    assert_accessible(page, "blur-editor")
    screenshot(page, "blur-editor-nl-360")

    page.fill("textarea[name=message]", "Alleen onze stemmen, niet onze gezichten.")
    consent(page)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/share/thanks/$"))

    submission = Submission.objects.get()
    with storages["private"].open(submission.original) as fp, Image.open(fp) as im:
        assert im.format == "JPEG" and not im.getexif()  # a canvas export: pixels only
        pixels = np.asarray(im.convert("RGB")).astype(float)
    region = regions[0]
    block = max(12, -(-min(region["w"], region["h"]) // 12))
    inset = 4  # JPEG ringing at the cell edges
    inside = [
        spread(pixels[b + inset : d - inset, a + inset : c - inset])
        for a, b, c, d in cells(region, block)
    ]
    assert max(inside) < 4, "each cell is one colour (up to JPEG noise)"
    # The same cells shifted outside the blurred area hold ordinary photo detail.
    left = region["x"] + region["w"]
    outside = [
        spread(
            pixels[
                b + inset : d - inset,
                left + a - region["x"] + inset : left + c - region["x"] - inset,
            ]
        )
        for a, b, c, d in cells(region, block)
        if left + c - region["x"] <= pixels.shape[1]
    ]
    assert outside and np.median(outside) > 3 * max(np.median(inside), 1)


def test_undo_and_clear_remove_the_blur(page, seeded):  # noqa: F811
    page.goto("/ar/share/")
    page.set_input_files("input[name=photo]", str(PHONE_PHOTO))
    canvas = page.locator("[data-blur-canvas]")
    canvas.wait_for(state="visible")
    canvas.click(position={"x": 50, "y": 50})  # a tap blurs a face-sized square
    canvas.click(position={"x": 150, "y": 100})
    assert len(page.evaluate("() => window.gezinsmuurBlur.regions()")) == 2
    page.locator("[data-blur-undo]").focus()
    page.keyboard.press("Enter")
    assert len(page.evaluate("() => window.gezinsmuurBlur.regions()")) == 1
    page.locator("[data-blur-clear]").click()
    assert page.evaluate("() => window.gezinsmuurBlur.active()") is False
    assert page.locator("html").get_attribute("dir") == "rtl"
    screenshot(page, "blur-editor-ar-360")
