"""The same page in another language: every public URL starts with its language code."""

from django.conf import settings

CODES = tuple(code for code, _name in settings.LANGUAGES)


def path_in(path: str, code: str) -> str:
    """`/nl/wall/?after=x` in French is `/fr/wall/?after=x`; paths without a language stay as they are.

    A prefix swap instead of Django's translate_url: that one resolves and reverses the URL for
    each language, which was most of the cost of rendering an uncached wall page.
    """
    first, _, rest = path.lstrip("/").partition("/")
    return f"/{code}/{rest}" if first in CODES else path
