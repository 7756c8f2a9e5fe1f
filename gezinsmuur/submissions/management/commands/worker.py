"""Run the background worker: processes photos, and every minute picks up work a dead worker left."""

import time
import uuid
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django_tasks_db.management.commands.db_worker import Worker

from gezinsmuur.submissions.actions import requeue_stale

SWEEP_EVERY = 60.0
RETENTION_EVERY = 3600.0


class Command(BaseCommand):
    help = (
        "Run the task worker (django-tasks database queue). Every minute it also re-enqueues "
        "submissions whose worker died, so an accepted upload is never lost, and every hour it "
        "applies the retention rules. --batch drains the queue once and exits."
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
        Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        ).run()
