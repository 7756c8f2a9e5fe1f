from django.urls import path

from . import views

app_name = "wall"
urlpatterns = [
    path("wall/", views.wall, name="wall"),
    path("wall/<str:public_id>/", views.tile, name="tile"),
]
