import uuid

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from gezinsmuur.abuse import challenge, honeypot, limits

from . import consent, privatelink
from .actions import create_submission
from .forms import LIMITED, NOJS_LIMITED, REJECT_MESSAGES, STALE_FORM, SubmissionForm
from .mail import send_private_link
from .models import Submission


@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "submissions/submit.html", {"form": SubmissionForm()})
    retry = already_accepted(request.POST.get("idempotency_key", ""))
    verdict = honeypot.Verdict.PERSON if retry else honeypot.verdict(request.POST)
    if not retry:
        challenge.note_attempt()
    if verdict is honeypot.Verdict.BOT:
        return render(request, "submissions/thanks.html", {})  # nothing stored, nothing said
    form = SubmissionForm(request.POST, request.FILES, retry=retry)
    if getattr(request, "upload_too_large", False):
        form.is_valid()
        form.errors["photo"] = form.error_class([str(REJECT_MESSAGES["too_large"])])
        form.refusal = "too_large"
    elif form.is_valid():
        limited = None if retry else over_limit(request, form)
        if verdict is honeypot.Verdict.STALE:
            form.add_error(None, STALE_FORM)
        elif limited:
            return refuse(request, form, *limited)
        else:
            return accept(request, form)
    return render(request, "submissions/submit.html", {"form": form}, status=form.status_code)


def already_accepted(key: str) -> bool:
    """A double click or a mobile retry: the form was accepted before, the answer got lost."""
    try:
        return Submission.objects.filter(idempotency_key=uuid.UUID(key)).exists()
    except ValueError:
        return False


def over_limit(request: HttpRequest, form: SubmissionForm) -> tuple[str, limits.Limited] | None:
    """Checked once the form is valid, so a refused photo never costs the visitor a try."""
    if limited := limits.check(request, "submit", count=False):
        return str(LIMITED), limited
    if form.without_proof and (
        limited := limits.check(request, "submit-nojs", count=False)
        or limits.check(request, "submit-nojs-site", count=False)
    ):
        return str(NOJS_LIMITED), limited
    return None


def refuse(
    request: HttpRequest, form: SubmissionForm, message: str, limited: limits.Limited
) -> HttpResponse:
    """Too many photos from this network: the form comes back with its text and a clear 429."""
    form.add_error(None, message)
    response = render(request, "submissions/submit.html", {"form": form}, status=429)
    response["Retry-After"] = str(limited.retry_after)
    return response


def accept(request: HttpRequest, form: SubmissionForm) -> HttpResponse:
    assert form.image_info is not None
    language = get_language()
    data = {
        **form.cleaned_data,
        "consent": consent.record(form.consent_choices(), language),
        "sha256": form.sha256,
        "flags": ["no_proof_of_work"] if form.without_proof else [],
    }
    submission, token = create_submission(
        photo=form.cleaned_data["photo"], info=form.image_info, data=data, language=language
    )
    if not form.retry:
        limits.count(request, "submit")
        if form.without_proof:
            limits.count(request, "submit-nojs")
            limits.count(request, "submit-nojs-site")
    privatelink.remember(request, submission.public_id, token)
    if form.cleaned_data["email"]:
        link = privatelink.url(token)
        send_private_link(form.cleaned_data["email"], link, language, submission.public_id)
    return redirect_303("submissions:thanks")


def thanks(request: HttpRequest) -> HttpResponse:
    """Thank you, the status, and the private link: shown once, never stored in the clear."""
    submission = Submission.objects.filter(public_id=privatelink.remembered(request)).first()
    token = privatelink.take_fresh_token(request)
    link = privatelink.url(token) if token else ""
    context = {"submission": submission, "private_link": link}
    response = render(request, "submissions/thanks.html", context)
    response["Cache-Control"] = "no-store"
    return response


def redirect_303(name: str) -> HttpResponse:
    """After a POST, "see other": the browser GETs the next page, and a reload never re-posts."""
    response = HttpResponseRedirect(reverse(name))
    response.status_code = 303
    return response
