from django.urls import path

from couples import views

app_name = "couples"
urlpatterns = [
    path("invite/", views.invite, name="invite"),
    path("invitation/resend/", views.invitation_resend_view, name="invitation_resend"),
    path("invitation/revoke/", views.invitation_revoke_view, name="invitation_revoke"),
    path("i/", views.invitation_open, name="invitation_open"),
    path("invitation/", views.invitation_detail, name="invitation"),
    path("invitation/accept/", views.invitation_accept_view, name="invitation_accept"),
    path("invitation/decline/", views.invitation_decline_view, name="invitation_decline"),
    path("couple/leave/", views.leave, name="leave"),
]
