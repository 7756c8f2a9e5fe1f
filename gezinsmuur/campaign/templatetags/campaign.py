"""Head tags every page shares: its address in each language (hreflang) and absolute URLs.

Absolute URLs are built from settings.BASE_URL, never from the request's Host header: pages are
cached and shared between visitors, so a forged Host must not end up in anyone's copy.
"""

from django import template
from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Page

from gezinsmuur.lib.languages import path_in

register = template.Library()


@register.filter
def absolute(path: str) -> str:
    return path if "://" in path else settings.BASE_URL.rstrip("/") + path


@register.simple_tag(takes_context=True)
def alternates(context: template.Context) -> list[tuple[str, str]]:
    """(language, absolute URL) of this page in every language it exists in."""
    page = context.get("page")
    if isinstance(page, Page):
        return page_alternates(page, context.get("request"))
    request = context.get("request")
    if request is None:
        return []
    path = request.path
    return [(code, absolute(path_in(path, code))) for code, _name in settings.LANGUAGES]


def page_alternates(page: Page, request: HttpRequest | None) -> list[tuple[str, str]]:
    found = []
    for translation in page.get_translations(inclusive=True).live().select_related("locale"):
        url = translation.get_url(request)
        if url:
            found.append((translation.locale.language_code, absolute(url)))
    order = [code for code, _name in settings.LANGUAGES]
    return sorted(found, key=lambda item: order.index(item[0]) if item[0] in order else 99)
