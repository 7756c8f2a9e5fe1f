"""Retention is code: what is no longer needed is erased on a schedule, with a frozen clock here."""

import datetime as dt
import json
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.utils import timezone

from gezinsmuur.privacy import retention
from gezinsmuur.submissions.models import Status, Submission, Tombstone

from . import factories
from .conftest import log_in_staff

pytestmark = pytest.mark.django_db


def aged(status, days, **fields):
    submission = factories.submission(status=status, **fields)
    Submission.objects.filter(pk=submission.pk).update(
        status_changed_at=timezone.now() - timedelta(days=days)
    )
    return submission


def test_g08_rejected_after_7_days_failed_and_abandoned_after_30():
    keep = [
        aged(Status.REJECTED, 6),
        aged(Status.FAILED, 29),
        aged(Status.APPROVED, 400),
        aged(Status.PENDING_REVIEW, 60),
    ]
    gone = [aged(Status.REJECTED, 8), aged(Status.FAILED, 31), aged(Status.RECEIVED, 31)]
    done = retention.apply()
    assert sorted(p for _r, p in done) == sorted(s.public_id for s in gone)
    assert set(Submission.objects.values_list("pk", flat=True)) == {s.pk for s in keep}
    assert Tombstone.objects.count() == 3


def test_a_dry_run_lists_and_changes_nothing(capsys):
    aged(Status.REJECTED, 8)
    call_command("retention", "--dry-run")
    assert "would erase" in capsys.readouterr().out
    assert Submission.objects.count() == 1 and Tombstone.objects.count() == 0


def test_originals_go_once_a_moderator_decided():
    submission = factories.submission(status=Status.APPROVED, original="o.jpeg")
    storages["private"].save("o.jpeg", ContentFile(b"original"))
    retention.apply()
    submission.refresh_from_db()
    assert submission.original == "" and not storages["private"].exists("o.jpeg")


def test_everything_goes_after_the_configured_date(settings):
    settings.ERASE_ALL_AFTER = dt.date(2027, 6, 15)
    factories.submission()
    retention.apply(now=timezone.make_aware(dt.datetime(2027, 6, 15, 23, 0)))
    assert Submission.objects.count() == 1
    retention.apply(now=timezone.make_aware(dt.datetime(2027, 6, 16, 1, 0)))
    assert Submission.objects.count() == 0


def test_g10_subject_access_export_holds_everything_but_secrets(capsys):
    submission = factories.submission(message="Onze familie", display_name="Helen")
    call_command("export_submission", submission.public_id)
    data = json.loads(capsys.readouterr().out)
    assert data["submission"]["message"] == "Onze familie"
    assert data["submission"]["display_name"] == "Helen"
    assert "token_hash" not in data["submission"]


def test_staff_can_erase_on_a_this_is_me_request_from_the_admin(client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", password="root-password-123")
    submission = factories.submission()
    log_in_staff(client, admin)
    response = client.post(
        "/django-admin/submissions/submission/",
        {"action": "erase_on_request", "_selected_action": [submission.pk]},
    )
    assert response.status_code == 302
    assert not Submission.objects.exists()
    assert Tombstone.objects.get().reason == "subject_request"


def test_g09_the_organisers_csv_is_minimal_logged_and_formula_safe(
    client, django_user_model, caplog
):
    import csv
    import io
    import logging

    caplog.set_level(logging.INFO)
    admin = django_user_model.objects.create_superuser("root", password="root-password-123")
    evil = factories.submission(
        message='=HYPERLINK("http://evil.example","klik")', display_name="@bob"
    )
    log_in_staff(client, admin)
    response = client.post(
        "/django-admin/submissions/submission/",
        {"action": "export_as_csv", "_selected_action": [evil.pk]},
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    header, row = rows[0], rows[1]
    assert (
        "token_hash" not in header and "consent" not in header and "idempotency_key" not in header
    )
    assert row[header.index("message")].startswith("'=")
    assert row[header.index("display_name")] == "'@bob"
    assert any(
        "export.csv" in r.getMessage() and "rows=1" in r.getMessage() for r in caplog.records
    )


def test_staff_sign_in_logs_are_kept_90_days():
    from axes.models import AccessFailureLog, AccessLog

    def logged(model, days):
        row = model.objects.create(username="mo", ip_address="192.0.2.0", user_agent="x")
        model.objects.filter(pk=row.pk).update(attempt_time=timezone.now() - timedelta(days=days))
        return row

    old = [logged(AccessLog, 91), logged(AccessFailureLog, 91)]
    recent = [logged(AccessLog, 89), logged(AccessFailureLog, 89)]
    assert retention.apply(dry_run=True) == [("sign_in_logs", "2 log rows")]
    assert AccessLog.objects.count() + AccessFailureLog.objects.count() == 4
    assert retention.apply() == [("sign_in_logs", "2 log rows")]
    kept = {(type(r), r.pk) for r in [*AccessLog.objects.all(), *AccessFailureLog.objects.all()]}
    assert kept == {(type(r), r.pk) for r in recent}
    assert not {(type(r), r.pk) for r in old} & kept
