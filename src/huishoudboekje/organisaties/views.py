"""Screens for organisations (ketenpartners): list and search, detail, create, change,
delete. Departments, addresses and account links are in `views_afdelingen`; the
account pages themselves in `rekeningen.views` (routed in this app's namespace).

Thin adapters: forms parse, services decide and write; errors a service raises are put
back on the form field they belong to.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from huishoudboekje.accounts.permissions import vereist_recht
from huishoudboekje.accounts.roles import Recht
from huishoudboekje.ui.zoekopdracht import zoekformulier, zoekopdracht

from . import selectors, services
from .forms import OrganisatieFormulier, ZoekFormulier
from .models import Organisatie

PER_PAGINA = 25
LEZEN = Recht.ORGANISATIES_LEZEN
SCHRIJVEN = Recht.ORGANISATIES_WIJZIGEN


def fouten_naar_formulier(fout: ValidationError, formulier: Form) -> None:
    """Put each error of a service on the field it names (or on the form as a whole)."""
    if not hasattr(fout, "error_dict"):
        formulier.add_error(None, fout)
        return
    for veld, lijst in fout.error_dict.items():
        formulier.add_error(veld if veld in formulier.fields else None, lijst)


def reden_van(fout: ValidationError) -> str:
    return " ".join(str(m) for m in fout.messages)


def kruimels(*stappen: tuple[str, str]) -> list[dict[str, str]]:
    return [{"label": _("Organisaties"), "url": reverse("organisaties:lijst")}] + [
        {"label": label, "url": url} for label, url in stappen
    ]


def organisatie_kruimel(organisatie: Organisatie) -> tuple[str, str]:
    return (organisatie.naam, reverse("organisaties:detail", kwargs={"pk": organisatie.pk}))


def formulier_pagina(request: HttpRequest, formulier: Form, **context: Any) -> HttpResponse:
    """The one form page of this app: titel, formulier, knoptekst, annuleer_url, kruimels."""
    context.setdefault("knoptekst", _("Opslaan"))
    return render(request, "organisaties/formulier.html", {"form": formulier, **context})


def verwijder_pagina(
    request: HttpRequest, *, reden: str | None, status: int = 200, **context: Any
) -> HttpResponse:
    """Confirmation page for deleting/unlinking; with `reden` it explains the refusal."""
    context.setdefault("knoptekst", _("Verwijderen"))
    return render(
        request, "organisaties/verwijderen.html", {"reden": reden, **context}, status=status
    )


@vereist_recht(LEZEN)
@zoekformulier("q")  # an IBAN never in the URL
def lijst(request: HttpRequest) -> HttpResponse:
    zoek = ZoekFormulier(zoekopdracht(request))
    q = zoek.cleaned_data.get("q", "") if zoek.is_valid() else ""
    page_obj = Paginator(selectors.organisaties_voor_lijst(q), PER_PAGINA).get_page(
        request.GET.get("page")
    )
    params = request.GET.copy()
    params.pop("page", None)
    context = {"zoek": zoek, "q": q, "page_obj": page_obj, "querystring": params.urlencode()}
    return render(request, "organisaties/lijst.html", context)


@vereist_recht(LEZEN)
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisatie = get_object_or_404(selectors.organisatie_met_details(pk))
    afdelingen = list(organisatie.afdelingen.all())
    for afdeling in afdelingen:
        for rekening in afdeling.rekeningen.all():
            rekening.andere_afdelingen = [
                a for a in rekening.afdelingen.all() if a.pk != afdeling.pk
            ]
    context = {
        "organisatie": organisatie,
        "afdelingen": afdelingen,
        "mag_wijzigen": request.user.mag(SCHRIJVEN),  # type: ignore[union-attr]
        "kruimels": kruimels((organisatie.naam, "")),
    }
    return render(request, "organisaties/detail.html", context)


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def nieuw(request: HttpRequest) -> HttpResponse:
    formulier = OrganisatieFormulier(request.POST if request.method == "POST" else None)
    if request.method == "POST" and formulier.is_valid():
        try:
            organisatie = services.organisatie_aanmaken(
                door=request.user, gegevens=formulier.gegevens()
            )
        except ValidationError as fout:
            fouten_naar_formulier(fout, formulier)
        else:
            messages.success(
                request, _("Organisatie %(naam)s is aangemaakt.") % {"naam": organisatie.naam}
            )
            return redirect("organisaties:detail", pk=organisatie.pk)
    return formulier_pagina(
        request,
        formulier,
        titel=_("Nieuwe organisatie"),
        knoptekst=_("Organisatie aanmaken"),
        annuleer_url=reverse("organisaties:lijst"),
        kruimels=kruimels((_("Nieuwe organisatie"), "")),
    )


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    organisatie = get_object_or_404(Organisatie, pk=pk)
    formulier = OrganisatieFormulier.voor(
        organisatie, request.POST if request.method == "POST" else None
    )
    if request.method == "POST" and formulier.is_valid():
        try:
            services.organisatie_wijzigen(
                door=request.user, organisatie=organisatie, gegevens=formulier.gegevens()
            )
        except ValidationError as fout:
            fouten_naar_formulier(fout, formulier)
        else:
            messages.success(request, _("De gegevens van de organisatie zijn opgeslagen."))
            return redirect("organisaties:detail", pk=organisatie.pk)
    return formulier_pagina(
        request,
        formulier,
        titel=_("%(naam)s wijzigen") % {"naam": organisatie.naam},
        annuleer_url=reverse("organisaties:detail", kwargs={"pk": pk}),
        kruimels=kruimels(organisatie_kruimel(organisatie), (_("Wijzigen"), "")),
    )


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    organisatie = get_object_or_404(Organisatie, pk=pk)
    terug = reverse("organisaties:detail", kwargs={"pk": pk})
    reden = selectors.organisatie_in_gebruik(organisatie)
    status = 200
    if request.method == "POST":
        try:
            services.organisatie_verwijderen(door=request.user, organisatie=organisatie)
        except ValidationError as fout:
            reden, status = reden_van(fout), 409
        else:
            messages.success(
                request, _("Organisatie %(naam)s is verwijderd.") % {"naam": organisatie.naam}
            )
            return redirect("organisaties:lijst")
    return verwijder_pagina(
        request,
        reden=reden,
        status=status,
        titel=_("Organisatie verwijderen"),
        vraag=_("Weet u zeker dat u organisatie %(naam)s wilt verwijderen?")
        % {"naam": organisatie.naam},
        terug_url=terug,
        kruimels=kruimels(organisatie_kruimel(organisatie), (_("Verwijderen"), "")),
    )
