"""Template context: what the logged-in staff member may do, and the navigation."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_noop

from .roles import Recht

# Labels are translated in base.html ({% translate item.label %}); gettext_noop only
# marks them for makemessages.
_NAVIGATIE: list[tuple[str, str, Recht | None]] = [
    (gettext_noop("Overzicht"), "start:home", None),
    (gettext_noop("Deelnemers"), "burgers:lijst", Recht.BURGERS_LEZEN),
    (gettext_noop("Huishoudens"), "burgers:huishoudens", Recht.BURGERS_LEZEN),
    (gettext_noop("Organisaties"), "organisaties:lijst", Recht.ORGANISATIES_LEZEN),
    (gettext_noop("Bankafschriften"), "bankafschriften:lijst", Recht.BANKAFSCHRIFTEN_LEZEN),
    (gettext_noop("Transacties"), "bankafschriften:transacties", Recht.BANKAFSCHRIFTEN_LEZEN),
    (gettext_noop("Rubrieken"), "boekhouding:rubrieken", Recht.RUBRIEKEN_LEZEN),
    (gettext_noop("Configuratie"), "configuratie:overzicht", Recht.CONFIGURATIE_LEZEN),
    (gettext_noop("Medewerkers"), "accounts:medewerkers", Recht.GEBRUIKERS_BEHEREN),
    (gettext_noop("Rolverzoeken"), "accounts:rolverzoeken", Recht.ROLLEN_GOEDKEUREN),
    (gettext_noop("Audit trail"), "audit:lijst", Recht.AUDIT_LEZEN),
    (gettext_noop("Verwerkingenlog"), "verwerkingen:lijst", Recht.VERWERKINGEN_LEZEN),
]


def rollen(request: HttpRequest) -> dict[str, Any]:
    gebruiker = getattr(request, "user", None)
    if gebruiker is None or not gebruiker.is_authenticated:
        return {"rechten": frozenset(), "navigatie": []}
    rechten = frozenset(r.value for r in Recht if gebruiker.mag(r))
    navigatie = []
    for label, naam, recht in _NAVIGATIE:
        if recht is not None and recht.value not in rechten:
            continue
        url = reverse(naam)
        actief = request.path == url if url == "/" else request.path.startswith(url)
        navigatie.append({"label": label, "url": url, "actief": actief})
    from huishoudboekje.configuratie.selectors import gemeente_naam

    return {"rechten": rechten, "navigatie": navigatie, "gemeente_naam": gemeente_naam()}
