"""U24: each worker job runs under a time and a memory limit; a job past either fails its attempt,
three failed attempts make the photo `failed` (in the moderators' queue, never published), and
the worker goes on to the next job."""

import os
import resource
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from gezinsmuur.images import inspect
from gezinsmuur.submissions import actions, tasks
from gezinsmuur.submissions.consent import wall_consent
from gezinsmuur.submissions.models import Status, Submission

from .conftest import SAMPLES
from .test_worker import database_url

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.django_db(transaction=True)  # the worker drains the real queue
PHOTO = SAMPLES / "orientation" / "landscape_1.jpg"


def received() -> Submission:
    """A photo accepted by the form: stored, committed, enqueued."""
    with PHOTO.open("rb") as fp:
        data = {"idempotency_key": uuid.uuid4(), "message": "Samen", "consent": wall_consent("nl")}
        return actions.create_submission(photo=fp, info=inspect(fp), data=data, language="nl")[0]


def with_fault(monkeypatch, hostile: Submission, fault) -> None:
    """The fault hook: process() misbehaves for `hostile`'s file only; other photos go through."""
    real = tasks.process

    def process(fp, blur_faces=False):
        if hostile.public_id in fp.name:
            fault()
        return real(fp, blur_faces=blur_faces)

    monkeypatch.setattr(tasks, "process", process)


def assert_failed_after_three_attempts(submission: Submission, failure: str) -> None:
    submission.refresh_from_db()
    assert submission.status == Status.FAILED
    assert submission.attempts == actions.MAX_ATTEMPTS == 3
    assert submission.failure == failure
    assert submission.renditions == []
    assert submission in Submission.objects.for_review()  # the moderators see it
    assert not Submission.objects.public().filter(pk=submission.pk).exists()


def test_u24_a_job_past_its_time_limit_fails_three_times_and_the_worker_goes_on(
    settings, monkeypatch
):
    settings.WORKER_JOB_SECONDS = 2  # the ordinary photo takes a fraction of that
    hostile, ordinary = received(), received()
    with_fault(monkeypatch, hostile, lambda: time.sleep(60))  # a decoder that never finishes

    started = time.monotonic()
    call_command("worker", "--batch")  # one drain: the three attempts and the other photo
    assert time.monotonic() - started < 3 * 2 + 10

    assert_failed_after_three_attempts(hostile, "JobTimeout")
    ordinary.refresh_from_db()
    assert ordinary.status == Status.PENDING_REVIEW and ordinary.renditions


def test_u24_a_job_over_its_memory_limit_fails_three_times_and_the_worker_goes_on(
    settings, monkeypatch
):
    settings.WORKER_MEMORY_MB = 256
    limits_before = resource.getrlimit(resource.RLIMIT_DATA)
    hostile, ordinary = received(), received()
    with_fault(monkeypatch, hostile, lambda: bytearray(2 * 2**30))  # 2 GiB, as a bomb would ask

    call_command("worker", "--batch")

    assert_failed_after_three_attempts(hostile, "MemoryError")
    ordinary.refresh_from_db()
    assert ordinary.status == Status.PENDING_REVIEW and ordinary.renditions
    assert resource.getrlimit(resource.RLIMIT_DATA) == limits_before  # only jobs are limited


STUCK_WORKER = """
import time
import django
django.setup()
from django.core.management import call_command
from gezinsmuur.submissions import tasks

def stuck(fp, blur_faces=False):  # like C code in a loop: the time limit cannot interrupt it
    while True:
        try:
            time.sleep(60)
        except BaseException:
            pass

tasks.process = stuck
call_command("worker", "--batch")
"""


def test_u24_a_job_that_ignores_its_time_limit_ends_the_process_and_the_sweep_takes_over(
    private_storage,
):
    hostile = received()
    env = {
        **os.environ,
        "DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "gezinsmuur.settings",
        "DATABASE_URL": database_url(),
        "VAR_DIR": str(private_storage),
        "WORKER_JOB_SECONDS": "1",
    }
    worker = subprocess.run(
        [sys.executable, "-c", STUCK_WORKER],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert worker.returncode != 0 and "Timeout" in worker.stderr  # faulthandler's hard limit
    hostile.refresh_from_db()
    assert hostile.status == Status.PROCESSING and hostile.attempts == 1

    assert actions.requeue_stale(now=timezone.now() + timedelta(minutes=6)) == 1
    hostile.refresh_from_db()
    assert hostile.status == Status.RECEIVED  # the attempt counted; it is tried again
