"""Staff management by the functional administrator: list, create (with an activation
link), change, deactivate, reset the second factor. Thin: form -> service -> redirect
with a message. The beheerder never sets or sees a password."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms_beheer import MedewerkerNieuwFormulier, MedewerkerWijzigenFormulier
from .models import Medewerker
from .permissions import vereist_recht
from .roles import Recht
from .selectors import open_rollen, open_rolverzoek
from .services import (
    WIJZIGBARE_VELDEN,
    medewerker_aanmaken,
    medewerker_deactiveren,
)
from .services import medewerker_wijzigen as medewerker_wijzigen_service
from .services_activatie import (
    Uitnodiging,
    activatielink_aanmaken,
    activatielink_mailen,
    medewerker_opnieuw_activeren,
)
from .services_beveiliging import medewerker_tweede_factor_resetten
from .services_rollen import rolverzoek_intrekken

__all__ = ["medewerkers", "medewerker_nieuw", "medewerker_wijzigen"]


def _fouten_naar_formulier(
    formulier: MedewerkerNieuwFormulier | MedewerkerWijzigenFormulier, fout: ValidationError
) -> None:
    if hasattr(fout, "error_dict"):
        for veld, lijst in fout.error_dict.items():
            formulier.add_error(veld if veld in formulier.fields else None, lijst)
    else:
        formulier.add_error(None, fout)


@vereist_recht(Recht.GEBRUIKERS_BEHEREN)
@require_http_methods(["GET", "HEAD"])
def medewerkers(request: HttpRequest) -> HttpResponse:
    lijst = Medewerker.objects.annotate(
        tweede_factoren=Count("totpdevice", filter=Q(totpdevice__confirmed=True))
    ).order_by("-is_active", "username")
    page_obj = Paginator(lijst, 50).get_page(request.GET.get("page"))
    aangevraagd = open_rollen(m.pk for m in page_obj)
    for medewerker in page_obj:
        medewerker.rolverzoek = aangevraagd.get(medewerker.pk)
    return render(request, "accounts/medewerkers.html", {"page_obj": page_obj})


@vereist_recht(Recht.GEBRUIKERS_BEHEREN)
@require_http_methods(["GET", "POST"])
def medewerker_nieuw(request: HttpRequest) -> HttpResponse:
    formulier = MedewerkerNieuwFormulier(request.POST or None)
    if request.method == "POST" and formulier.is_valid():
        data = formulier.cleaned_data
        try:
            uitnodiging = medewerker_aanmaken(
                door=request.user,
                gegevens={
                    k: data[k] for k in ("username", "first_name", "last_name", "email", "rol")
                },
            )
        except ValidationError as fout:
            _fouten_naar_formulier(formulier, fout)
        else:
            messages.success(
                request,
                _("Medewerker %(naam)s is aangemaakt.") % {"naam": uitnodiging.medewerker.username},
            )
            _meld_rolverzoek(request, uitnodiging.medewerker)
            return _toon_activatielink(request, uitnodiging)
    return render(request, "accounts/medewerker_nieuw.html", {"form": formulier})


def _toon_activatielink(request: HttpRequest, uitnodiging: Uitnodiging) -> HttpResponse:
    """The link is shown once, in this response (not after a redirect, not stored), and
    e-mailed when the account has an address."""
    url = request.build_absolute_uri(
        reverse("accounts:activeren", kwargs={"sleutel": uitnodiging.sleutel})
    )
    gemaild = activatielink_mailen(uitnodiging=uitnodiging, url=url)
    response = render(
        request,
        "accounts/activatielink.html",
        {"uitnodiging": uitnodiging, "url": url, "gemaild": gemaild},
    )
    response["Cache-Control"] = "no-store"
    return response


@vereist_recht(Recht.GEBRUIKERS_BEHEREN)
@require_http_methods(["GET", "POST"])
def medewerker_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a staff member; the extra buttons deactivate or reset the second factor."""
    medewerker = get_object_or_404(Medewerker, pk=pk)
    actie = request.POST.get("actie", "opslaan") if request.method == "POST" else None
    if actie in ("deactiveren", "tweede_factor_resetten", "rolverzoek_intrekken"):
        return _extra_actie(request, medewerker, actie)
    if actie in ("activatielink", "opnieuw_activeren"):
        maak = activatielink_aanmaken if actie == "activatielink" else medewerker_opnieuw_activeren
        try:
            uitnodiging = maak(door=request.user, medewerker=medewerker)
        except ValidationError as fout:
            for melding in fout.messages:
                messages.error(request, melding)
            return redirect("accounts:medewerker_wijzigen", pk=medewerker.pk)
        _meld_rolverzoek(request, medewerker)
        return _toon_activatielink(request, uitnodiging)
    beginwaarden = {veld: getattr(medewerker, veld) for veld in WIJZIGBARE_VELDEN}
    formulier = MedewerkerWijzigenFormulier(request.POST or None, initial=beginwaarden)
    if actie == "opslaan" and formulier.is_valid():
        try:
            medewerker_wijzigen_service(
                door=request.user, medewerker=medewerker, gegevens=formulier.cleaned_data
            )
        except ValidationError as fout:
            _fouten_naar_formulier(formulier, fout)
        else:
            messages.success(
                request,
                _("De gegevens van %(naam)s zijn opgeslagen.") % {"naam": medewerker.username},
            )
            _meld_rolverzoek(request, medewerker)
            return redirect("accounts:medewerkers")
    return render(
        request,
        "accounts/medewerker_wijzigen.html",
        {
            "form": formulier,
            "medewerker": medewerker,
            "heeft_tweede_factor": medewerker.totpdevice_set.exists(),
            "rolverzoek": open_rolverzoek(medewerker),
        },
    )


def _meld_rolverzoek(request: HttpRequest, medewerker: Medewerker) -> None:
    verzoek = open_rolverzoek(medewerker)
    if verzoek is not None:
        messages.info(
            request,
            _(
                "De rol %(rol)s voor %(naam)s wacht op goedkeuring van een teamleider; "
                "tot dan verandert de rol niet."
            )
            % {"rol": verzoek.get_rol_display(), "naam": medewerker.username},
        )


def _extra_actie(request: HttpRequest, medewerker: Medewerker, actie: str) -> HttpResponse:
    if actie == "rolverzoek_intrekken":
        if rolverzoek_intrekken(door=request.user, medewerker=medewerker):
            messages.success(request, _("Het rolverzoek is ingetrokken."))
        return redirect("accounts:medewerker_wijzigen", pk=medewerker.pk)
    if actie == "tweede_factor_resetten":
        aantal = medewerker_tweede_factor_resetten(door=request.user, medewerker=medewerker)
        if aantal:
            messages.success(
                request,
                _(
                    "De tweede factor van %(naam)s is gewist en de medewerker is overal "
                    "uitgelogd. Bij de volgende keer inloggen koppelt de medewerker een "
                    "nieuwe app, na het invullen van het eigen wachtwoord."
                )
                % {"naam": medewerker.username},
            )
        else:
            messages.info(
                request,
                _("%(naam)s had nog geen tweede factor ingesteld.") % {"naam": medewerker.username},
            )
        return redirect("accounts:medewerker_wijzigen", pk=medewerker.pk)
    try:
        medewerker_deactiveren(door=request.user, medewerker=medewerker)
    except ValidationError as fout:
        for melding in fout.messages:
            messages.error(request, melding)
        return redirect("accounts:medewerker_wijzigen", pk=medewerker.pk)
    messages.success(
        request, _("Het account van %(naam)s is uitgeschakeld.") % {"naam": medewerker.username}
    )
    return redirect("accounts:medewerkers")
