from django.urls import path

from . import views

app_name = "verwerkingen"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("register/", views.activiteiten, name="register"),
]
