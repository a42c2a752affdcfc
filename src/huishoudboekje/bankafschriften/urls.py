from django.urls import path

from . import views, views_transactie

app_name = "bankafschriften"
urlpatterns = [
    path("bankafschriften/", views.lijst, name="lijst"),
    path("bankafschriften/inlezen/", views.importeren, name="importeren"),
    path("bankafschriften/<int:pk>/", views.afschrift, name="afschrift"),
    path("transacties/", views.transacties, name="transacties"),
    path("transacties/afletteren/", views.afletteren, name="afletteren"),
    path("transacties/afletteren/<int:pk>/", views.afletterrun, name="afletterrun"),
    path("transacties/accepteren/", views.suggesties_accepteren, name="accepteren"),
    path("transacties/suggesties/", views.transactiesuggesties, name="suggesties"),
    path("transacties/<int:pk>/", views_transactie.detail, name="transactie"),
    path("transacties/<int:pk>/boeken/", views_transactie.boeken, name="boeken"),
    path("transacties/<int:pk>/rubriek/", views_transactie.op_rubriek, name="rubriek"),
    path("transacties/<int:pk>/splitsen/", views_transactie.splitsen, name="splitsen"),
    path(
        "transacties/<int:pk>/rekening-koppelen/",
        views_transactie.rekening_koppelen,
        name="rekening_koppelen",
    ),
    path("journaalposten/<int:pk>/ongedaan/", views_transactie.ongedaan_maken, name="ongedaan"),
]
