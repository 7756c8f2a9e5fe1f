"""The wall's tiles: the responsive <picture> (AVIF and WebP first, JPEG fallback) and cached tile HTML."""

from collections import defaultdict

from django import template
from django.core.cache import cache
from django.core.files.storage import storages
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from gezinsmuur.lib import pagecache
from gezinsmuur.submissions.models import Submission

register = template.Library()
MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}


@register.inclusion_tag("wall/_picture.html")
def tile_picture(tile: Submission, sizes: str, alt: str = "", eager: bool = False) -> dict:
    by_format: dict[str, list[dict]] = defaultdict(list)
    for rendition in sorted(tile.renditions, key=lambda r: r["width"]):
        by_format[rendition["format"]].append(rendition)
    url = storages["default"].url
    srcsets = {
        fmt: ", ".join(f"{url(r['name'])} {r['width']}w" for r in renditions)
        for fmt, renditions in by_format.items()
    }
    fallback = by_format.get("jpeg", [{}])[-1]
    return {
        "sources": [(MIME[fmt], srcsets[fmt]) for fmt in ("avif", "webp") if fmt in srcsets],
        "srcset": srcsets.get("jpeg", ""),
        "src": url(fallback["name"]) if fallback else "",
        "width": tile.width,
        "height": tile.height,
        "sizes": sizes,
        "alt": alt,
        "eager": eager,
        "placeholder": tile.placeholder or "#e8e0d8",
    }


@register.simple_tag(takes_context=True)
def wall_tiles(context: template.Context, tiles: list[Submission]) -> str:
    """The tiles' HTML, each rendered once per language and then served from the cache.

    Rendering 24 tiles through the template engine costs most of an uncached wall request;
    a tile's HTML never changes while it is approved, so one `get_many` replaces that work.
    """
    language = get_language()
    keys = {
        tile.public_id: pagecache.tile_key(tile.public_id, tile.approved_at, language)
        for tile in tiles
    }
    cached = cache.get_many(list(keys.values()))
    missing = {}
    parts = []
    for tile in tiles:
        html = cached.get(keys[tile.public_id])
        if html is None:
            html = render_to_string(
                "wall/_tile.html", {"tile": tile}, request=context.get("request")
            )
            missing[keys[tile.public_id]] = html
        parts.append(html)
    if missing:
        cache.set_many(missing, pagecache.TILE_SECONDS)
    return mark_safe("".join(parts))  # noqa: S308 - rendered by our own autoescaping template
