from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from gezinsmuur.wall.views import media

urlpatterns = [
    path("media/<path:path>", media, name="media"),
    path("django-admin/", admin.site.urls),
    path("cms/", include(wagtailadmin_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("", include("gezinsmuur.submissions.urls")),
    path("", include("gezinsmuur.wall.urls")),
    path("moderation/", include("gezinsmuur.moderation.urls")),
    path("", include("gezinsmuur.privacy.urls")),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include(wagtail_urls)),
)
