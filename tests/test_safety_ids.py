"""SAFETY-TESTS cases not covered under their ID elsewhere: uploads (U), web (W), scraping (A12).

U01 (nginx answers 413 before Django) is about the proxy in front; the app's own cap is U02.
U21 (hostile file names) is in tests/images/test_hostile_uploads.py, with raw multipart bodies.
"""

import io
import re
import struct
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from gezinsmuur.requestid import RequestIdFilter
from gezinsmuur.submissions.models import Submission

from . import factories
from .test_submit import form_data, private_files, upload

SAMPLES = Path(__file__).resolve().parent / "samples"

pytestmark = pytest.mark.django_db


def test_U02_a_body_over_the_cap_is_cut_off_while_it_streams(client, settings, phone_photo):
    settings.UPLOAD_MAX_BYTES = 100_000
    response = client.post("/nl/share/", form_data(upload(phone_photo)))
    assert response.status_code == 413
    assert Submission.objects.count() == 0 and private_files() == []


def test_U04_text_fields_over_64_kib_get_a_400(client, phone_photo):
    response = client.post("/nl/share/", form_data(upload(phone_photo), message="a" * 70_000))
    assert response.status_code == 400
    assert Submission.objects.count() == 0


def test_U04_a_message_over_500_characters_comes_back_with_an_error(client, phone_photo):
    response = client.post("/nl/share/", form_data(upload(phone_photo), message="é" * 501))
    assert response.status_code == 400
    assert "é" * 501 in response.content.decode()  # the text is kept for the visitor to shorten
    assert Submission.objects.count() == 0


def test_U06_a_100_megapixel_photo_is_refused_without_decoding(client):
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, "PNG")  # 100 MP in a few kilobytes
    started = time.monotonic()
    response = client.post(
        "/nl/share/", form_data(SimpleUploadedFile("big.png", buffer.getvalue(), "image/png"))
    )
    assert response.status_code == 422
    assert time.monotonic() - started < 5
    assert "meer dan 50 megapixel" in response.content.decode()
    assert Submission.objects.count() == 0


def test_U06_the_refusal_names_the_limit_of_the_photos_kind(client, monkeypatch):
    """A HEIC that is one HEVC image is decoded whole: its own, lower limit, said in French."""
    monkeypatch.setattr("gezinsmuur.images.validate.SINGLE_HEVC_MAX_PIXELS", 1_000_000)
    photo = (SAMPLES / "demo" / "river-town.heic").read_bytes()  # one HEVC image, 1.1 MP
    response = client.post(
        "/fr/share/", form_data(SimpleUploadedFile("river.heic", photo, "image/heic"))
    )
    assert response.status_code == 422
    assert "plus de 1 mégapixels" in response.content.decode()
    assert Submission.objects.count() == 0


def test_U07_a_jpeg_claiming_65500_by_65500_is_refused_at_once(client):
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), "teal").save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    at = data.find(b"\xff\xc0")  # the frame header: length, precision, height, width
    data[at + 5 : at + 9] = struct.pack(">HH", 65_500, 65_500)
    response = client.post(
        "/nl/share/", form_data(SimpleUploadedFile("huge.jpg", bytes(data), "image/jpeg"))
    )
    assert response.status_code == 422
    assert Submission.objects.count() == 0


@pytest.mark.parametrize(
    "path",
    [
        "/media/../private/x.jpeg",
        "/media/original_images/x.jpg",
        "/media/",
        "/.git/config",
        "/media/tiles/",
        "/private/",
    ],
)
def test_U22_originals_private_files_and_listings_are_not_reachable(client, path):
    assert client.get(path, follow=True).status_code == 404


def test_U23_published_renditions_are_served_inert(client):
    tile = factories.submission()
    name = next(r["name"] for r in tile.renditions if r["format"] == "webp")
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Robots-Tag"] == "noindex, noimageindex"
    assert "immutable" in response["Cache-Control"]


def test_W14_an_error_shows_a_generic_page_without_internals(client, settings, monkeypatch, caplog):
    settings.DEBUG = False
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False

    def broken(*args, **kwargs):
        raise RuntimeError("SELECT secret FROM settings")

    monkeypatch.setattr("gezinsmuur.wall.views.queries.tiles", broken)
    client.raise_request_exception = False
    caplog.handler.addFilter(RequestIdFilter())
    response = client.get("/nl/wall/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Er ging iets mis" in body and '<html lang="nl" dir="ltr">' in body
    assert "SELECT" not in body and "Traceback" not in body and "SECRET_KEY" not in body
    # the reference to quote: on the page, in the header, and on the logged error with its stack
    reference = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{16}", reference)
    assert f"<code>{reference}</code>" in body
    [logged] = [r for r in caplog.records if r.name == "django.request"]
    assert logged.request_id == reference and logged.exc_info is not None


def test_W14_the_error_page_speaks_the_visitors_language(client, settings, monkeypatch):
    settings.DEBUG = False
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    monkeypatch.setattr("gezinsmuur.wall.views.queries.tiles", lambda *a, **k: 1 / 0)
    client.raise_request_exception = False
    body = client.get("/ar/wall/").content.decode()
    assert '<html lang="ar" dir="rtl">' in body and "حدث خطأ ما" in body


def test_W14_every_response_has_its_own_reference(client, settings):
    settings.PUBLIC_CACHE_SECONDS = 30
    factories.submission()
    first, second = client.get("/nl/wall/"), client.get("/nl/wall/")
    assert second["X-Cache"] == "hit"  # a page from the cache gets a reference of its own
    assert first["X-Request-ID"] != second["X-Request-ID"]
    assert client.get("/robots.txt")["X-Request-ID"]


def test_W15_an_unknown_host_is_refused(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["gezinsmuur.example"]
    client = Client(raise_request_exception=False)
    assert client.get("/nl/wall/", HTTP_HOST="evil.example").status_code == 400


def test_A12_the_wall_is_public_but_not_for_search_engines(client):
    tile = factories.submission()
    for path in ("/nl/wall/", f"/nl/wall/{tile.public_id}/"):
        assert client.get(path)["X-Robots-Tag"] == "noindex, noimageindex"
    robots = client.get("/robots.txt").content.decode()
    for rule in ("Disallow: /media/", "Disallow: /*/wall/", "Disallow: /*/my/"):
        assert rule in robots
    assert "X-Robots-Tag" not in client.get("/nl/")  # the campaign itself should be found
