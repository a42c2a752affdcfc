"""Screens for households: list, detail with each member's agreements, create, rename,
delete when empty, and moving participants in and out."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from huishoudboekje.accounts.permissions import vereist_recht
from huishoudboekje.ui.zoekopdracht import zoekformulier, zoekopdracht

from . import selectors, services
from .forms import HuishoudenFormulier, LidToevoegenFormulier, ZoekFormulier
from .models import Burger, Huishouden
from .views import LEZEN, PER_PAGINA, SCHRIJVEN, fouten_naar_formulieren


def _kruimels(*stappen: tuple[str, str]) -> list[dict[str, str]]:
    return [{"label": _("Huishoudens"), "url": reverse("burgers:huishoudens")}] + [
        {"label": label, "url": url} for label, url in stappen
    ]


def _huishouden_kruimel(huishouden: Huishouden) -> tuple[str, str]:
    return (str(huishouden), reverse("burgers:huishouden", kwargs={"pk": huishouden.pk}))


@vereist_recht(LEZEN)
@zoekformulier("q")  # personal data never in the URL
def huishoudens(request: HttpRequest) -> HttpResponse:
    zoek = ZoekFormulier(zoekopdracht(request))
    q = zoek.cleaned_data.get("q", "") if zoek.is_valid() else ""
    page_obj = Paginator(selectors.huishoudens_voor_lijst(q), PER_PAGINA).get_page(
        request.GET.get("page")
    )
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "burgers/huishoudens.html",
        {"zoek": zoek, "q": q, "page_obj": page_obj, "querystring": params.urlencode()},
    )


def _detail_context(huishouden: Huishouden, toevoegen: LidToevoegenFormulier) -> dict[str, Any]:
    from huishoudboekje.afspraken.selectors import afspraken_van_burger

    leden = list(huishouden.leden.all())
    return {
        "huishouden": huishouden,
        "leden": [{"burger": lid, "afspraken": afspraken_van_burger(lid)} for lid in leden],
        "toevoegen": toevoegen,
        "reden_niet_verwijderen": services.huishouden_in_gebruik(huishouden),
        "kruimels": _kruimels((str(huishouden), "")),
    }


@vereist_recht(LEZEN)
@require_GET
def huishouden(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_object_or_404(selectors.huishouden_met_leden(pk))
    return render(request, "burgers/huishouden.html", _detail_context(obj, LidToevoegenFormulier()))


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def huishouden_nieuw(request: HttpRequest) -> HttpResponse:
    formulier = HuishoudenFormulier(request.POST or None)
    if request.method == "POST" and formulier.is_valid():
        try:
            obj = services.huishouden_aanmaken(
                door=request.user, naam=formulier.cleaned_data["naam"]
            )
        except ValidationError as fout:
            fouten_naar_formulieren(fout, formulier)
        else:
            messages.success(request, _("%(huishouden)s is aangemaakt.") % {"huishouden": obj})
            return redirect("burgers:huishouden", pk=obj.pk)
    return _formulier(
        request,
        _("Nieuw huishouden"),
        formulier,
        _kruimels((_("Nieuw huishouden"), "")),
        reverse("burgers:huishoudens"),
    )


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def huishouden_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_object_or_404(Huishouden, pk=pk)
    formulier = HuishoudenFormulier(request.POST or None, initial={"naam": obj.naam})
    if request.method == "POST" and formulier.is_valid():
        try:
            services.huishouden_wijzigen(
                door=request.user, huishouden=obj, naam=formulier.cleaned_data["naam"]
            )
        except ValidationError as fout:
            fouten_naar_formulieren(fout, formulier)
        else:
            messages.success(request, _("De naam van het huishouden is opgeslagen."))
            return redirect("burgers:huishouden", pk=obj.pk)
    return _formulier(
        request,
        _("Huishouden hernoemen"),
        formulier,
        _kruimels(_huishouden_kruimel(obj), (_("Hernoemen"), "")),
        reverse("burgers:huishouden", kwargs={"pk": obj.pk}),
    )


def _formulier(
    request: HttpRequest,
    titel: str,
    formulier: Any,
    kruimels: list[dict[str, str]],
    annuleer_url: str,
) -> HttpResponse:
    context = {
        "titel": titel,
        "secties": [("", formulier)],
        "formulieren": [formulier],
        "fouten": bool(formulier.errors),
        "knoptekst": _("Opslaan"),
        "annuleer_url": annuleer_url,
        "kruimels": kruimels,
    }
    return render(request, "burgers/formulier.html", context)


@vereist_recht(SCHRIJVEN)
@require_http_methods(["GET", "POST"])
def huishouden_verwijderen(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_object_or_404(Huishouden, pk=pk)
    reden = services.huishouden_in_gebruik(obj)
    if request.method == "POST" and not reden:
        try:
            services.huishouden_verwijderen(door=request.user, huishouden=obj)
        except ValidationError as fout:
            reden = " ".join(fout.messages)
        else:
            messages.success(request, _("%(huishouden)s is verwijderd.") % {"huishouden": obj})
            return redirect("burgers:huishoudens")
    context = {
        "huishouden": obj,
        "reden": reden,
        "kruimels": _kruimels(_huishouden_kruimel(obj), (_("Verwijderen"), "")),
    }
    status = 409 if reden and request.method == "POST" else 200
    return render(request, "burgers/huishouden_verwijderen.html", context, status=status)


@vereist_recht(SCHRIJVEN)
@require_POST
def huishouden_koppelen(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a participant (by HHB-number) into this household."""
    obj = get_object_or_404(selectors.huishouden_met_leden(pk))
    formulier = LidToevoegenFormulier(request.POST)
    if formulier.is_valid():
        burger = formulier.cleaned_data["deelnemer"]
        try:
            services.burger_huishouden_wijzigen(door=request.user, burger=burger, huishouden=obj)
        except ValidationError as fout:
            fouten_naar_formulieren(fout, formulier)
        else:
            messages.success(
                request, _("%(naam)s is aan het huishouden toegevoegd.") % {"naam": burger.naam}
            )
            return redirect("burgers:huishouden", pk=obj.pk)
    return render(request, "burgers/huishouden.html", _detail_context(obj, formulier), status=400)


@vereist_recht(SCHRIJVEN)
@require_POST
def huishouden_ontkoppelen(request: HttpRequest, pk: int, burger_pk: int) -> HttpResponse:
    """Take a participant out of this household (the household itself stays)."""
    obj = get_object_or_404(Huishouden, pk=pk)
    burger = get_object_or_404(Burger, pk=burger_pk, huishouden=obj)
    services.burger_huishouden_wijzigen(door=request.user, burger=burger, huishouden=None)
    messages.success(request, _("%(naam)s is uit het huishouden gehaald.") % {"naam": burger.naam})
    return redirect("burgers:huishouden", pk=obj.pk)
