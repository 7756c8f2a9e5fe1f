"""The Django admin view of submissions for staff: export (subject access) and erase ("this is me")."""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from gezinsmuur.submissions.actions import erase
from gezinsmuur.submissions.models import Submission

from .csvexport import to_csv
from .export import export_json


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ("public_id", "status", "language", "created_at")
    list_filter = ("status", "language")
    search_fields = ("public_id",)
    actions = ["export_as_json", "export_as_csv", "erase_on_request"]
    readonly_fields = [f.name for f in Submission._meta.fields if f.name != "id"]
    exclude = ("token_hash",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # deletion goes through the erase action, which leaves a tombstone

    @admin.action(description=_("Export everything held about it (JSON)"))
    def export_as_json(self, request: HttpRequest, queryset: QuerySet[Submission]) -> HttpResponse:
        body = "[\n" + ",\n".join(export_json(s) for s in queryset) + "\n]"
        response = HttpResponse(body, content_type="application/json")
        response["Content-Disposition"] = 'attachment; filename="submissions.json"'
        return response

    @admin.action(description=_("Export for organisers (CSV, no secrets)"))
    def export_as_csv(self, request: HttpRequest, queryset: QuerySet[Submission]) -> HttpResponse:
        body = to_csv(queryset.order_by("created_at"), exported_by=str(request.user.pk))
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="gezinsmuur.csv"'
        response["Cache-Control"] = "no-store"
        return response

    @admin.action(description=_("Erase on the person's request (files, rows, pages)"))
    def erase_on_request(self, request: HttpRequest, queryset: QuerySet[Submission]) -> None:
        for submission in queryset:
            erase(submission, reason="subject_request", actor=request.user)  # type: ignore[arg-type]
        messages.success(request, _("Erased. Only a tombstone is kept."))
