from django.apps import AppConfig


class OrganisatiesConfig(AppConfig):
    name = "huishoudboekje.organisaties"
    label = "organisaties"
    verbose_name = "Organisaties"
