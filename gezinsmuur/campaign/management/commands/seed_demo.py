"""Seed an empty site: languages, the home page in every language and, in development, demo content."""

import io
import secrets
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageOps
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Site

from gezinsmuur.campaign.content import (
    DEMO_MESSAGES,
    EXAMPLE_PARTNERS,
    FAQ,
    HELEN,
    HOME,
    PRIVACY,
    STORIES,
)
from gezinsmuur.campaign.models import (
    HomePage,
    Partner,
    StandardPage,
    TestimonyIndexPage,
    TestimonyPage,
)
from gezinsmuur.campaign.roles import grant_content_editing
from gezinsmuur.images import inspect
from gezinsmuur.moderation.actions import approve
from gezinsmuur.moderation.roles import ensure_roles
from gezinsmuur.staff.devices import has_second_factor
from gezinsmuur.submissions.actions import create_submission
from gezinsmuur.submissions.consent import wall_consent
from gezinsmuur.submissions.models import Submission
from gezinsmuur.submissions.tasks import process_submission

DEMO_PHOTOS = Path(settings.BASE_DIR) / "tests" / "samples" / "demo"
# No photo of Helen exists: the demo shows an illustration, and its alt text says so.
ILLUSTRATION = DEMO_PHOTOS / "phone-moto-g-dandelion.jpg"


class Command(BaseCommand):
    help = (
        "Create the languages and the campaign pages (home, testimonies, privacy, FAQ) in every "
        "language, creating only what is missing: it never overwrites edits. "
        "With DEBUG on, also example partners, an illustration, a demo moderator with a newly generated password, printed, and demo tiles."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        ensure_roles(Group, Permission, ContentType)
        home = self.seed_home()
        grant_content_editing()
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
        if not home.get_children().exists():  # a new site, or one seeded before these pages
            self.create_pages(home)
        for page, texts in self.seeded_pages(home):
            self.translate(page, texts)
        if settings.DEBUG and not Partner.objects.exists():
            self.create_partners()
        return home

    def create_home(self) -> HomePage:
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=Locale.get_default())
        )
        for child in root.get_children():  # Wagtail's "Welcome" page
            if not isinstance(child.specific, HomePage):
                Site.objects.filter(root_page=child).delete()
                child.delete()
        home = fill(
            HomePage(slug="home", locale=Locale.objects.get(language_code="nl")), HOME["nl"]
        )
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

    def create_pages(self, home: HomePage) -> None:
        """The Dutch pages behind the home page; the home page features Helen's story."""
        stories = add_child(home, TestimonyIndexPage(slug="stories"), STORIES["nl"])
        helen = TestimonyPage(slug="helen", image=illustration() if settings.DEBUG else None)
        add_child(stories, helen, HELEN["nl"])
        add_child(home, StandardPage(slug="privacy"), PRIVACY["nl"])
        add_child(home, StandardPage(slug="faq"), FAQ["nl"])
        home.featured_testimony = helen
        home.save_revision().publish()

    def seeded_pages(self, home: HomePage) -> list[tuple[Page, dict]]:
        """The pages this command created (found by type and slug) with their text per language."""
        found: list[tuple[Page, dict]] = [(home, HOME)]
        stories = TestimonyIndexPage.objects.child_of(home).filter(slug="stories").first()
        if stories:
            found.append((stories, STORIES))
            helen = TestimonyPage.objects.child_of(stories).filter(slug="helen").first()
            found += [(helen, HELEN)] if helen else []
        for slug, texts in (("privacy", PRIVACY), ("faq", FAQ)):
            page = StandardPage.objects.child_of(home).filter(slug=slug).first()
            found += [(page, texts)] if page else []
        return found

    def translate(self, page: Page, texts: dict) -> None:
        """Create the translations that are missing; existing ones are never touched."""
        for code, _name in settings.LANGUAGES:
            locale = Locale.objects.get(language_code=code)
            if code != "nl" and not page.has_translation(locale):
                translation = page.copy_for_translation(locale)
                fill(translation, texts[code]).save_revision().publish()

    def create_partners(self) -> None:
        for order, name in enumerate(EXAMPLE_PARTNERS["nl"]):
            partner = Partner.objects.create(
                name=name, sort_order=order, locale=Locale.objects.get(language_code="nl")
            )
            for code, _name in settings.LANGUAGES[1:]:
                translation = partner.copy_for_translation(Locale.objects.get(language_code=code))
                translation.name = EXAMPLE_PARTNERS[code][order]
                translation.save()

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
        if has_second_factor(user):
            self.stdout.write(
                "  then enter the code from the authenticator app you set up for it "
                "(lost it? manage.py reset_two_factor moderator)"
            )
        else:
            self.stdout.write(
                "  then set up two-factor authentication: scan the QR code with an authenticator "
                "app (or type the key shown), enter its code, and keep the recovery codes"
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


def fill(page: Page, texts: dict) -> Page:
    for field, value in texts.items():
        setattr(page, field, value)
    return page


def add_child(parent: Page, page: Page, texts: dict) -> Page:
    page.locale = parent.locale
    parent.add_child(instance=fill(page, texts))
    page.save_revision().publish()
    return page


def illustration() -> Image:
    """A cleaned copy of a demo photo (no metadata, 1600 px), stored as a CMS image."""
    with PILImage.open(ILLUSTRATION) as original:
        picture = ImageOps.exif_transpose(original).convert("RGB")
    picture.thumbnail((1600, 1600))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    image = Image(
        title="Illustration (dandelion)",
        file=ImageFile(buffer, name="illustration.jpg"),
        collection=collection,
    )
    image.save()
    return image
