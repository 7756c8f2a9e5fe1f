"""Run the background worker: processes photos, and every minute picks up work a dead worker left."""

import faulthandler
import logging
import re
import resource
import signal
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django_tasks_db.management.commands.db_worker import Worker

from gezinsmuur.submissions.actions import requeue_stale

SWEEP_EVERY = 60.0
RETENTION_EVERY = 3600.0
# A job that ignores its time limit (stuck in a decoder's C code) ends the whole process at this
# multiple of it; the row stays `processing` and the next worker's sweep counts the attempt (R02).
HARD_LIMIT_FACTOR = 2

log = logging.getLogger(__name__)


class JobTimeout(Exception):
    """A job ran past WORKER_JOB_SECONDS: this attempt fails (process_submission retries it)."""


class Command(BaseCommand):
    help = (
        "Run the task worker (django-tasks database queue). Every minute it also re-enqueues "
        "submissions whose worker died, so an accepted upload is never lost, and every hour it "
        "applies the retention rules. Each job runs under a time and a memory limit "
        "(WORKER_JOB_SECONDS, WORKER_MEMORY_MB). --batch drains the queue once and exits."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--batch", action="store_true", help="Drain the queue, then exit.")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between polls.")

    def handle(
        self, *args: Any, batch: bool = False, interval: float = 1.0, **options: Any
    ) -> None:
        worker_id = f"worker-{uuid.uuid4().hex[:12]}"
        last_sweep = last_retention = -RETENTION_EVERY
        while True:
            if time.monotonic() - last_sweep > SWEEP_EVERY:
                requeue_stale()
                last_sweep = time.monotonic()
            if time.monotonic() - last_retention > RETENTION_EVERY:
                call_command("retention", stdout=self.stdout)  # by name: privacy sits above us
                last_retention = time.monotonic()
            self.drain(worker_id)
            close_old_connections()
            if batch:
                return
            time.sleep(interval)

    def drain(self, worker_id: str) -> None:
        LimitedWorker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        ).run()


class LimitedWorker(Worker):
    """django-tasks-db's worker, with each task under the job limits (SAFETY-TESTS U24).

    A JobTimeout or MemoryError inside process() fails that attempt (process_submission retries
    it, then marks the photo `failed`); anywhere else the task fails and the sweep takes over.
    Either way the loop goes on to the next job.
    """

    def run_task(self, db_task_result: Any) -> None:
        try:
            with job_limits(settings.WORKER_JOB_SECONDS, settings.WORKER_MEMORY_MB):
                super().run_task(db_task_result)
        except JobTimeout:  # fired after the task returned, while its result was being saved
            log.warning("worker.job_timeout_after_task id=%s", db_task_result.id)


@contextmanager
def job_limits(seconds: float, megabytes: int) -> Iterator[None]:
    """Raise JobTimeout in the job after `seconds`; end the process if it cannot be interrupted;
    let the job take at most `megabytes` of memory more than the worker holds when it starts.

    The memory limit is RLIMIT_DATA (writable private memory), raised back afterwards. Not
    RLIMIT_AS: thread stacks and malloc arenas reserve address space they never touch, and at
    1 GiB of address space an ordinary iPhone HEIC with face blurring already fails.
    """

    def expire(signum: int, frame: Any) -> None:
        raise JobTimeout(f"the job ran past {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    # to file descriptor 2: sys.stderr may be a replacement without one (a test's capture)
    faulthandler.dump_traceback_later(seconds * HARD_LIMIT_FACTOR, exit=True, file=2)
    data = resource.getrlimit(resource.RLIMIT_DATA)
    in_use = _data_in_use()
    if megabytes and in_use:
        limit = in_use + megabytes * 2**20
        if data[1] != resource.RLIM_INFINITY:
            limit = min(limit, data[1])
        resource.setrlimit(resource.RLIMIT_DATA, (limit, data[1]))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL if previous is None else previous)
        faulthandler.cancel_dump_traceback_later()
        resource.setrlimit(resource.RLIMIT_DATA, data)


def _data_in_use() -> int:
    """Bytes of writable private memory (what RLIMIT_DATA counts); 0 where /proc has no answer."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0
    found = re.search(r"^VmData:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) * 1024 if found else 0
