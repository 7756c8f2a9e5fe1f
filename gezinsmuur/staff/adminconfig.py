from django.contrib.admin.apps import AdminConfig


class StaffAdminConfig(AdminConfig):
    """django.contrib.admin with a site that asks `moderation.access` who may enter."""

    default_site = "gezinsmuur.staff.admin_site.StaffAdminSite"
