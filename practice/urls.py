from django.urls import path

from practice import views

app_name = "practice"
urlpatterns = [
    path("practice/", views.plan_view, name="plan"),
    path("practice/edit/", views.edit_view, name="edit"),
    path("practice/accept/", views.accept_view, name="accept"),
    path("practice/card/", views.card_view, name="card"),
    path("practice/card.txt", views.card_text_view, name="card_text"),
    path("practice/check-in/<int:week>/", views.check_in_view, name="check_in"),
    path("practice/reminders/", views.reminders_view, name="reminders"),
]
