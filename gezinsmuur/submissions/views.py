from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from .actions import create_submission
from .forms import REJECT_MESSAGES, SubmissionForm
from .models import Submission

SESSION_KEY = "my_submissions"


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
        assert form.image_info is not None
        submission = create_submission(
            photo=form.cleaned_data["photo"],
            info=form.image_info,
            data=form.cleaned_data,
            language=get_language(),
        )
        remember(request, submission)
        return redirect_303("submissions:thanks")
    return render(request, "submissions/submit.html", {"form": form}, status=form.status_code)


def thanks(request: HttpRequest) -> HttpResponse:
    ids = request.session.get(SESSION_KEY, [])
    submissions = Submission.objects.filter(public_id__in=ids).order_by("-created_at")
    response = render(request, "submissions/thanks.html", {"submissions": submissions})
    response["Cache-Control"] = "no-store"
    return response


def remember(request: HttpRequest, submission: Submission) -> None:
    """The participant's own browser keeps the ids of what it sent (until the private link issue)."""
    ids = request.session.get(SESSION_KEY, [])
    if submission.public_id not in ids:
        request.session[SESSION_KEY] = [submission.public_id, *ids][:20]


def redirect_303(name: str) -> HttpResponse:
    """After a POST, "see other": the browser GETs the next page, and a reload never re-posts."""
    response = HttpResponseRedirect(reverse(name))
    response.status_code = 303
    return response
