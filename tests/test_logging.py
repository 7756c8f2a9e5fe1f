"""G11: logs carry ids, never the message, the private link or an e-mail address."""

import logging
import re

import pytest

from .test_submit import form_data, upload

pytestmark = pytest.mark.django_db


def test_g11_a_whole_journey_logs_no_personal_payload(client, phone_photo, caplog, moderator):
    from gezinsmuur.moderation.actions import approve
    from gezinsmuur.submissions.models import Submission
    from gezinsmuur.submissions.tasks import process_submission

    caplog.set_level(logging.DEBUG)
    message = "Mijn geheime boodschap\n[CRITICAL] fake log line"
    data = form_data(upload(phone_photo), message=message, email="paula@example.org")
    client.post("/nl/share/", data)
    link = client.get("/nl/share/thanks/").context["private_link"]
    token = link.rstrip("/").rsplit("/", 1)[1]
    submission = Submission.objects.get()
    process_submission.call(submission.pk)
    submission.refresh_from_db()
    approve(submission, moderator=moderator)
    client.get(re.sub(r"^https?://[^/]+", "", link))
    client.post("/nl/my/withdraw/")

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert submission.public_id in logged  # ids are there, for support
    for secret in ("geheime boodschap", "[CRITICAL] fake", token, "paula@example.org", "Gent"):
        assert secret not in logged, f"{secret!r} reached the logs"
