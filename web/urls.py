from django.urls import path

from web import views

urlpatterns = [
    path("", views.landing, name="landing"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("healthz", views.healthz, name="healthz"),
    path("account/privacy/", views.privacy, name="privacy"),
    path("account/privacy/export/", views.export, name="privacy_export"),
    path("account/privacy/delete/", views.delete, name="privacy_delete"),
]
