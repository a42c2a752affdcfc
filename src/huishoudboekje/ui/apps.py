from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "huishoudboekje.ui"
    label = "ui"
    verbose_name = "Gebruikersinterface"
