"""Paula keeps a private link: she sees her status, edits her message, or withdraws everything."""

import hashlib
import re
import socket

import pytest
from django.apps import apps
from django.core.files.storage import storages
from django.db import connection

from gezinsmuur.moderation.actions import approve
from gezinsmuur.submissions.models import Status, Submission, Tombstone
from gezinsmuur.submissions.tasks import process_submission

from .test_submit import form_data, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared(client, phone_photo):
    """Paula shared a photo; returns her private link (as shown on the thank-you page)."""
    client.post("/nl/share/", form_data(upload(phone_photo)))
    link = client.get("/nl/share/thanks/").context["private_link"]
    return re.sub(r"^https?://[^/]+", "", link)


@pytest.fixture
def approved(shared, moderator, django_capture_on_commit_callbacks):
    submission = Submission.objects.get()
    process_submission.call(submission.pk)
    submission.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        approve(submission, moderator=moderator)
    return submission


def test_the_token_has_256_bits_and_only_its_hash_is_stored(shared):
    token = shared.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 43  # 32 random bytes, URL-safe base64
    submission = Submission.objects.get()
    assert submission.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(Submission.objects.values().get())


def test_w11_the_link_is_swapped_for_a_session_and_a_url_without_the_token(client, shared):  # W11
    client.cookies.clear()
    response = client.get(shared)
    assert response.status_code == 303 and response["Location"] == "/nl/my/"
    assert response["Referrer-Policy"] == "no-referrer" and response["Cache-Control"] == "no-store"
    page = client.get("/nl/my/")
    assert page.status_code == 200 and "Mijn zoon en ik horen samen." in page.content.decode()
    assert page["Cache-Control"] == "no-store"


def test_a_wrong_token_or_no_session_opens_nothing(client, shared):
    client.cookies.clear()
    assert client.get("/nl/my/" + "x" * 43 + "/").status_code == 404
    assert client.get("/nl/my/").status_code == 403
    assert client.post("/nl/my/withdraw/").status_code == 403
    assert Submission.objects.count() == 1


def test_a_retry_of_the_form_gives_a_new_link_and_the_old_one_stops_working(client, phone_photo):
    data = form_data(upload(phone_photo))
    client.post("/nl/share/", data)
    first = client.get("/nl/share/thanks/").context["private_link"]
    data["photo"] = upload(phone_photo)
    client.post("/nl/share/", data)
    second = client.get("/nl/share/thanks/").context["private_link"]
    assert first != second
    client.cookies.clear()
    assert client.get(re.sub(r"^https?://[^/]+", "", first)).status_code == 404
    assert client.get(re.sub(r"^https?://[^/]+", "", second)).status_code == 303


def test_editing_a_published_message_takes_it_off_the_wall_until_reviewed(client, shared, approved):
    client.get(shared)
    public_files = [r["name"] for r in approved.renditions]
    assert client.get(f"/nl/wall/{approved.public_id}/").status_code == 200
    response = client.post("/nl/my/", {"message": "Nieuwe boodschap"})
    assert response.status_code == 303
    approved.refresh_from_db()
    assert approved.status == Status.PENDING_REVIEW and approved.message == "Nieuwe boodschap"
    assert client.get(f"/nl/wall/{approved.public_id}/").status_code == 404
    assert not any(storages["default"].exists(name) for name in public_files)
    assert approved.events.last().reason == "edited by participant"


def test_w12_withdrawing_asks_first_and_a_get_changes_nothing(client, shared):  # W12
    client.get(shared)
    assert client.get("/nl/my/withdraw/").status_code == 200
    assert Submission.objects.count() == 1


def test_g03_g05_withdrawal_removes_the_tile_from_every_page_at_once(
    client, settings, shared, approved
):  # G03
    settings.PUBLIC_CACHE_SECONDS = 30
    client.get(shared)
    assert approved.message in client.get("/nl/wall/").content.decode()  # now cached
    response = client.post("/nl/my/withdraw/")
    assert response.status_code == 302 and response["Location"] == "/nl/my/withdrawn/"
    assert approved.message not in client.get("/nl/wall/").content.decode()
    assert client.get(f"/nl/wall/{approved.public_id}/").status_code == 404
    for rendition in approved.renditions:
        assert client.get(f"/media/{rendition['name']}").status_code == 404
    assert client.get("/nl/my/").status_code == 403  # the private session is gone too


