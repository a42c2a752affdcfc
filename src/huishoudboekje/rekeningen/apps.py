from django.apps import AppConfig


class RekeningenConfig(AppConfig):
    name = "huishoudboekje.rekeningen"
    label = "rekeningen"
    verbose_name = "Rekeningen"
