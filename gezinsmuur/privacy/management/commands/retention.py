from typing import Any

from django.core.management.base import BaseCommand

from gezinsmuur.privacy import retention


class Command(BaseCommand):
    help = (
        "Apply the retention rules: rejected submissions are erased after 7 days, failed or "
        "abandoned ones after 30, originals once a moderator decided, staff sign-in logs after "
        "90 days, and everything after ERASE_ALL_AFTER. Erasure removes rows, files and cached "
        "pages and keeps a tombstone. "
        "The worker runs this every hour; --dry-run lists what would go and changes nothing."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--dry-run", action="store_true", help="List, do not erase.")

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        done = retention.apply(dry_run=dry_run)
        verb = "would erase" if dry_run else "erased"
        for rule, public_id in done:
            self.stdout.write(f"{verb} {public_id} ({rule})")
        self.stdout.write(f"{len(done)} item(s) {verb}.")
