from django.apps import AppConfig


class BoekhoudingConfig(AppConfig):
    name = "huishoudboekje.boekhouding"
    label = "boekhouding"
    verbose_name = "Boekhouding"
