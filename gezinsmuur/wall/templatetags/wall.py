"""`{% tile_picture %}`: the responsive <picture> of a tile, AVIF and WebP first, JPEG fallback."""

from collections import defaultdict

from django import template
from django.core.files.storage import storages

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
