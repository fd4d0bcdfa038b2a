from allauth.account.decorators import secure_admin_login
from django.contrib import admin
from django.urls import include, path

# Staff sign in through allauth (rate limits, verification), not the admin's own form.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

# A busy or absent database gets the app's own 503 page (core/errorpages.py).
handler500 = "core.errorpages.server_error"

urlpatterns = [
    path("", include("web.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include("couples.urls")),
    path("", include("assessments.urls")),
    path("", include("counsellors.urls")),
    path("", include("practice.urls")),
    path("admin/", admin.site.urls),
]
