from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("my/", views.mine, name="mine"),
    path("my/consent/", views.change_consent, name="consent"),
    path("my/withdraw/", views.withdraw, name="withdraw"),
    path("my/withdrawn/", views.withdrawn, name="withdrawn"),
    path("my/<str:token>/", views.open_link, name="open"),  # last: a token is any other segment
]
