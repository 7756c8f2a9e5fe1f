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
from gezinsmuur.wall import queries
from gezinsmuur.wall.queries import TileRef

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
def wall_tiles(context: template.Context, tiles: list[TileRef] | list[Submission]) -> str:
    """The tiles' HTML, each rendered once per language and then served from the cache.

    `tiles` are keys (`queries.tiles()`) or full rows. Rendering 24 tiles through the template
    engine cost most of an uncached wall request, and building 24 full rows (their renditions
    JSON) most of the rest; a tile's HTML never changes while it is approved (its key holds the
    approval time), so one `get_many` replaces that work, and only the tiles missing from the
    cache are read in full (one more query, through the gate).
    """
    language = get_language()
    keys = {
        tile.public_id: pagecache.tile_key(tile.public_id, tile.approved_at, language)
        for tile in tiles
    }
    html = cache.get_many(list(keys.values()))
    missing = [public_id for public_id, key in keys.items() if key not in html]
    if missing:
        html.update(_render(context, tiles, missing, keys))
    # A tile withdrawn between the two reads has no HTML: it is left out.
    parts = [html.get(keys[tile.public_id], "") for tile in tiles]
    return mark_safe("".join(parts))  # noqa: S308 - rendered by our own autoescaping template


def _render(
    context: template.Context,
    tiles: list[TileRef] | list[Submission],
    missing: list[str],
    keys: dict[str, str],
) -> dict[str, str]:
    """Render and cache the missing tiles, read in full (through the gate) unless given so."""
    full = {tile.public_id: tile for tile in tiles if isinstance(tile, Submission)}
    if not all(public_id in full for public_id in missing):
        full = queries.rows(missing)
    request = context.get("request")
    rendered: dict[str, str] = {
        keys[public_id]: render_to_string(
            "wall/_tile.html", {"tile": full[public_id]}, request=request
        )
        for public_id in missing
        if public_id in full
    }
    if rendered:
        cache.set_many(rendered, pagecache.TILE_SECONDS)
    return rendered
