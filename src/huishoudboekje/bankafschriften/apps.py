from django.apps import AppConfig


class BankafschriftenConfig(AppConfig):
    name = "huishoudboekje.bankafschriften"
    label = "bankafschriften"
    verbose_name = "Bankafschriften"
