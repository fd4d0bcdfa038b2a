from django.contrib import admin
from django.urls import include, path

from accounts import views as account_views

urlpatterns = [
    path("", account_views.landing, name="landing"),
    path("dashboard/", account_views.dashboard, name="dashboard"),
    path("healthz", account_views.healthz, name="healthz"),
    path("accounts/", include("allauth.urls")),
    path("", include("couples.urls")),
    path("", include("assessments.urls")),
    path("admin/", admin.site.urls),
]
