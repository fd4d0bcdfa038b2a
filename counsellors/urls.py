from django.urls import path

from counsellors.views import counsellor, couple

app_name = "counsellors"
urlpatterns = [
    # The counsellor's side.
    path("counsellors/", counsellor.dashboard, name="dashboard"),
    path("counsellors/profile/", counsellor.profile, name="profile"),
    path("counsellors/invite/", counsellor.invite, name="invite"),
    path(
        "counsellors/invitations/<int:invitation_id>/withdraw/",
        counsellor.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path("counsellors/couples/<int:couple_id>/", counsellor.couple_detail, name="couple"),
    path("counsellors/couples/<int:couple_id>/reports/<int:checkup_id>/", counsellor.report, name="report"),
    # The couple's side.
    path("sharing/", couple.sharing, name="sharing"),
    path("sharing/propose/", couple.propose, name="propose"),
    path("sharing/<int:share_id>/agree/", couple.agree, name="agree"),
    path("sharing/<int:share_id>/stop/", couple.revoke, name="revoke"),
    path("counsellor-invitation/", couple.invitation, name="invitation"),
    path("counsellor-invitation/accept/", couple.invitation_accept, name="invitation_accept"),
]
