from typing import Any

from django.core.management.base import BaseCommand, CommandError

from gezinsmuur.privacy.export import export_json
from gezinsmuur.submissions.models import Submission


class Command(BaseCommand):
    help = (
        "Print everything held about one submission as JSON (a subject access request). "
        "Secrets (the private-link hash) are left out; the photo files are listed by name."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("public_id")

    def handle(self, *args: Any, public_id: str, **options: Any) -> None:
        submission = Submission.objects.filter(public_id=public_id).first()
        if submission is None:
            raise CommandError(f"No submission {public_id}.")
        self.stdout.write(export_json(submission))
