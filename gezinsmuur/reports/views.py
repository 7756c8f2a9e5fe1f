from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from gezinsmuur.abuse import limits
from gezinsmuur.abuse.clientip import network
from gezinsmuur.moderation.access import moderator_required, staff_user
from gezinsmuur.submissions.models import Submission
from gezinsmuur.wall import queries

from . import actions
from .forms import ReportDecisionForm, ReportForm


@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, public_id: str) -> HttpResponse:
    """Report a tile. Works without JavaScript; the answer is the same for a repeated report."""
    tile = queries.tile(public_id)
    if tile is None:
        raise Http404
    form = ReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        limited = limits.check(request, "report")
        if limited:
            form.is_valid()
            form.add_error(None, _("You have sent many reports in a short time. Please try later."))
            response = render(
                request, "reports/report.html", {"tile": tile, "form": form}, status=429
            )
            response["Retry-After"] = str(limited.retry_after)
            return response
        if form.is_valid():
            reason = form.cleaned_data["reason"]
            actions.report(tile, reason=reason, network=network(request))
            context = {"tile": tile, "subject": reason == "subject"}
            return no_store(render(request, "reports/thanks.html", context))
    status = 400 if form.errors else 200
    return no_store(
        render(request, "reports/report.html", {"tile": tile, "form": form}, status=status)
    )


@require_POST
@moderator_required
def decide(request: HttpRequest, public_id: str) -> HttpResponse:
    submission = get_object_or_404(Submission, public_id=public_id)
    form = ReportDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision."))
    elif form.cleaned_data["decision"] == "take_down":
        actions.take_down(submission, moderator=staff_user(request))
        messages.success(request, _("The photo was taken off the wall."))
    else:
        actions.keep(submission, moderator=staff_user(request))
        messages.success(request, _("The photo stays on the wall; its reports are closed."))
    return redirect("moderation:queue")


def no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response
