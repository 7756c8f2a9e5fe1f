from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from gezinsmuur.abuse.challenge import challenge
from gezinsmuur.headers import robots_txt
from gezinsmuur.staff import views as staff_views
from gezinsmuur.wall.views import media

handler500 = "gezinsmuur.requestid.server_error"

urlpatterns = [
    path("media/<path:path>", media, name="media"),
    path("django-admin/", admin.site.urls),  # its login hands over to ours (staff/admin_site.py)
    path("cms/login/", staff_views.to_login),  # one login for the CMS too
    path("cms/", include(wagtailadmin_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("altcha/challenge/", challenge, name="altcha-challenge"),
    path("robots.txt", robots_txt, name="robots-txt"),
]

urlpatterns += i18n_patterns(
    path("", include("gezinsmuur.submissions.urls")),
    path("", include("gezinsmuur.wall.urls")),
    path("", include("gezinsmuur.reports.urls")),
    path("moderation/", include("gezinsmuur.moderation.urls")),
    path("", include("gezinsmuur.privacy.urls")),
    path("accounts/login/", staff_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/two-factor/", include("gezinsmuur.staff.urls")),
    path("_util/login/", staff_views.to_login),  # Wagtail's login for private pages: ours
    path("", include(wagtail_urls)),
)
