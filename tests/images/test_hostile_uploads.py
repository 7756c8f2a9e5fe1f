"""Hostile files posted through the real share form (/nl/share/): SAFETY-TESTS U08-U12, U16, U19, U21.

Each post must be accepted (303) or refused with the 4xx and the translated message of the refusal
inspect() gives for those bytes: never a 5xx, never a refusal for another reason. Accepted polyglots
then go through the worker task: no rendition holds their payload, nothing is public. File names
(U21) are never used: the stored name is the submission's random id and the format.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import uuid
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from gezinsmuur.images import ImageRejected, inspect
from gezinsmuur.submissions.forms import REJECT_MESSAGES, REJECT_STATUS
from gezinsmuur.submissions.models import Status, Submission
from gezinsmuur.submissions.tasks import process_submission
from tests.images.test_hostile_corpus import HOSTILE_EXPECTED, MADE, PAYLOADS, photo, pillow_corpus
from tests.test_submit import form_data

pytestmark = pytest.mark.django_db
pillow_corpus = pillow_corpus  # the session fixture, shared with the corpus test
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
EVERY_NTH = 10  # of Pillow's 1,060 files, every tenth goes through the form too


def expected_answer(data: bytes) -> tuple[int, str]:
    """What the form must answer for these bytes: 303, or the refusal's status and reason."""
    try:
        inspect(io.BytesIO(data))
    except ImageRejected as refusal:
        return REJECT_STATUS.get(refusal.reason, 422), refusal.reason
    return 303, ""


def post(client: Client, data: bytes, name: str = "photo.jpg") -> int:
    """Post like a browser that solved the challenge; limits and replay marks start afresh."""
    cache.clear()
    upload = SimpleUploadedFile(name, data, content_type="image/jpeg")
    response = client.post("/nl/share/", form_data(upload))
    status, reason = expected_answer(data)
    assert response.status_code == status, (name, response.status_code, status, reason)
    if reason:
        with translation.override("nl"):
            assert str(REJECT_MESSAGES[reason]) % {"megapixels": 50} in response.content.decode()
    return response.status_code


def assert_nothing_public() -> None:
    with contextlib.suppress(FileNotFoundError):  # no folder at all is fine too
        assert storages["default"].listdir("") == ([], [])


@pytest.mark.parametrize("name", MADE)
def test_U08_to_U16_made_files_through_the_share_form(client, name: str) -> None:
    case, make, expected = MADE[name]
    data = make()
    status = post(client, data)
    assert (status == 303) == (expected == "accepted"), (case, expected)
    if status != 303:
        assert Submission.objects.count() == 0
        return
    submission = Submission.objects.get()
    process_submission.call(submission.pk)  # what the worker does next
    submission.refresh_from_db()
    assert submission.status == Status.PENDING_REVIEW
    for rendition in submission.renditions:
        stored = storages["private"].open(rendition["name"]).read().lower()
        assert not [needle for needle in PAYLOADS if needle in stored], (name, rendition)
    assert_nothing_public()  # U12: the original (payload and all) is never reachable


def multipart(filename: str, data: bytes) -> tuple[bytes, str]:
    """The share form as raw multipart, so the file name arrives exactly as an attacker sends it
    (Django's test client would keep only its base name)."""
    boundary = f"hostile{uuid.uuid4().hex}"
    fields = {k: v for k, v in form_data(None).items() if k != "photo"}
    body = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        for key, value in fields.items()
    )
    body += (
        f'--{boundary}\r\nContent-Disposition: form-data; name="photo"; filename="{filename}"\r\n'
        "Content-Type: image/jpeg\r\n\r\n"
    ).encode() + data
    body += f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


NAMES = {
    "traversal": "../../etc/passwd",
    "windows-traversal": "..\\..\\windows\\win.ini",
    "null-byte": "a\x00.php.jpg",
    "255-chars": "a" * 251 + ".jpg",  # the longest a browser sends
    "5000-chars": "a" * 5000 + ".jpg",
    "5000-char-extension": "photo." + "j" * 5000,
    "rtl-override": "photo\u202egpj.exe",
    "html": "<img src=x onerror=alert(1)>.jpg",
}
TRACES = ["passwd", "win.ini", "php", "aaaaaaaa", "jjjjjjjj", "gpj", "exe", "onerror"]


@pytest.mark.parametrize("kind", NAMES)
def test_U21_file_names_are_never_used_stored_or_shown(client, kind: str) -> None:
    data = io.BytesIO()
    photo().save(data, "JPEG")
    body, content_type = multipart(NAMES[kind], data.getvalue())
    response = client.post("/nl/share/", body, content_type=content_type)
    if response.status_code != 303:  # a name too long for a part header loses the file
        assert response.status_code == 400 and Submission.objects.count() == 0
        return
    submission = Submission.objects.get()
    assert submission.original == f"{submission.public_id}.jpeg"
    assert storages["private"].listdir("")[1] == [submission.original]
    row = " ".join(str(value) for value in Submission.objects.values().get().values())
    thanks = client.get(response["Location"]).content.decode()
    for trace in TRACES:
        assert trace not in row and trace not in thanks, trace


def test_U19_hostile_samples_through_the_share_form(client) -> None:
    for name, expected in HOSTILE_EXPECTED.items():
        status = post(client, (SAMPLES / name).read_bytes(), Path(name).name)
        assert (status == 303) == (expected == "accepted" or expected.startswith("worker:")), name


def test_U19_pillow_corpus_sample_through_the_share_form(client, pillow_corpus, capsys) -> None:
    seen: set[str] = set()
    answers: dict[int, int] = {}
    for path in pillow_corpus[::EVERY_NTH]:
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:  # the same bytes again would be refused as a duplicate (409)
            continue
        seen.add(digest)
        status = post(client, data, path.name)
        answers[status] = answers.get(status, 0) + 1
    with capsys.disabled():
        counts = ", ".join(f"{status} x{count}" for status, count in sorted(answers.items()))
        print(f"\nU19 share form: every {EVERY_NTH}th Pillow test image posted: {counts}")
    assert sum(answers.values()) > 100 and answers[303] > 10 and max(answers) < 500, answers
