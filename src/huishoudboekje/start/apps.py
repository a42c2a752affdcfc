from django.apps import AppConfig


class StartConfig(AppConfig):
    name = "huishoudboekje.start"
    label = "start"
    verbose_name = "Startpagina"
