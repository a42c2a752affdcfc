from django.apps import AppConfig


class ConfiguratieConfig(AppConfig):
    name = "huishoudboekje.configuratie"
    label = "configuratie"
    verbose_name = "Configuratie"
