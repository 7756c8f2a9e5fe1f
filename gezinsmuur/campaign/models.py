"""Campaign pages, edited by the partner organisations in Wagtail."""

from django.conf import settings
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from gezinsmuur.wall import queries
from gezinsmuur.wall.middleware import mark_public

NEWEST_TILES = 8


class HomePage(Page):
    """The campaign's front door: the opening line, the call to share, the counter, the newest tiles."""

    hero_title: "models.CharField[str, str]" = models.CharField(_("opening line"), max_length=200)
    hero_text: "models.TextField[str, str]" = models.TextField(_("call to take part"), blank=True)
    share_label: "models.CharField[str, str]" = models.CharField(_("share button"), max_length=60)
    wall_intro: "models.TextField[str, str]" = models.TextField(_("about the wall"), blank=True)
    notice: "models.TextField[str, str]" = models.TextField(
        _("notice next to the form"), blank=True
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("share_label"),
        FieldPanel("wall_intro"),
        FieldPanel("notice"),
    ]
    max_count = len(settings.LANGUAGES)
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args: object, **kwargs: object) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["tiles"], _cursor = queries.tiles(None, NEWEST_TILES)
        context["voices"] = queries.voices()
        return context

    def serve(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        response = super().serve(request, *args, **kwargs)
        mark_public(response)
        return response
