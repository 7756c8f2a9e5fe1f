"""Each language has its own URLs; the first visit follows the browser's language."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "prefix"),
    [("fr-BE,fr;q=0.9", "/fr/"), ("ar", "/ar/"), ("de-DE", "/de/"), ("ja", "/nl/")],
)
def test_the_first_visit_follows_the_browsers_language(client, accept, prefix):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302 and response["Location"] == prefix


@pytest.mark.parametrize("code", ["nl", "fr", "en", "de", "ar"])
def test_the_share_form_and_the_wall_speak_each_language(client, code):
    for path in (f"/{code}/share/", f"/{code}/wall/"):
        html = client.get(path).content.decode()
        assert f'<html lang="{code}" dir="{"rtl" if code == "ar" else "ltr"}">' in html
