"""What the public pages show, read through the one gate: `Submission.objects.public()`."""

from datetime import datetime

from django.db.models import Q
from django.utils.dateparse import parse_datetime

from gezinsmuur.submissions.models import Submission

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


def tiles(after: str | None, size: int) -> tuple[list[Submission], str | None]:
    """One page of the wall, newest approval first, and the cursor of the next page (or None).

    Keyset pagination: the cursor is the last tile's (approved_at, public_id), so a page costs one
    indexed query however deep the visitor scrolls, and new approvals never shift later pages.
    """
    queryset = Submission.objects.public().only(*TILE_FIELDS)
    position = parse_cursor(after)
    if position:
        moment, public_id = position
        queryset = queryset.filter(
            Q(approved_at__lt=moment) | Q(approved_at=moment, public_id__lt=public_id)
        )
    page = list(queryset[: size + 1])
    next_cursor = make_cursor(page[size - 1]) if len(page) > size else None
    return page[:size], next_cursor


def tile(public_id: str) -> Submission | None:
    return Submission.objects.public().only(*TILE_FIELDS).filter(public_id=public_id).first()


def voices() -> int:
    return Submission.objects.counted().count()


def make_cursor(submission: Submission) -> str:
    assert submission.approved_at is not None
    return f"{submission.approved_at.isoformat()}~{submission.public_id}"


def parse_cursor(value: str | None) -> tuple[datetime, str] | None:
    if not value or "~" not in value:
        return None
    moment_text, public_id = value.rsplit("~", 1)
    try:
        moment = parse_datetime(moment_text.replace(" ", "+"))
    except ValueError:
        return None
    return (moment, public_id[:16]) if moment and moment.tzinfo else None
