"""What the public pages show, read through the one gate: `Submission.objects.public()`.

A page of the wall is read in two steps: the page's (public_id, approved_at) pairs, which is all
it takes when every tile's HTML is already cached (templatetags/wall.py), then full rows only for
the tiles whose HTML is not. Both steps go through the gate, so a withdrawn tile is gone from the
very next page, whatever the caches hold.
"""

import functools
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.dateparse import parse_datetime

from gezinsmuur.lib import pagecache
from gezinsmuur.submissions.models import Submission, SubmissionQuerySet

TILE_FIELDS = (
    "public_id",
    "message",
    "display_name",
    "municipality",
    "renditions",
    "placeholder",
    "width",
    "height",
    "approved_at",
)


# How long the counter of voices may be reused, never longer than the pages themselves are
# (PUBLIC_CACHE_SECONDS; 0 in tests makes it live). Counting is a scan of every approved row.
VOICES_SECONDS = 5


class TileRef(NamedTuple):
    """What the wall needs of a tile whose HTML is cached: the parts of its cache key."""

    public_id: str
    approved_at: datetime | None  # never None through the gate; the column allows it


def public() -> SubmissionQuerySet:
    """The gate, plus its consent test once more as an equality (`IN (true)`).

    The gate says `consent_publish=True`, which Django writes as a bare `AND consent_publish`;
    SQLite then cannot use the `wall_order` index (status, consent_publish, -approved_at,
    -public_id) and sorts every approved row for each page: 3 ms at 500 tiles, growing with the
    wall. Written as an equality the page is read straight from the index (0.2 ms).
    PostgreSQL matches the bare boolean to the index either way.
    """
    return Submission.objects.public().filter(consent_publish__in=[True])


def tiles(after: str | None, size: int) -> tuple[list[TileRef], str | None]:
    """One page of the wall, newest approval first, and the cursor of the next page (or None).

    Keyset pagination: the cursor is the last tile's (approved_at, public_id), so a page costs one
    indexed query however deep the visitor scrolls, and new approvals never shift later pages.
    Only the keys are read; `rows()` gives the full tiles whose HTML is not cached yet.
    """
    position = parse_cursor(after)
    if position:
        moment, public_id = position
        queryset = _page_keys().filter(
            Q(approved_at__lt=moment) | Q(approved_at=moment, public_id__lt=public_id)
        )
        page = [TileRef(*row) for row in queryset[: size + 1]]
    else:  # the first page, by far the most asked for: its SQL compiled once
        page = [TileRef(public_id, _aware(moment)) for public_id, moment in _run(_first_page(size))]
    next_cursor = make_cursor(page[size - 1]) if len(page) > size else None
    return page[:size], next_cursor


@functools.cache
def _page_keys() -> QuerySet[Submission, tuple[str, datetime | None]]:
    """The page query without its cursor and limit, built once per process: building its filters
    took longer than running it. Every use chains from it (a copy); it is never evaluated."""
    return public().values_list("public_id", "approved_at")


@functools.cache
def _first_page(size: int) -> tuple[str, tuple[Any, ...]]:
    sql, params = _page_keys()[: size + 1].query.sql_with_params()
    return sql, tuple(params)


@functools.cache
def _count() -> tuple[str, tuple[Any, ...]]:
    sql, params = Submission.objects.counted().order_by().values("pk").query.sql_with_params()
    # Django compiled `sql` with placeholders; its parameters stay separate.
    return f"SELECT COUNT(*) FROM ({sql}) counted", tuple(params)  # noqa: S608


# The two queries every uncached wall page runs are compiled to SQL once per process, from the
# gate's own querysets, and run as they are: Django spent more time building and compiling them
# than the database spent answering (benchmarks/README.md). Same SQL, same rows (test_wall.py).
def _run(query: tuple[str, tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(*query)
        return cursor.fetchall()


def _aware(moment: datetime | None) -> datetime | None:
    """What the ORM gives: SQLite hands back naive UTC, PostgreSQL an aware datetime."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


def rows(public_ids: Iterable[str]) -> dict[str, Submission]:
    """Full tiles by public id, through the gate: one withdrawn meanwhile is simply missing."""
    return {
        row.public_id: row for row in public().only(*TILE_FIELDS).filter(public_id__in=public_ids)
    }


def tile(public_id: str) -> Submission | None:
    return Submission.objects.public().only(*TILE_FIELDS).filter(public_id=public_id).first()


def voices() -> int:
    """Every approved voice. Reused for a few seconds (VOICES_SECONDS) while pages are cached;
    keyed by the page cache's generation, so a withdrawal lowers it at once."""
    seconds = min(VOICES_SECONDS, settings.PUBLIC_CACHE_SECONDS)
    if seconds <= 0:
        return _run(_count())[0][0]
    key = f"voices:{pagecache.generation()}"
    count = cache.get(key)
    if count is None:
        count = _run(_count())[0][0]
        cache.set(key, count, seconds)
    return count


def make_cursor(tile: TileRef | Submission) -> str:
    assert tile.approved_at is not None
    return f"{tile.approved_at.isoformat()}~{tile.public_id}"


def parse_cursor(value: str | None) -> tuple[datetime, str] | None:
    if not value or "~" not in value:
        return None
    moment_text, public_id = value.rsplit("~", 1)
    try:
        moment = parse_datetime(moment_text.replace(" ", "+"))
    except ValueError:
        return None
    return (moment, public_id[:16]) if moment and moment.tzinfo else None
