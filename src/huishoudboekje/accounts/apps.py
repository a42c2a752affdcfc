from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "huishoudboekje.accounts"
    label = "accounts"
    verbose_name = "Medewerkers"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from .oidc import sso_aangemeld

        user_logged_in.connect(sso_aangemeld, dispatch_uid="hhb_sso_aangemeld")
