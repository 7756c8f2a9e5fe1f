"""Paula the participant shares a photo and a message."""

import io
import uuid

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from gezinsmuur.submissions.forms import REJECT_MESSAGES
from gezinsmuur.submissions.models import ModerationEvent, Status, Submission

from . import proof
from .conftest import SAMPLES

pytestmark = pytest.mark.django_db


def form_data(photo, **overrides):
    data = {
        "photo": photo,
        "message": "Mijn zoon en ik horen samen.",
        "display_name": "Helen & Adam",
        "municipality": "Gent",
        "publication": "wall",
        "uploader": "adult",
        "consent_partners": "on",
        "consent_adults": "on",
        "consent_children": "on",
        "idempotency_key": str(uuid.uuid4()),
        "rendered": proof.rendered(),
        "altcha": proof.solved(),
    }
    data.update(overrides)
    return data


def upload(path, name=None, content_type="image/jpeg"):
    return SimpleUploadedFile(name or path.name, path.read_bytes(), content_type=content_type)


def private_files():
    storage = storages["private"]
    try:
        return storage.listdir("")[1]
    except FileNotFoundError:
        return []


def test_g01_it_shows_the_form_with_nothing_ticked_and_the_notice(client):
    response = client.get("/nl/share/")
    html = response.content.decode()
    assert response.status_code == 200
    for name in (
        "publication",
        "uploader",
        "consent_partners",
        "consent_event",
        "consent_press",
        "consent_adults",
        "consent_children",
    ):
        assert f'name="{name}"' in html
    assert "checked" not in html  # G01: nothing is ticked in advance
    assert 'enctype="multipart/form-data"' in html
    assert "image/heic" in html  # the picker offers phone formats
    with translation.override("nl"):
        assert (
            translation.gettext(
                "Taking part is separate from any ongoing case. Photos and messages are used only for "
                "the public campaign."
            )
            in html
        )


