from django.urls import path

from . import views

app_name = "moderation"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("grid/", views.grid, name="grid"),
    path("<str:public_id>/decide/", views.decide, name="decide"),
    path("photo/<str:public_id>/<str:name>", views.photo, name="photo"),
]
