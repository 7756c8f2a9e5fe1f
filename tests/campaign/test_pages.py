"""Vera reads the whole campaign in every language; Eddie the editor changes it in the CMS."""

import re
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Locale

from gezinsmuur.campaign import models
from gezinsmuur.campaign.content import HELEN, HOME
from gezinsmuur.campaign.models import CampaignSettings, HomePage, Partner

from ..conftest import log_in_staff
from .conftest import LANGUAGES

PAGES = ["", "stories/", "stories/helen/", "privacy/", "faq/"]


def html_attributes(response) -> tuple[str, str]:
    tag = re.search(r"<html lang=\"([^\"]+)\" dir=\"([^\"]+)\">", response.content.decode())
    assert tag is not None
    return tag[1], tag[2]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_campaign_page_renders_in_every_language_with_its_lang_and_dir(
    client, site, language
):
    for path in PAGES:
        response = client.get(f"/{language}/{path}")
        assert response.status_code == 200, path
        assert html_attributes(response) == (language, "rtl" if language == "ar" else "ltr")
        html = response.content.decode()
        for other in LANGUAGES:  # each page links its translations (hreflang)
            assert f'hreflang="{other}" href="http://127.0.0.1:8000/{other}/{path}"' in html
        assert 'hreflang="x-default" href="http://127.0.0.1:8000/nl/' in html
        assert '<meta property="og:image" content="http://127.0.0.1:8000/static/' in html
        assert f'<link rel="canonical" href="http://127.0.0.1:8000/{language}/{path}">' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_tells_the_whole_story(client, site, language):
    html = client.get(f"/{language}/").content.decode()
    texts = HOME[language]
    for field in ("hero_title", "family_title", "stories_title", "why_title", "countdown_title"):
        assert texts[field] in html, field
    assert HELEN[language]["title"] in html and HELEN[language]["quote"] in html
    assert f'href="/{language}/share/"' in html  # the call to action leads to the form
    assert "18" in html and "25" in html  # the law of 18 August 2025, 25 organisations


def test_headings_follow_each_other_in_order(client, site):
    html = client.get("/nl/").content.decode()
    levels = [int(level) for level in re.findall(r"<h([1-6])", html)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))


def test_the_home_page_is_served_from_the_page_cache(client, site, settings):
    settings.PUBLIC_CACHE_SECONDS = 30
    client.get("/nl/")
    assert client.get("/nl/").headers.get("X-Cache") == "hit"


def test_a_published_change_shows_at_once_despite_the_page_cache(client, site, editor, settings):
    settings.PUBLIC_CACHE_SECONDS = 30
    assert HOME["fr"]["hero_title"] in client.get("/fr/").content.decode()
    home = HomePage.objects.get(locale__language_code="fr")
    home.hero_title = "Les familles d’abord, aujourd’hui comme demain"
    home.save_revision(user=editor).publish(user=editor)
    html = client.get("/fr/").content.decode()
    assert "Les familles d’abord, aujourd’hui comme demain" in html
    assert HOME["nl"]["hero_title"] in client.get("/nl/").content.decode()  # Dutch unchanged


def a_photo() -> Image:
    buffer = BytesIO()
    PILImage.new("RGB", (800, 600), "#a63c2a").save(buffer, "JPEG")
    image = Image(title="Amal", file=ImageFile(buffer, name="amal.jpg"))
    image.save()
    return image


def test_an_editor_adds_a_testimony_in_french_and_it_appears(client, site, editor):
    index = models.TestimonyIndexPage.objects.get(locale__language_code="fr")
    story = models.TestimonyPage(
        title="Trois ans à attendre",
        person="Amal et ses filles",
        image=a_photo(),
        image_alt="Une mère et ses deux filles devant une fenêtre",
        story="<p>Amal attend ses filles depuis trois ans.</p>",
        quote="Chaque anniversaire se passe au téléphone.",
    )
    index.add_child(instance=story)
    story.save_revision(user=editor).publish(user=editor)
    for path in ("/fr/", "/fr/stories/"):
        html = client.get(path).content.decode()
        assert "Trois ans à attendre" in html
        assert 'alt="Une mère et ses deux filles devant une fenêtre"' in html
    page = client.get(story.url).content.decode()
    assert "Chaque anniversaire se passe au téléphone." in page
    assert "Trois ans à attendre" not in client.get("/nl/stories/").content.decode()


def test_a_testimony_photo_needs_a_description(site):
    story = models.TestimonyPage(title="Zonder beschrijving", image=a_photo(), story="<p>…</p>")
    with pytest.raises(ValidationError) as error:
        story.clean()
    assert "image_alt" in error.value.message_dict


def test_the_counter_shows_the_next_goal_with_a_progress_bar(client, site):
    html = client.get("/nl/").content.decode()
    assert '<progress class="goal-bar" max="100" value="0"' in html


def test_the_counter_hides_below_the_minimum(client, site):
    campaign = CampaignSettings.load()
    campaign.counter_minimum = 50
    campaign.save()
    assert "goal-bar" not in client.get("/nl/").content.decode()


def test_after_the_event_the_countdown_gives_way_to_the_editors_words(client, site):
    campaign = CampaignSettings.load()
    campaign.event_date = campaign.event_date.replace(year=2020)
    campaign.save()
    html = client.get("/de/").content.decode()
    assert HOME["de"]["after_title"] in html
    assert HOME["de"]["countdown_title"] not in html


def test_seeding_again_keeps_every_edit(site):
    home = HomePage.objects.get(locale__language_code="fr")
    home.hero_title = "Édité par Eddie"
    home.save_revision().publish()
    call_command("seed_demo")
    assert HomePage.objects.get(locale__language_code="fr").hero_title == "Édité par Eddie"
    assert models.TestimonyPage.objects.count() == len(LANGUAGES)


def test_each_language_shows_its_own_partner_list(client, site):
    partner = Partner.objects.create(
        name="Gezinsbond", url="https://example.org/", locale=site.locale
    )
    french = partner.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.name = "Ligue des familles"
    french.save()
    assert "Ligue des familles" in client.get("/fr/").content.decode()
    dutch = client.get("/nl/").content.decode()
    assert "Gezinsbond" in dutch and "Ligue des familles" not in dutch


def test_production_seeds_no_example_partners(site):
    assert not Partner.objects.exists()


def test_an_editor_opens_every_campaign_editor_in_the_cms(client, site, editor):
    log_in_staff(client, editor)
    helen = models.TestimonyPage.objects.get(locale__language_code="fr")
    for path in (
        f"/cms/pages/{site.pk}/edit/",
        f"/cms/pages/{helen.pk}/edit/",
        f"/cms/settings/campaign/campaignsettings/{CampaignSettings.load().pk}/",
        "/cms/snippets/campaign/partner/",
        "/cms/snippets/campaign/partner/add/",
    ):
        assert client.get(path).status_code == 200, path
