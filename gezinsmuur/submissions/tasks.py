"""Background work on submissions, run by `manage.py worker`."""

import logging

from django_tasks import task

from gezinsmuur.images import ImageRejected, process

from . import actions, files

log = logging.getLogger(__name__)


@task()
def process_submission(pk: int) -> None:
    """Turn an accepted original into clean renditions and hand it to the moderators.

    Idempotent: a second delivery finds the row no longer `received` and does nothing. A file that
    can never be read fails at once; anything else is retried up to three attempts.
    """
    submission = actions.claim_for_processing(pk)
    if submission is None:
        return
    try:
        with files.private().open(submission.original) as fp:
            result = process(fp, blur_faces=submission.blur_faces)
        renditions = files.store_renditions(submission, result)
    except ImageRejected as rejected:
        actions.fail_processing(submission, rejected.reason, permanent=True)
        return
    except Exception as error:  # noqa: BLE001 - any other failure is retried, never lost
        log.exception("submission.processing_error id=%s", submission.public_id)
        actions.fail_processing(submission, type(error).__name__, permanent=False)
        return
    actions.finish_processing(submission, result, renditions)
