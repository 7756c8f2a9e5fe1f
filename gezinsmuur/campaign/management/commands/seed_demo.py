"""Seed an empty site: languages, the home page in every language and, in development, demo content."""

import secrets
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from gezinsmuur.campaign.content import DEMO_MESSAGES, HOME
from gezinsmuur.campaign.models import HomePage
from gezinsmuur.images import inspect
from gezinsmuur.moderation.actions import approve
from gezinsmuur.moderation.roles import ensure_roles
from gezinsmuur.submissions.actions import create_submission
from gezinsmuur.submissions.consent import wall_consent
from gezinsmuur.submissions.models import Submission
from gezinsmuur.submissions.tasks import process_submission

DEMO_PHOTOS = Path(settings.BASE_DIR) / "tests" / "samples" / "demo"


class Command(BaseCommand):
    help = (
        "Create the languages and the home page on an empty database (never overwrites edits). "
        "With DEBUG on, also a demo moderator with a newly generated password, printed, and demo tiles."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        ensure_roles(Group, Permission, ContentType)
        home = self.seed_home()
        if not settings.DEBUG:
            return
        moderator = self.seed_moderator()
        if not Submission.objects.exists():
            self.seed_tiles(moderator)
        self.stdout.write(f"Site: {settings.BASE_URL}/{settings.LANGUAGE_CODE}/ ({home.title})")

    @transaction.atomic
    def seed_home(self) -> HomePage:
        for code, _name in settings.LANGUAGES:
            Locale.objects.get_or_create(language_code=code)
        home = HomePage.objects.filter(locale__language_code="nl").first()
        if home is None:
            home = self.create_home()
        for code, _name in settings.LANGUAGES:
            locale = Locale.objects.get(language_code=code)
            if code != "nl" and not home.has_translation(locale):
                translation = home.copy_for_translation(locale)
                self.fill(translation, code).save_revision().publish()
        return home

    def create_home(self) -> HomePage:
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=Locale.get_default())
        )
        for child in root.get_children():  # Wagtail's "Welcome" page
            if not isinstance(child.specific, HomePage):
                Site.objects.filter(root_page=child).delete()
                child.delete()
        home = self.fill(HomePage(slug="home", locale=Locale.objects.get(language_code="nl")), "nl")
        root.add_child(instance=home)
        home.save_revision().publish()
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": "localhost",
                "port": 80,
                "root_page": home,
                "site_name": "De Gezinsmuur",
            },
        )
        return home

    def fill(self, page: HomePage, code: str) -> HomePage:
        for field, value in HOME[code].items():
            setattr(page, field, value)
        return page

    def seed_moderator(self) -> Any:
        password = secrets.token_urlsafe(12)
        user, _created = get_user_model().objects.get_or_create(username="moderator")
        user.set_password(password)
        user.is_staff = True
        user.save()
        user.groups.add(Group.objects.get(name="admin"))
        self.stdout.write(
            self.style.SUCCESS(
                "Demo moderator (development only): log in at "
                f"{settings.BASE_URL}/nl/accounts/login/ as 'moderator' with password {password}"
            )
        )
        return user

    def seed_tiles(self, moderator: Any) -> None:
        photos = sorted(
            p for p in DEMO_PHOTOS.iterdir() if p.is_file() and p.suffix.lower() != ".md"
        )
        for photo, (message, name, place, language) in zip(photos, DEMO_MESSAGES, strict=False):
            with photo.open("rb") as fp:
                info = inspect(fp)
                fp.seek(0)
                data = {
                    "idempotency_key": uuid.uuid4(),
                    "message": message,
                    "display_name": name,
                    "municipality": place,
                    "consent": wall_consent(language),
                }
                submission, _token = create_submission(
                    photo=File(fp), info=info, data=data, language=language
                )
            process_submission.call(submission.pk)
            submission.refresh_from_db()
            approve(submission, moderator=moderator)
        self.stdout.write(f"Demo tiles: {Submission.objects.public().count()}")
