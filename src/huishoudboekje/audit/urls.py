from django.urls import path

from . import views

app_name = "audit"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("deelnemers/<int:burger_pk>/", views.burger, name="burger"),
]
