from django.urls import path

from . import views

app_name = "staff"
urlpatterns = [
    path("", views.verify, name="verify"),
    path("setup/", views.setup, name="setup"),
    path("recovery-codes/", views.codes, name="codes"),
    path("recovery-codes/new/", views.new_codes, name="new_codes"),
    path("recover/", views.recover, name="recover"),
]
