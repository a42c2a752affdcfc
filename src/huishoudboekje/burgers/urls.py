from django.urls import path

from . import views, views_huishoudens

app_name = "burgers"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/wijzigen/", views.wijzigen, name="wijzigen"),
    path("<int:pk>/verwijderen/", views.verwijderen, name="verwijderen"),
    path("<int:pk>/rekeningen/nieuw/", views.rekening_koppelen, name="rekening_koppelen"),
    path(
        "<int:pk>/rekeningen/<int:rekening_pk>/ontkoppelen/",
        views.rekening_ontkoppelen,
        name="rekening_ontkoppelen",
    ),
    path("<int:pk>/deelnames/nieuw/", views.deelname_nieuw, name="deelname_nieuw"),
    path("deelnames/<int:pk>/wijzigen/", views.deelname_wijzigen, name="deelname_wijzigen"),
    path("deelnames/<int:pk>/beeindigen/", views.deelname_beeindigen, name="deelname_beeindigen"),
    path("huishoudens/", views_huishoudens.huishoudens, name="huishoudens"),
    path("huishoudens/nieuw/", views_huishoudens.huishouden_nieuw, name="huishouden_nieuw"),
    path("huishoudens/<int:pk>/", views_huishoudens.huishouden, name="huishouden"),
    path(
        "huishoudens/<int:pk>/wijzigen/",
        views_huishoudens.huishouden_wijzigen,
        name="huishouden_wijzigen",
    ),
    path(
        "huishoudens/<int:pk>/verwijderen/",
        views_huishoudens.huishouden_verwijderen,
        name="huishouden_verwijderen",
    ),
    path(
        "huishoudens/<int:pk>/leden/",
        views_huishoudens.huishouden_koppelen,
        name="huishouden_koppelen",
    ),
    path(
        "huishoudens/<int:pk>/leden/<int:burger_pk>/ontkoppelen/",
        views_huishoudens.huishouden_ontkoppelen,
        name="huishouden_ontkoppelen",
    ),
]
