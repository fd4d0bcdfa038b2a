from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from accounts.http import AuthenticatedHttpRequest
from core.selectors import outbox_failed_for
from counsellors.presenters import access_rows
from couples.selectors import couple_active_for
from couples.session import has_pending_invitation
from web.presenters import dashboard_page, export_document, failed_mail_rows
from web.selectors import dashboard_data_for, export_data_for, privacy_access_log_for
from web.services import account_delete


@require_safe
def landing(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("dashboard")
    return render(request, "landing.html")


@login_required
@require_safe
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = dashboard_page(
        dashboard_data_for(user=request.user), has_incoming_invitation=has_pending_invitation(request.session)
    )
    return render(request, "web/dashboard.html", {"page": page})


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unreachable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@login_required
@require_safe
def privacy(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = {
        "couple": couple_active_for(user=request.user),
        "access_rows": access_rows(privacy_access_log_for(user=request.user)),
        "failed_mail": failed_mail_rows(outbox_failed_for(user_id=request.user.pk)),
    }
    return render(request, "web/privacy.html", context)


@login_required
@require_POST
@reauthentication_required
def export(request: AuthenticatedHttpRequest) -> HttpResponse:
    data = export_data_for(user=request.user, include_safety=request.POST.get("include_safety") == "on")
    document = export_document(data, now=timezone.now())
    response = JsonResponse(document.as_json(), json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = 'attachment; filename="attune-my-data.json"'
    return response


@login_required
@reauthentication_required
def delete(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method == "POST":
        if request.POST.get("confirm") != "on":
            messages.error(request, _("Please tick the box to confirm that you want to delete your account."))
            return redirect("privacy_delete")
        account_delete(user=request.user)
        logout(request)
        messages.success(request, _("Your account and your answers have been deleted."))
        return redirect("landing")
    return render(request, "web/delete.html", {"couple": couple_active_for(user=request.user)})
