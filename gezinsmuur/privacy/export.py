"""Subject access: everything held about one submission, as JSON."""

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

from gezinsmuur.submissions.models import Submission

SECRET_FIELDS = {"token_hash", "idempotency_key"}


def export(submission: Submission) -> dict[str, Any]:
    fields = {
        field.name: getattr(submission, field.attname)
        for field in submission._meta.concrete_fields
        if field.name not in SECRET_FIELDS and field.name != "id"
    }
    events = list(submission.events.values("from_status", "to_status", "reason", "created_at"))
    return {"submission": fields, "history": events}


def export_json(submission: Submission) -> str:
    return json.dumps(export(submission), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
