from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from . import consent, privatelink
from .actions import create_submission
from .forms import REJECT_MESSAGES, SubmissionForm
from .mail import send_private_link
from .models import Submission


@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "submissions/submit.html", {"form": SubmissionForm()})
    form = SubmissionForm(request.POST, request.FILES)
    if getattr(request, "upload_too_large", False):
        form.is_valid()
        form.errors["photo"] = form.error_class([str(REJECT_MESSAGES["too_large"])])
        form.refusal = "too_large"
    elif form.is_valid():
        return accept(request, form)
    return render(request, "submissions/submit.html", {"form": form}, status=form.status_code)


def accept(request: HttpRequest, form: SubmissionForm) -> HttpResponse:
    assert form.image_info is not None
    language = get_language()
    data = {**form.cleaned_data, "consent": consent.record(form.consent_choices(), language)}
    submission, token = create_submission(
        photo=form.cleaned_data["photo"], info=form.image_info, data=data, language=language
    )
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
