"""The organisers' export: approved voices as CSV, minimal, logged, safe to open in a spreadsheet."""

import csv
import io
import logging
from collections.abc import Iterable

from gezinsmuur.submissions.models import Submission

log = logging.getLogger(__name__)

COLUMNS = (
    "public_id",
    "status",
    "language",
    "display_name",
    "municipality",
    "message",
    "created_at",
    "approved_at",
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """A spreadsheet must never read a participant's text as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(submissions: Iterable[Submission], *, exported_by: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    rows = 0
    for submission in submissions:
        writer.writerow([cell(getattr(submission, column)) for column in COLUMNS])
        rows += 1
    log.info("export.csv by=%s rows=%d", exported_by, rows)
    return buffer.getvalue()
