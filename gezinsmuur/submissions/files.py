"""Where a submission's files live.

Renditions are written to the private storage by the worker and copied to the public storage only
when a moderator approves; unpublishing deletes the public copies. Names carry a content hash, so
writing the same rendition twice is safe and a public URL cannot be guessed.
"""

import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages

from gezinsmuur.images import ProcessedImage

from .models import Submission


def private() -> Storage:
    return storages["private"]


def public() -> Storage:
    return storages["default"]


def store_renditions(submission: Submission, result: ProcessedImage) -> list[dict]:
    """Write every rendition privately; return their descriptions for the submission row."""
    described = []
    for rendition in result.renditions:
        digest = hashlib.sha256(rendition.data).hexdigest()[:16]
        name = f"tiles/{submission.public_id}/{digest}-{rendition.width}.{rendition.format}"
        _write(private(), name, rendition.data)
        described.append(
            {
                "format": rendition.format,
                "width": rendition.width,
                "height": rendition.height,
                "name": name,
            }
        )
    return described


def publish(submission: Submission) -> None:
    for rendition in submission.renditions:
        with private().open(rendition["name"]) as fp:
            _write(public(), rendition["name"], fp.read())


def unpublish(submission: Submission) -> None:
    for rendition in submission.renditions:
        public().delete(rendition["name"])


def delete_private(submission: Submission) -> None:
    for rendition in submission.renditions:
        private().delete(rendition["name"])


def _write(storage: Storage, name: str, data: bytes) -> None:
    # A crash mid-write can leave a short file under the right name: rewrite it.
    if storage.exists(name) and storage.size(name) == len(data):
        return
    storage.delete(name)
    storage.save(name, ContentFile(data))
