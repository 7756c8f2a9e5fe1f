"""Approved tiles for the wall benchmarks (wall.sh, wall_cpu.py): demo messages, fake renditions.

    python benchmarks/wall_seed.py TILES [PROBE]   # inside a configured site (DJANGO_SETTINGS_MODULE)

With PROBE, one more submission with that message waits for review (wall.sh approves it to time
how long a new approval takes to show).
"""

from __future__ import annotations

import random
import sys
from datetime import timedelta


def seed(tiles: int, probe: str = "") -> None:
    from django.db import transaction
    from django.utils import timezone

    from gezinsmuur.campaign.content import DEMO_MESSAGES
    from gezinsmuur.submissions.models import Status, Submission

    def renditions(public_id: str) -> list[dict]:
        return [
            {
                "format": fmt,
                "width": w,
                "height": w * 3 // 4,
                "name": f"tiles/{public_id}/0123456789abcdef-{w}.{fmt}",
            }
            for fmt in ("avif", "webp", "jpeg")
            for w in (480, 1200)
        ]

    rng = random.Random(15)
    now = timezone.now()
    rows = []
    for n in range(tiles):
        message, name, town, language = DEMO_MESSAGES[n % len(DEMO_MESSAGES)]
        row = Submission(
            message=f"{message} #{n}",
            display_name=name,
            municipality=town,
            language=language,
            consent_publish=True,
            consent_version="bench",
            status=Status.APPROVED,
            width=1200,
            height=900,
            placeholder=f"#{rng.randrange(1 << 24):06x}",
            approved_at=now - timedelta(seconds=tiles * 7 - n * 7),
        )
        row.renditions = renditions(row.public_id)
        rows.append(row)
    if probe:
        row = Submission(
            message=probe,
            language="nl",
            consent_publish=True,
            consent_version="bench",
            status=Status.PENDING_REVIEW,
            width=1200,
            height=900,
            placeholder="#336699",
        )
        row.renditions = renditions(row.public_id)
        rows.append(row)
    with transaction.atomic():
        Submission.objects.bulk_create(rows, batch_size=250)
    waiting = " and 1 waiting for review" if probe else ""
    print(Submission.objects.public().count(), f"approved tiles{waiting}")


if __name__ == "__main__":
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    seed(int(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "")
