from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("wall/<str:public_id>/report/", views.report, name="report"),
    path("moderation/reports/<str:public_id>/", views.decide, name="decide"),
]
