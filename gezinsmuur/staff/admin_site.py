"""The Django admin site: the one access helper decides who enters; the one login flow lets them in."""

from typing import Any

from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse

from gezinsmuur.moderation import access

from .redirects import safe_next


class StaffAdminSite(admin.AdminSite):
    site_header = site_title = "De Gezinsmuur"

    def has_permission(self, request: HttpRequest) -> bool:
        return access.can_administer(request.user)

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponseRedirect:
        """No second login form: `/django-admin/login/` hands over to the site's login."""
        next_url = safe_next(request, request.GET.get(REDIRECT_FIELD_NAME, "")) or reverse(
            "admin:index", current_app=self.name
        )
        if self.has_permission(request):
            return HttpResponseRedirect(next_url)
        return redirect_to_login(next_url)
