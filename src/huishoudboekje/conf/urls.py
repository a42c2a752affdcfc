from django.conf import settings
from django.urls import include, path

from huishoudboekje.ui.views import gezond

urlpatterns = [
    path("", include("huishoudboekje.start.urls")),
    path("gezond", gezond, name="gezond"),
    path("accounts/", include("huishoudboekje.accounts.urls")),
    path("deelnemers/", include("huishoudboekje.burgers.urls")),
    path("organisaties/", include("huishoudboekje.organisaties.urls")),
    path("afspraken/", include("huishoudboekje.afspraken.urls")),
    path("rubrieken/", include("huishoudboekje.boekhouding.urls")),
    path("configuratie/", include("huishoudboekje.configuratie.urls")),
    path("audit/", include("huishoudboekje.audit.urls")),
    path("verwerkingen/", include("huishoudboekje.verwerkingen.urls")),
    path("", include("huishoudboekje.bankafschriften.urls")),
    path("api/v1/", include("huishoudboekje.conf.api_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
]
if settings.OIDC_RP_CLIENT_ID:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))
