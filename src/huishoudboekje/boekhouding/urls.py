from django.urls import path

from . import views

app_name = "boekhouding"
urlpatterns = [
    path("", views.rubrieken, name="rubrieken"),
    path("nieuw/", views.rubriek_nieuw, name="rubriek_nieuw"),
    path("<int:pk>/wijzigen/", views.rubriek_wijzigen, name="rubriek_wijzigen"),
    path("<int:pk>/verwijderen/", views.rubriek_verwijderen, name="rubriek_verwijderen"),
    path("grootboekrekeningen/", views.grootboekrekeningen, name="grootboekrekeningen"),
    path(
        "boekperiode/afsluiten/", views.periode_afsluiten_view, name="boekperiode_wijzigen"
    ),
]
