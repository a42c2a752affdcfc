from django.urls import path

from . import views

app_name = "configuratie"
urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("wijzigen/", views.wijzigen, name="wijzigen"),
    path("rekeningen/nieuw/", views.rekening_nieuw, name="rekening_nieuw"),
    path("rekeningen/<int:pk>/wijzigen/", views.rekening_wijzigen, name="rekening_wijzigen"),
    path(
        "rekeningen/<int:pk>/verwijderen/", views.rekening_verwijderen, name="rekening_verwijderen"
    ),
]
