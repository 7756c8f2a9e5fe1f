"""The participant's private pages: status, edit, withdraw. No account, only the private link."""

from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_POST

from gezinsmuur.abuse import limits
from gezinsmuur.submissions import actions, privatelink
from gezinsmuur.submissions.models import Submission
from gezinsmuur.submissions.views import redirect_303

from .forms import ConsentForm, EditMessageForm


def private(view: Any) -> Any:
    """Private pages are never cached and need the submission in this session."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        submission = Submission.objects.filter(public_id=privatelink.remembered(request)).first()
        response = (
            view(request, submission, *args, **kwargs)
            if submission
            else render(request, "privacy/no_access.html", status=403)
        )
        # Referrer-Policy stays same-origin here: under no-referrer a browser posts these forms
        # with Origin: null, which the CSRF check refuses. No other site ever sees a referrer.
        response["Cache-Control"] = "no-store"
        return response

    return wrapper


def open_link(request: HttpRequest, token: str) -> HttpResponse:
    """Swap the token for a session and move to a URL without it, so the token does not linger.

    Guessing is hopeless (256 bits) and also limited: 20 tries an hour per network (A11).
    """
    limited = limits.check(request, "private-link")
    submission = None if limited else actions.find_by_token(token)
    if limited:
        response = render(request, "privacy/no_access.html", {"limited": True}, status=429)
        response["Retry-After"] = str(limited.retry_after)
    elif submission is None:
        response = render(request, "privacy/no_access.html", status=404)
    else:
        privatelink.remember(request, submission.public_id)
        response = redirect_303("privacy:mine")
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
@private
def mine(request: HttpRequest, submission: Submission) -> HttpResponse:
    form = EditMessageForm(initial={"message": submission.message})
    if request.method == "POST":
        form = EditMessageForm(request.POST)
        if form.is_valid() and actions.edit_message(submission, form.cleaned_data["message"]):
            return redirect_303("privacy:mine")
    context = {
        "submission": submission,
        "form": form,
        "consent_form": ConsentForm.for_submission(submission),
    }
    return render(request, "privacy/mine.html", context, status=400 if form.errors else 200)


@require_POST
@private
def change_consent(request: HttpRequest, submission: Submission) -> HttpResponse:
    form = ConsentForm(request.POST, prefix="consent")
    if not form.is_valid():
        context = {"submission": submission, "form": EditMessageForm(), "consent_form": form}
        return render(request, "privacy/mine.html", context, status=400)
    actions.change_consent(submission, form.cleaned_data, get_language())
    return redirect_303("privacy:mine")


@require_http_methods(["GET", "POST"])
@private
def withdraw(request: HttpRequest, submission: Submission) -> HttpResponse:
    """GET asks to confirm; only the POST deletes."""
    if request.method == "POST":
        actions.erase(submission, reason="withdrawn")
        request.session.flush()
        return redirect("privacy:withdrawn")
    return render(request, "privacy/withdraw.html", {"submission": submission})


def withdrawn(request: HttpRequest) -> HttpResponse:
    response = render(request, "privacy/withdrawn.html")
    response["Cache-Control"] = "no-store"
    return response
