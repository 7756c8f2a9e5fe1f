"""Shared test setup: private folders per test, no page cache, and named personas.

Personas: Vera the visitor (anonymous), Paula the participant (anonymous, with a form), Mo the
moderator, Eddie the editor (no moderation rights), Stan the stranger (logged in, no role).
"""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    """Every test gets its own media and private folders; nothing touches ./var."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media", "base_url": "/media/"},
        },
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private", "base_url": None},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PUBLIC_CACHE_SECONDS = 0
    cache.clear()  # a page cached by one test must not answer another
    return tmp_path


@pytest.fixture(autouse=True)
def easy_proof_of_work(settings):
    """The real ALTCHA check, at a difficulty Python solves in milliseconds."""
    settings.ALTCHA_MAX_NUMBER = 1000


def log_in_staff(client, user):
    """Log `user` in with a second factor: a confirmed TOTP device, verified in the session.

    What `django_otp.login` does after a right code; the middleware still checks that the device
    is the user's and confirmed. tests/test_staff.py goes through the real code forms instead.
    """
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="phone")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


@pytest.fixture
def moderator(django_user_model):
    user = django_user_model.objects.create_user("mo", password="mo-password-123")
    user.groups.add(Group.objects.get(name="moderator"))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("eddie", password="eddie-password-123")
    user.groups.add(Group.objects.get(name="editor"))
    return user


@pytest.fixture
def stranger(django_user_model):
    return django_user_model.objects.create_user("stan", password="stan-password-123")


@pytest.fixture
def phone_photo() -> Path:
    """A real 12 MP phone JPEG with GPS tags."""
    return SAMPLES / "camera-12mp.jpg"
