"""R02: the worker process is killed mid-job; the submission is picked up again, nothing is lost."""

import os
import signal
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from PIL import Image

from gezinsmuur.images import inspect
from gezinsmuur.submissions import actions
from gezinsmuur.submissions.consent import wall_consent
from gezinsmuur.submissions.models import Status, Submission

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.django_db(transaction=True)


def database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def slow_photo(path: Path) -> Path:
    """A 48 MP PNG of noise: it takes the worker seconds, long enough to be killed mid-job."""
    rng = np.random.default_rng(7)
    Image.fromarray(rng.integers(0, 255, (6000, 8000, 3), dtype=np.uint8)).save(
        path, compress_level=1
    )
    return path


def test_r02_a_worker_killed_mid_job_leaves_the_photo_to_the_next_one(private_storage):
    if connection.settings_dict["NAME"] in ("", ":memory:") or "memory" in str(
        connection.settings_dict["NAME"]
    ):
        pytest.skip("needs a database another process can open (set in settings for tests)")
    photo = slow_photo(private_storage / "slow.png")
    with photo.open("rb") as fp:
        data = {"idempotency_key": uuid.uuid4(), "message": "Samen", "consent": wall_consent("nl")}
        submission, _token = actions.create_submission(
            photo=fp, info=inspect(fp), data=data, language="nl"
        )
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": database_url(),
        "VAR_DIR": str(private_storage),
    }
    log = (private_storage / "worker.log").open("w+b")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--batch"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    deadline = time.monotonic() + 60
    while Submission.objects.get(pk=submission.pk).status != Status.PROCESSING:
        assert time.monotonic() < deadline, "the worker never started"
        assert worker.poll() is None, (private_storage / "worker.log").read_text()[-2000:]
        time.sleep(0.05)
    worker.send_signal(signal.SIGKILL)  # mid-job, no chance to clean up
    worker.wait()
    assert Submission.objects.get(pk=submission.pk).status == Status.PROCESSING

    assert actions.requeue_stale(now=timezone.now() + timedelta(minutes=6)) == 1
    call_command("worker", "--batch")  # the next worker, in this process
    submission.refresh_from_db()
    assert submission.status == Status.PENDING_REVIEW
    assert submission.attempts == 2 and len(submission.renditions) > 0
