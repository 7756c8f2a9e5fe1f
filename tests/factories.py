"""Rows for tests that are about what comes after processing (the wall, the queue)."""

import itertools
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone

from gezinsmuur.submissions.models import Status, Submission

_counter = itertools.count()


def renditions_for(public_id: str) -> list[dict]:
    return [
        {
            "format": fmt,
            "width": w,
            "height": w * 3 // 4,
            "name": f"tiles/{public_id}/abc-{w}.{fmt}",
        }
        for fmt in ("avif", "webp", "jpeg")
        for w in (480, 1200)
    ]


def submission(status: str = Status.APPROVED, **fields) -> Submission:
    n = next(_counter)
    row = Submission(
        message=fields.pop("message", f"Families belong together #{n}"),
        language="nl",
        consent_publish=True,
        consent_version="test",
        status=status,
        width=1200,
        height=900,
        placeholder="#aa8866",
        **fields,
    )
    row.renditions = renditions_for(row.public_id)
    if status == Status.APPROVED and row.approved_at is None:
        row.approved_at = timezone.now() - timedelta(seconds=1000 - n)
    row.save()
    where = storages["default" if status == Status.APPROVED else "private"]
    for rendition in row.renditions:
        where.save(rendition["name"], ContentFile(b"rendition bytes"))
    return row
