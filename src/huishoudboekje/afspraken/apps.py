from django.apps import AppConfig


class AfsprakenConfig(AppConfig):
    name = "huishoudboekje.afspraken"
    label = "afspraken"
    verbose_name = "Afspraken"
