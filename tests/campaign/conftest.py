import pytest
from django.core.management import call_command

from gezinsmuur.campaign.models import HomePage

LANGUAGES = ["nl", "fr", "en", "de", "ar"]


@pytest.fixture
def site(settings, db):
    """The campaign pages in every language, as `make run` seeds them (without demo tiles)."""
    settings.DEBUG = False
    call_command("seed_demo")
    return HomePage.objects.get(locale__language_code="nl")
