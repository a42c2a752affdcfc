from django.apps import AppConfig


class BurgersConfig(AppConfig):
    name = "huishoudboekje.burgers"
    label = "burgers"
    verbose_name = "Deelnemers"
