from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "huishoudboekje.accounts"
    label = "accounts"
    verbose_name = "Medewerkers"
