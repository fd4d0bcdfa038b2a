from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("privacy/", views.privacy, name="privacy"),
    path("privacy/export/", views.export, name="export"),
    path("privacy/delete/", views.delete, name="delete"),
]
