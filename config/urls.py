from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

from accounts import views as account_views

# Staff sign in through allauth (rate limits, verification), not the admin's own form.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("", account_views.landing, name="landing"),
    path("dashboard/", account_views.dashboard, name="dashboard"),
    path("healthz", account_views.healthz, name="healthz"),
    path("accounts/", include("allauth.urls")),
    path("account/", include("accounts.urls")),
    path("", include("couples.urls")),
    path("", include("assessments.urls")),
    path("admin/", admin.site.urls),
]
