from django.urls import path

from assessments import views

app_name = "assessments"
urlpatterns = [
    path("checkups/start/", views.checkup_start_view, name="start"),
    path("checkups/<int:checkup_id>/", views.checkup_home, name="checkup"),
    path("checkups/<int:checkup_id>/section/<slug:section_key>/", views.section_view, name="section"),
    path("checkups/<int:checkup_id>/review/", views.review_view, name="review"),
    path("checkups/<int:checkup_id>/remind/", views.remind_view, name="remind"),
    path("checkups/<int:checkup_id>/hold-back/", views.hold_back_view, name="hold_back"),
    path("checkups/<int:checkup_id>/share/", views.release_view, name="release"),
    path("checkups/<int:checkup_id>/report/", views.report_view, name="report"),
]
