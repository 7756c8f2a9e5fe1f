from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.views.static import serve

from . import queries
from .middleware import public_page

PUBLIC_PREFIXES = ("tiles/", "images/")


@public_page
def wall(request: HttpRequest) -> HttpResponse:
    tiles, next_cursor = queries.tiles(request.GET.get("after"), settings.WALL_PAGE_SIZE)
    template = "wall/_page.html" if request.GET.get("partial") else "wall/wall.html"
    context = {"tiles": tiles, "next_cursor": next_cursor, "voices": queries.voices()}
    return render(request, template, context)


@public_page
def tile(request: HttpRequest, public_id: str) -> HttpResponse:
    submission = queries.tile(public_id)
    if submission is None:
        raise Http404
    return render(request, "wall/tile.html", {"tile": submission})


def media(request: HttpRequest, path: str) -> HttpResponseBase:
    """Serve public renditions from local files (the embedded default; at scale a proxy or S3 does).

    Only renditions are served: the wall's `tiles/` and the CMS's `images/` (Wagtail renditions),
    with headers that make them inert and long-lived. Participants' originals live in another
    storage that no URL reaches; the CMS's `original_images/` are never served either.
    """
    storage = storages["default"]
    if not path.startswith(PUBLIC_PREFIXES) or not isinstance(storage, FileSystemStorage):
        raise Http404
    response = serve(request, path, document_root=str(storage.location))
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Robots-Tag"] = "noindex, noimageindex"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
