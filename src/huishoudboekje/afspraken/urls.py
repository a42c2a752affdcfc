from django.urls import path

from . import views, views_vervolg

app_name = "afspraken"
urlpatterns = [
    path("deelnemer/<int:burger_pk>/nieuw/", views.nieuw, name="nieuw"),
    path("deelnemer/<int:burger_pk>/rekeningkeuze/", views.rekeningkeuze, name="rekeningkeuze"),
    path("deelnemer/<int:burger_pk>/rubriekkeuze/", views.rubriekkeuze, name="rubriekkeuze"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/wijzigen/", views.wijzigen, name="wijzigen"),
    path("<int:pk>/vervolg/", views.vervolg, name="vervolg"),
    path(
        "<int:pk>/vervolg-rubriek/", views_vervolg.vervolg_rubriek, name="vervolg_rubriek"
    ),
    path("<int:pk>/kopie/", views.kopie, name="kopie"),
    path("<int:pk>/beeindigen/", views.beeindigen, name="beeindigen"),
    path("<int:pk>/verwijderen/", views.verwijderen, name="verwijderen"),
]
