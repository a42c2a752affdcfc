from django.urls import path

from . import views, views_account, views_activatie, views_beheer, views_rollen

app_name = "accounts"
urlpatterns = [
    path("login/", views.InlogView.as_view(), name="login"),
    path("tweede-factor/", views.tweede_factor, name="tweede_factor"),
    path("uitloggen/", views.uitloggen, name="logout"),
    path("mijn-account/", views_account.mijn_account, name="mijn_account"),
    path("activeren/<str:sleutel>/", views_activatie.activeren, name="activeren"),
    path("medewerkers/", views_beheer.medewerkers, name="medewerkers"),
    path("medewerkers/nieuw/", views_beheer.medewerker_nieuw, name="medewerker_nieuw"),
    path("medewerkers/<int:pk>/", views_beheer.medewerker_wijzigen, name="medewerker_wijzigen"),
    path("rolverzoeken/", views_rollen.rolverzoeken, name="rolverzoeken"),
    path(
        "rolverzoeken/<int:pk>/goedkeuren/",
        views_rollen.rolverzoek_goedkeuren,
        name="rolverzoek_goedkeuren",
    ),
    path(
        "rolverzoeken/<int:pk>/afwijzen/",
        views_rollen.rolverzoek_afwijzen,
        name="rolverzoek_afwijzen",
    ),
]
