"""Campaign content, edited by the partner organisations in Wagtail, in every site language.

Pages: the home page (the whole story on one scrolling page), the testimonies (an index and one
page per story) and standard pages (privacy statement, FAQ). Partners are translatable snippets.
The event date and the counter's settings are one set of settings for the whole campaign; the
words around them live on the home page, so every language has its own.
"""

from datetime import date
from typing import TYPE_CHECKING, TypeAlias

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from gezinsmuur.campaign import countdown as clock
from gezinsmuur.wall import queries
from gezinsmuur.wall.middleware import mark_public

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise as StrPromise
    from wagtail.images.models import Image

NEWEST_TILES = 8
TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
PAGE_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


def next_families_day() -> date:
    return clock.families_day(timezone.localdate())


Label: TypeAlias = "str | StrPromise"


def text(label: Label) -> "models.TextField[str, str]":
    return models.TextField(label, blank=True, default="")


def line(label: Label, max_length: int = 200) -> "models.CharField[str, str]":
    return models.CharField(label, max_length=max_length, blank=True, default="")


def rich(label: Label) -> RichTextField:
    return RichTextField(label, blank=True, default="", features=TEXT_FEATURES)


class PublicPage(Page):
    """A page every visitor sees the same: served from the public page cache."""

    class Meta:
        abstract = True

    def serve(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        response = super().serve(request, *args, **kwargs)
        mark_public(response)
        return response


@register_setting(icon="date")
class CampaignSettings(BaseGenericSetting):
    """The same in every language: the event date and how the counter of voices behaves."""

    event_date: "models.DateField[date, date]" = models.DateField(
        _("event date"),
        default=next_families_day,
        help_text=_(
            "The International Day of Families. The countdown counts the days in Brussels."
        ),
    )
    show_counter: "models.BooleanField[bool, bool]" = models.BooleanField(
        _("show the counter of voices"), default=True
    )
    counter_minimum: "models.PositiveIntegerField[int, int]" = models.PositiveIntegerField(
        _("show the counter from"),
        default=0,
        help_text=_("Hide the counter on the home page while there are fewer voices than this."),
    )
    first_goal: "models.PositiveIntegerField[int, int]" = models.PositiveIntegerField(
        _("first goal"),
        default=100,
        help_text=_("The goals then step up: 100, 250, 500, 1,000, 2,500, 5,000, 10,000, ..."),
    )

    panels = [
        FieldPanel("event_date"),
        MultiFieldPanel(
            [FieldPanel("show_counter"), FieldPanel("counter_minimum"), FieldPanel("first_goal")],
            heading=_("Counter of voices"),
        ),
    ]

    class Meta:
        verbose_name = _("campaign settings")

    def countdown(self) -> clock.Countdown:
        return clock.countdown(timezone.now(), self.event_date)

    def counter(self, voices: int) -> clock.Progress | None:
        """The counter with its goal, or None while it is hidden."""
        if not self.show_counter or voices < self.counter_minimum:
            return None
        return clock.progress(voices, self.first_goal)


class HomePage(PublicPage):
    """The campaign's front door: the whole story on one scrolling page, section by section."""

    hero_title: "models.CharField[str, str]" = models.CharField(_("opening line"), max_length=200)
    hero_text: "models.TextField[str, str]" = models.TextField(_("call to take part"), blank=True)
    share_label: "models.CharField[str, str]" = models.CharField(_("share button"), max_length=60)
    build_title = line(_("title: build the wall"))
    build_text = rich(_("build the wall"))
    wall_intro: "models.TextField[str, str]" = models.TextField(_("about the wall"), blank=True)
    family_title = line(_("question leading to the form"))
    family_text = text(_("invitation to share"))
    notice: "models.TextField[str, str]" = models.TextField(
        _("notice next to the form"), blank=True
    )
    featured_testimony: "models.ForeignKey[TestimonyPage | None, TestimonyPage | None]" = (
        models.ForeignKey(
            "campaign.TestimonyPage",
            verbose_name=_("featured testimony"),
            null=True,
            blank=True,
            on_delete=models.SET_NULL,
            related_name="+",
        )
    )
    featured_call = text(_("call after the testimony"))
    featured_note = text(_("why the testimony matters"))
    stories_title = line(_("title: testimonies"))
    stories_question = line(_("question above the testimonies"))
    stories_text = text(_("introduction to the testimonies"))
    why_title = line(_("title: why this campaign"))
    why_text = rich(_("why this campaign"))
    partners_title = line(_("title: partner organisations"))
    partners_text = text(_("introduction to the partners"))
    countdown_title = line(_("title: countdown"))
    countdown_text = text(_("countdown text"))
    after_title = line(_("title after the event"))
    after_text = text(_("text after the event"))

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("share_label")],
            heading=_("Opening"),
        ),
        MultiFieldPanel(
            [FieldPanel("build_title"), FieldPanel("build_text"), FieldPanel("wall_intro")],
            heading=_("The wall"),
        ),
        MultiFieldPanel(
            [FieldPanel("family_title"), FieldPanel("family_text"), FieldPanel("notice")],
            heading=_("Invitation to share"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("featured_testimony"),
                FieldPanel("featured_call"),
                FieldPanel("featured_note"),
            ],
            heading=_("Featured testimony"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("stories_title"),
                FieldPanel("stories_question"),
                FieldPanel("stories_text"),
            ],
            heading=_("Testimonies"),
        ),
        MultiFieldPanel([FieldPanel("why_title"), FieldPanel("why_text")], heading=_("Why")),
        MultiFieldPanel(
            [FieldPanel("partners_title"), FieldPanel("partners_text")], heading=_("Partners")
        ),
        MultiFieldPanel(
            [
                FieldPanel("countdown_title"),
                FieldPanel("countdown_text"),
                FieldPanel("after_title"),
                FieldPanel("after_text"),
            ],
            heading=_("Countdown and after the event"),
        ),
    ]
    max_count = len(settings.LANGUAGES)
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["campaign.TestimonyIndexPage", "campaign.StandardPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args: object, **kwargs: object) -> dict:
        context = super().get_context(request, *args, **kwargs)
        campaign = CampaignSettings.load(request_or_site=request)
        context["tiles"], _cursor = queries.tiles(None, NEWEST_TILES)
        context["voices"] = voices = queries.voices()
        context["counter"] = campaign.counter(voices)
        context["countdown"] = campaign.countdown()
        context["event_date"] = campaign.event_date
        context["featured"] = self.featured()
        context["stories"] = self.stories()
        context["stories_index"] = TestimonyIndexPage.objects.live().child_of(self).first()
        context["partners"] = Partner.objects.filter(locale=self.locale).select_related("logo")
        return context

    def featured(self) -> "TestimonyPage | None":
        """The featured testimony in this page's language (editors pick it once, in any language)."""
        chosen = self.featured_testimony
        if chosen is None:
            return None
        localized = chosen.get_translation_or_none(self.locale) or chosen
        return localized if localized.live else None

    def stories(self) -> "models.QuerySet[TestimonyPage]":
        return TestimonyPage.objects.live().descendant_of(self).select_related("image")[:6]


class TestimonyIndexPage(PublicPage):
    """'Real faces. Real stories.': every testimony in one language."""

    question = line(_("question"))
    intro = text(_("introduction"))

    content_panels = [*Page.content_panels, FieldPanel("question"), FieldPanel("intro")]
    parent_page_types = ["campaign.HomePage"]
    subpage_types = ["campaign.TestimonyPage"]

    class Meta:
        verbose_name = _("testimonies")

    def get_context(self, request: HttpRequest, *args: object, **kwargs: object) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = (
            TestimonyPage.objects.live().child_of(self).select_related("image").order_by("path")
        )
        return context


class TestimonyPage(PublicPage):
    """One person's story: a photo with its description, the story and a pull quote."""

    person = line(_("whose story"), max_length=120)
    image: "models.ForeignKey[Image | None, Image | None]" = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = line(_("description of the photo (alt text)"), max_length=250)
    summary = text(_("summary"))
    story = RichTextField(_("story"), features=TEXT_FEATURES)
    quote = text(_("quote"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("person"),
        FieldPanel("image"),
        FieldPanel(
            "image_alt",
            help_text=_(
                "What the photo shows, for people who cannot see it. Required with a photo."
            ),
        ),
        FieldPanel("summary"),
        FieldPanel("story"),
        FieldPanel("quote"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("story")]
    parent_page_types = ["campaign.TestimonyIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("testimony")

    def clean(self) -> None:
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the photo for people who cannot see it.")}
            )


class StandardPage(PublicPage):
    """A page of text: the privacy statement, the FAQ."""

    intro = text(_("introduction"))
    body = RichTextField(_("text"), blank=True, features=PAGE_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["campaign.HomePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("standard page")


@register_snippet
class Partner(TranslatableMixin, models.Model):
    """One of the organisations behind the campaign, shown with its logo and a link."""

    name = models.CharField(_("name"), max_length=120)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("website"), blank=True)
    sort_order = models.IntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("logo"), FieldPanel("url"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name