def test_g02_it_accepts_a_phone_photo_records_consent_and_enqueues_after_commit(
    client, phone_photo, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.post("/nl/share/", form_data(upload(phone_photo)))
    assert response.status_code == 303
    assert response["Location"] == "/nl/share/thanks/"
    submission = Submission.objects.get()
    assert submission.status == Status.RECEIVED
    assert submission.message == "Mijn zoon en ik horen samen."
    assert submission.language == "nl"
    assert submission.consent_publish
    record = submission.consent  # G02
    assert record["version"] and record["language"] == "nl" and len(record["text_sha256"]) == 64
    assert record["choices"] == {
        "publication": "wall",
        "uploader": "adult",
        "consent_partners": True,
        "consent_event": False,
        "consent_press": False,
        "consent_adults": True,
        "consent_children": True,
    }
    assert submission.original_format == "jpeg"
    assert storages["private"].exists(submission.original)
    assert len(callbacks) == 1  # processing is enqueued only once the row is committed
    assert list(ModerationEvent.objects.values_list("to_status", flat=True)) == [Status.RECEIVED]


def test_it_shows_the_status_and_the_private_link_once_on_the_thank_you_page(client, phone_photo):
    client.post("/nl/share/", form_data(upload(phone_photo)))
    response = client.get("/nl/share/thanks/")
    html = response.content.decode()
    assert "Mijn zoon en ik horen samen." in html
    assert response["Cache-Control"] == "no-store"
    assert "/nl/my/" in html and response.context["private_link"]
    with translation.override("nl"):
        assert str(Status.RECEIVED.label) in html
    again = client.get("/nl/share/thanks/")
    assert not again.context["private_link"]  # shown once; the page links to the private page


def test_it_creates_one_submission_for_a_double_click(client, phone_photo):
    data = form_data(upload(phone_photo))
    first = client.post("/nl/share/", data)
    data["photo"] = upload(phone_photo)
    second = client.post("/nl/share/", data)
    assert first.status_code == second.status_code == 303
    assert Submission.objects.count() == 1
    assert len(private_files()) == 1


@pytest.mark.parametrize(
    ("payload", "name", "reason", "status"),
    [
        (
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
            "photo.svg",
            "format",
            415,
        ),
        (b"<html><script>alert(1)</script></html>", "photo.jpg", "format", 415),  # U11
        (b"GIF89a" + b"\0" * 100, "photo.jpg", "format", 415),  # U09
    ],
)
def test_it_refuses_files_that_are_not_photos_and_stores_nothing(
    client, payload, name, reason, status
):
    response = client.post("/fr/share/", form_data(SimpleUploadedFile(name, payload, "image/jpeg")))
    assert response.status_code == status
    with translation.override("fr"):
        assert str(REJECT_MESSAGES[reason]) % {"megapixels": 50} in response.content.decode()
    assert Submission.objects.count() == 0
    assert private_files() == []


def test_it_refuses_a_pixel_bomb_before_decoding(client):
    from PIL import Image  # a 48 KB-class PNG that declares 20000 x 20000 pixels (U05)

    buffer = io.BytesIO()
    Image.new("1", (20000, 20000)).save(buffer, "PNG")
    response = client.post(
        "/nl/share/", form_data(SimpleUploadedFile("bomb.png", buffer.getvalue()))
    )
    assert response.status_code == 422
    assert Submission.objects.count() == 0


def test_it_refuses_a_photo_over_the_byte_cap_and_keeps_the_message(client, settings, phone_photo):
    settings.UPLOAD_MAX_BYTES = 1_000_000
    response = client.post("/nl/share/", form_data(upload(phone_photo)))
    html = response.content.decode()
    assert response.status_code == 413
    assert "Mijn zoon en ik horen samen." in html  # what they typed comes back
    with translation.override("nl"):
        assert str(REJECT_MESSAGES["too_large"]) in html
    assert Submission.objects.count() == 0 and private_files() == []


@pytest.mark.parametrize(
    "missing", ["publication", "uploader", "consent_adults", "consent_children"]
)
def test_g01_it_requires_each_consent_and_stores_nothing_without_it(
    client, phone_photo, missing
):  # G01
    response = client.post("/nl/share/", form_data(upload(phone_photo), **{missing: ""}))
    assert response.status_code == 400
    assert Submission.objects.count() == 0 and private_files() == []


def test_a_private_voice_is_counted_but_never_shown(client, phone_photo, moderator):
    from gezinsmuur.moderation.actions import approve
    from gezinsmuur.submissions.tasks import process_submission

    data = form_data(upload(phone_photo), publication="private", consent_press="on")
    client.post("/nl/share/", data)
    submission = Submission.objects.get()
    assert not submission.consent_publish
    assert submission.consent["choices"]["consent_press"] is False  # no use without the wall
    process_submission.call(submission.pk)
    submission.refresh_from_db()
    approve(submission, moderator=moderator)
    wall = client.get("/nl/wall/")
    assert wall.context["voices"] == 1 and wall.context["tiles"] == []
    assert client.get(f"/nl/wall/{submission.public_id}/").status_code == 404


def test_it_refuses_a_message_over_500_characters(client, phone_photo):
    response = client.post("/nl/share/", form_data(upload(phone_photo), message="a" * 501))
    assert response.status_code == 400
    assert Submission.objects.count() == 0


def test_it_counts_500_characters_after_normalisation_and_drops_bidi_controls(client, phone_photo):
    message = "e\u0301" * 250 + "\u202e"  # 500 code points that NFC turns into 250, plus an RLO
    response = client.post("/nl/share/", form_data(upload(phone_photo), message=message))
    assert response.status_code == 303
    assert Submission.objects.get().message == "\u00e9" * 250


def test_it_refuses_two_files_in_one_request(client, phone_photo):  # U03
    data = form_data(upload(phone_photo))
    data["extra"] = upload(phone_photo)
    response = client.post("/nl/share/", data)
    assert response.status_code == 400
    assert Submission.objects.count() == 0


def test_it_does_not_enqueue_when_the_transaction_rolls_back(
    phone_photo, django_capture_on_commit_callbacks
):  # R04
    from django.db import transaction

    from gezinsmuur.images import inspect
    from gezinsmuur.submissions.actions import create_submission
    from gezinsmuur.submissions.consent import wall_consent

    with django_capture_on_commit_callbacks() as callbacks:
        try:
            with transaction.atomic():
                with phone_photo.open("rb") as fp:
                    data = {
                        "idempotency_key": uuid.uuid4(),
                        "message": "x",
                        "consent": wall_consent("nl"),
                    }
                    create_submission(photo=fp, info=inspect(fp), data=data, language="nl")
                raise RuntimeError("roll back")
        except RuntimeError:
            pass
    assert callbacks == []
    assert Submission.objects.count() == 0


def test_it_cuts_off_a_body_far_over_the_cap_without_storing_it(client, settings, phone_photo):
    settings.UPLOAD_MAX_BYTES = 100_000  # the photo is more than four times bigger
    response = client.post("/nl/share/", form_data(upload(phone_photo)))
    assert response.status_code == 413
    assert Submission.objects.count() == 0 and private_files() == []


def test_it_offers_face_blurring_unticked_and_passes_the_choice_to_the_worker(
    client, django_capture_on_commit_callbacks
):
    from gezinsmuur.submissions.tasks import process_submission

    html = client.get("/nl/share/").content.decode()
    assert 'name="blur_faces"' in html and "checked" not in html
    faces = SAMPLES / "faces-mother-child.png"
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            "/nl/share/", form_data(upload(faces, content_type="image/png"), blur_faces="on")
        )
    assert response.status_code == 303
    submission = Submission.objects.get()
    assert submission.blur_faces is True
    process_submission.call(submission.pk)
    submission.refresh_from_db()
    assert submission.status == Status.PENDING_REVIEW
    assert submission.flags == ["faces_blurred:2"]
    with translation.override("nl"):
        assert submission.flag_labels == [
            translation.ngettext(
                "%(count)d face blurred automatically: check that every face is covered",
                "%(count)d faces blurred automatically: check that every face is covered",
                2,
            )
            % {"count": 2}
        ]


def test_without_the_box_ticked_faces_are_left_alone_and_not_flagged(client):
    from gezinsmuur.submissions.tasks import process_submission

    client.post("/nl/share/", form_data(upload(SAMPLES / "faces-mother-child.png")))
    submission = Submission.objects.get()
    assert submission.blur_faces is False
    process_submission.call(submission.pk)
    submission.refresh_from_db()
    assert submission.flags == []
