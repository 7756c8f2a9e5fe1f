from django.urls import path

from . import views

app_name = "submissions"
urlpatterns = [
    path("share/", views.submit, name="submit"),
    path("share/thanks/", views.thanks, name="thanks"),
]
