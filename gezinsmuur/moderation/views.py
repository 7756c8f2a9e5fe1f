from django.contrib import messages
from django.db.models import Count
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from gezinsmuur.submissions import files
from gezinsmuur.submissions.models import Status, Submission

from . import actions
from .access import moderator_required, staff_user
from .forms import BulkApproveForm, DecisionForm

SKIPPED = "moderation_skipped"
GRID_SIZE = 48


@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    skipped = request.session.get(SKIPPED, [])
    waiting = Submission.objects.for_review()
    current = waiting.exclude(public_id__in=skipped).first() or waiting.first()
    context = {
        "current": current,
        "image": review_image(current, 1000) if current else None,
        "flags": current.flag_labels if current else [],
        "form": DecisionForm(),
        "counts": _counts(),
        "skipped": len(skipped),
        "reported": reported(),
    }
    return render(request, "moderation/queue.html", context)


@require_POST
@moderator_required
def decide(request: HttpRequest, public_id: str) -> HttpResponse:
    submission = get_object_or_404(Submission, public_id=public_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        errors = form.non_field_errors() or [_("Choose a decision.")]
        messages.error(request, " ".join(str(e) for e in errors))
        return redirect("moderation:queue")
    decision = form.cleaned_data["decision"]
    if decision == "approve":
        done = actions.approve(submission, moderator=staff_user(request))
    elif decision == "reject":
        done = actions.reject(
            submission, moderator=staff_user(request), reason=form.cleaned_data["reason_code"]
        )
    else:
        request.session[SKIPPED] = [*request.session.get(SKIPPED, []), public_id][-200:]
        done = True
    if not done:
        messages.warning(request, _("Someone else already decided on this photo."))
    elif decision != "skip":
        messages.success(request, _("Approved.") if decision == "approve" else _("Rejected."))
    return redirect("moderation:queue")


@moderator_required
def grid(request: HttpRequest) -> HttpResponse:
    pending = list(
        Submission.objects.filter(status=Status.PENDING_REVIEW).order_by("created_at")[:GRID_SIZE]
    )
    form = BulkApproveForm(choices=[(s.public_id, s.public_id) for s in pending])
    if request.method == "POST":
        form = BulkApproveForm(request.POST, choices=[(s.public_id, s.public_id) for s in pending])
        if form.is_valid():
            chosen = [s for s in pending if s.public_id in form.cleaned_data["selected"]]
            approved = sum(actions.approve(s, moderator=staff_user(request)) for s in chosen)
            text = ngettext("%(count)d photo approved.", "%(count)d photos approved.", approved)
            messages.success(request, text % {"count": approved})
            return redirect("moderation:grid")
    pairs = [(s, review_image(s, 400)) for s in pending]
    return render(request, "moderation/grid.html", {"pending": pairs, "form": form})


@moderator_required
def photo(request: HttpRequest, public_id: str, name: str) -> FileResponse:
    """A not-yet-public rendition, for moderators' eyes only."""
    submission = get_object_or_404(Submission, public_id=public_id)
    key = f"tiles/{public_id}/{name}"
    if key not in {r["name"] for r in submission.renditions}:
        raise Http404
    response = FileResponse(
        files.private().open(key), content_type=f"image/{key.rsplit('.', 1)[-1]}"
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def review_image(submission: Submission, min_width: int) -> dict | None:
    """The smallest JPEG rendition at least `min_width` wide (or the largest), at its private URL."""
    jpegs = sorted(
        (r for r in submission.renditions if r["format"] == "jpeg"), key=lambda r: r["width"]
    )
    if not jpegs:
        return None
    chosen = next((r for r in jpegs if r["width"] >= min_width), jpegs[-1])
    name = chosen["name"].rsplit("/", 1)[-1]
    url = reverse("moderation:photo", args=[submission.public_id, name])
    return {"url": url, "width": chosen["width"], "height": chosen["height"]}


def reported() -> list[tuple[Submission, dict | None]]:
    """Reported tiles that need a decision, "this is me" first, each with a small image."""
    from gezinsmuur.reports.actions import needing_attention

    return [(s, review_image(s, 0)) for s in needing_attention()[:20]]


def _counts() -> dict[str, int]:
    rows = Submission.objects.values_list("status").annotate(n=Count("id")).order_by()
    return {status: n for status, n in rows}
