"""Screens for one bank account: who uses it (departments, participants, agreements),
change holder name and BIC, delete when nothing uses it.

Routed in the `organisaties` namespace (/organisaties/rekeningen/...): accounts are
administered with the ketenpartners; participants' own accounts are linked from the
participant pages. A participant's own account is personal data: reading it also needs
the participant read right, changing or deleting it the participant write right (the
back office keeps the ketenpartners' accounts, not the participants').
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from huishoudboekje.accounts.permissions import controleer_recht, vereist_recht
from huishoudboekje.accounts.roles import Recht
from huishoudboekje.organisaties.views import (
    formulier_pagina,
    fouten_naar_formulier,
    kruimels,
    reden_van,
    verwijder_pagina,
)

from . import selectors, services
from .forms import RekeningFormulier
from .models import Rekening

LEZEN = Recht.ORGANISATIES_LEZEN
SCHRIJVEN = Recht.ORGANISATIES_WIJZIGEN


def _deelnemersrecht(request: HttpRequest, rekening: Rekening, recht: Recht) -> None:
    """403 (naming the roles needed) when the account is a participant's and the staff
    member lacks `recht` besides the ketenpartner right the route already demanded."""
    if rekening.burgers.exists():
        controleer_recht(request, recht)


def _kruimel(rekening: Rekening) -> tuple[str, str]:
    return (
        _("Rekening %(iban)s") % {"iban": rekening.iban_weergave},
        reverse("organisaties:rekening", kwargs={"pk": rekening.pk}),
    )


@vereist_recht(LEZEN)
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    rekening = get_object_or_404(selectors.rekening_met_gebruik(pk))
    _deelnemersrecht(request, rekening, Recht.BURGERS_LEZEN)
    context = {
        "rekening": rekening,
        "afdelingen": list(rekening.afdelingen.all()),
        "burgers": list(rekening.burgers.all()),
        "reden": selectors.rekening_in_gebruik(rekening),
        "kruimels": kruimels((_("Rekening %(iban)s") % {"iban": rekening.iban_weergave}, "")),
    }
    return render(request, "rekeningen/detail.html", context)


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    rekening = get_object_or_404(Rekening, pk=pk)
    _deelnemersrecht(request, rekening, Recht.BURGERS_WIJZIGEN)
    formulier = RekeningFormulier.voor(rekening, request.POST if request.method == "POST" else None)
    if request.method == "POST" and formulier.is_valid():
        try:
            services.rekening_wijzigen(
                door=request.user, rekening=rekening, gegevens=formulier.gegevens()
            )
        except ValidationError as fout:
            fouten_naar_formulier(fout, formulier)
        else:
            messages.success(
                request, _("Rekening %(iban)s is opgeslagen.") % {"iban": rekening.iban_weergave}
            )
            return redirect("organisaties:rekening", pk=rekening.pk)
    return formulier_pagina(
        request,
        formulier,
        titel=_("Rekening %(iban)s wijzigen") % {"iban": rekening.iban_weergave},
        inleiding=_(
            "Het IBAN zelf kan niet worden gewijzigd: een ander IBAN is een andere rekening."
        ),
        annuleer_url=reverse("organisaties:rekening", kwargs={"pk": pk}),
        kruimels=kruimels(_kruimel(rekening), (_("Wijzigen"), "")),
    )


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    rekening = get_object_or_404(Rekening, pk=pk)
    _deelnemersrecht(request, rekening, Recht.BURGERS_WIJZIGEN)
    reden = selectors.rekening_in_gebruik(rekening)
    status = 200
    if request.method == "POST":
        try:
            services.rekening_verwijderen(door=request.user, rekening=rekening)
        except ValidationError as fout:
            reden, status = reden_van(fout), 409
        else:
            messages.success(
                request, _("Rekening %(iban)s is verwijderd.") % {"iban": rekening.iban_weergave}
            )
            return redirect("organisaties:lijst")
    return verwijder_pagina(
        request,
        reden=reden,
        status=status,
        titel=_("Rekening verwijderen"),
        vraag=_("Weet u zeker dat u rekening %(iban)s (%(houder)s) wilt verwijderen?")
        % {"iban": rekening.iban_weergave, "houder": rekening.rekeninghouder},
        terug_url=reverse("organisaties:rekening", kwargs={"pk": pk}),
        kruimels=kruimels(_kruimel(rekening), (_("Verwijderen"), "")),
    )
