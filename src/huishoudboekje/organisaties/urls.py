from django.urls import path

from huishoudboekje.rekeningen import views as rekeningen

from . import views
from . import views_afdelingen as afdelingen

app_name = "organisaties"
urlpatterns = [
    path("", views.lijst, name="lijst"),
    path("nieuw/", views.nieuw, name="nieuw"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/wijzigen/", views.wijzigen, name="wijzigen"),
    path("<int:pk>/verwijderen/", views.verwijderen, name="verwijderen"),
    path("<int:pk>/afdelingen/nieuw/", afdelingen.afdeling_nieuw, name="afdeling_nieuw"),
    path("afdelingen/<int:pk>/wijzigen/", afdelingen.afdeling_wijzigen, name="afdeling_wijzigen"),
    path(
        "afdelingen/<int:pk>/verwijderen/",
        afdelingen.afdeling_verwijderen,
        name="afdeling_verwijderen",
    ),
    path(
        "afdelingen/<int:pk>/postadressen/nieuw/",
        afdelingen.postadres_nieuw,
        name="postadres_nieuw",
    ),
    path(
        "postadressen/<int:pk>/wijzigen/", afdelingen.postadres_wijzigen, name="postadres_wijzigen"
    ),
    path(
        "postadressen/<int:pk>/verwijderen/",
        afdelingen.postadres_verwijderen,
        name="postadres_verwijderen",
    ),
    path(
        "afdelingen/<int:pk>/rekeningen/nieuw/",
        afdelingen.rekening_koppelen,
        name="rekening_koppelen",
    ),
    path(
        "afdelingen/<int:pk>/rekeningen/<int:rekening_pk>/ontkoppelen/",
        afdelingen.rekening_ontkoppelen,
        name="rekening_ontkoppelen",
    ),
    path("rekeningen/<int:pk>/", rekeningen.detail, name="rekening"),
    path("rekeningen/<int:pk>/wijzigen/", rekeningen.wijzigen, name="rekening_wijzigen"),
    path("rekeningen/<int:pk>/verwijderen/", rekeningen.verwijderen, name="rekening_verwijderen"),
]