def test_g04_after_withdrawal_nothing_of_the_submission_is_left_but_its_tombstone(
    client, shared, approved, private_storage
):  # G04
    client.get(shared)
    client.post("/nl/my/withdraw/")
    tombstone = Tombstone.objects.get()
    assert tombstone.public_id == approved.public_id and tombstone.sha256 == approved.sha256
    # every row of every table, searched for the id, the message and the content hash
    needles = [approved.public_id, approved.message, approved.sha256]
    for model in apps.get_models():
        if model is Tombstone or not model._meta.managed:
            continue
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(model._meta.db_table)  # from Django's own registry
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608
            dump = repr(cursor.fetchall())
        assert not any(n in dump for n in needles), f"{model.__name__} still holds the submission"
    leftovers = [p for p in private_storage.rglob("*") if p.is_file()]
    assert leftovers == [], leftovers


def test_a_rejected_participant_can_share_again(client, shared, moderator):
    from gezinsmuur.moderation.actions import reject

    submission = Submission.objects.get()
    process_submission.call(submission.pk)
    submission.refresh_from_db()
    reject(submission, moderator=moderator, reason="unclear")
    client.get(shared)
    html = client.get("/nl/my/").content.decode()
    assert "/nl/share/" in html and "textarea" not in html


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server (aiosmtpd) on localhost that keeps what it receives."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    class Inbox(Message):
        def __init__(self):
            super().__init__()
            self.messages = []

        def handle_message(self, message):
            self.messages.append(message)

    with socket.socket() as probe:  # a free port on the loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    yield inbox
    controller.stop()


def test_the_private_link_is_mailed_in_the_visitors_language_and_the_address_is_not_kept(
    client, phone_photo, smtp_server, settings
):
    settings.BASE_URL = "https://gezinsmuur.example"
    data = form_data(upload(phone_photo), email="paula@example.org")
    client.post("/fr/share/", data, HTTP_HOST="127.0.0.1")
    [message] = smtp_server.messages
    assert message["To"] == "paula@example.org"
    body = message.get_payload(decode=True).decode()
    assert "https://gezinsmuur.example/fr/my/" in body  # the configured address, not the Host
    token = body.split("/fr/my/")[1].split("/")[0]
    assert Submission.objects.get().token_hash == hashlib.sha256(token.encode()).hexdigest()
    from django.utils import translation

    with translation.override("fr"):
        assert translation.gettext("Your private link for De Gezinsmuur") == message["Subject"]
    assert "paula@example.org" not in str(Submission.objects.values().get())


def test_a_failing_mail_server_loses_nothing(client, phone_photo, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 1  # nothing listens there
    response = client.post("/nl/share/", form_data(upload(phone_photo), email="p@example.org"))
    assert response.status_code == 303 and Submission.objects.count() == 1


def test_leaving_the_wall_takes_the_tile_down_and_keeps_the_old_record(client, shared, approved):
    client.get(shared)
    response = client.post(
        "/nl/my/consent/", {"consent-publication": "private", "consent-consent_press": "on"}
    )
    assert response.status_code == 303
    approved.refresh_from_db()
    assert not approved.consent_publish and approved.status == Status.APPROVED  # still counted
    assert client.get(f"/nl/wall/{approved.public_id}/").status_code == 404
    assert client.get("/nl/wall/").context["voices"] == 1
    assert approved.consent["choices"]["consent_press"] is False  # no use without the wall
    assert approved.consent["history"][0]["choices"]["publication"] == "wall"


def test_coming_back_onto_the_wall_goes_through_review_again(client, shared, approved):
    client.get(shared)
    client.post("/nl/my/consent/", {"consent-publication": "private"})
    client.post("/nl/my/consent/", {"consent-publication": "wall", "consent-consent_event": "on"})
    approved.refresh_from_db()
    assert approved.consent_publish and approved.status == Status.PENDING_REVIEW
    assert approved.consent["choices"]["consent_event"] is True
    assert len(approved.consent["history"]) == 2
