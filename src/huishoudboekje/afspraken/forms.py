"""The agreement form: one form for create, change, follow-up and copy.

Field parsing (amounts, dates, search terms, exception dates) happens here; the rules
between fields come from `regels.controleer_afspraak`, the same function the services
run, so a message appears next to the field it is about.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huishoudboekje.boekhouding.models import Rubriek, Soort
from huishoudboekje.burgers.models import Burger
from huishoudboekje.configuratie.selectors import gemeente
from huishoudboekje.core.identificatie import formatteer_iban
from huishoudboekje.organisaties.models import Afdeling
from huishoudboekje.rekeningen.models import Rekening
from huishoudboekje.ui.forms import UtrechtFormMixin
from huishoudboekje.ui.velden import BedragVeld, DatumVeld
from huishoudboekje.validators import valideer_zoektermen

from . import selectors
from .models import FREQUENTIE_KEUZES, WEEKDAGEN, Afspraak, Betaalwijze
from .regels import (
    MAX_OMSCHRIJVING,
    SCHEMA_VELDEN,
    VELDEN,
    controleer_afspraak,
    lees_datums,
    splits_zoektermen,
)

LIJSTVAK_MAX = 4000  # characters of a textarea holding a list (search terms, dates)

MAANDEN = [
    (1, _("januari")),
    (2, _("februari")),
    (3, _("maart")),
    (4, _("april")),
    (5, _("mei")),
    (6, _("juni")),
    (7, _("juli")),
    (8, _("augustus")),
    (9, _("september")),
    (10, _("oktober")),
    (11, _("november")),
    (12, _("december")),
]

VAST_UITLEG = _(
    "Ligt vast: op deze afspraak zijn al banktransacties geboekt. Voor een andere richting "
    "of rubriek maakt u een vervolgafspraak."
)

# Fieldsets of the form page: (legend, field names).
GROEPEN: list[tuple[Any, tuple[str, ...]]] = [
    (_("Soort afspraak"), ("richting", "leefgeld")),
    (_("Tegenpartij"), ("afdeling", "tegenrekening")),
    (_("Bedrag en rubriek"), ("bedrag", "omschrijving", "rubriek", "betaalwijze")),
    (_("Geldigheid"), ("geldig_van", "geldig_tot")),
    (
        _("Betaalschema"),
        ("frequentie", "interval", "dag_van_maand", "weekdag", "maand", "uitzonderingen"),
    ),
    (_("Herkenning"), ("zoektermen",)),
]


def rubriek_keuzes(rubrieken: Iterable[Rubriek], richting: str | None) -> list[Any]:
    """Only the rubrieken of the chosen direction (both groups while none is chosen):
    income rubrieken are offered for incomes, expense rubrieken for expenses."""
    groepen: dict[str, list[tuple[int, str]]] = {Soort.INKOMSTEN: [], Soort.UITGAVEN: []}
    for rubriek in rubrieken:
        groepen[rubriek.grootboekrekening.soort].append((rubriek.pk, rubriek.naam))
    koppen = {
        Soort.INKOMSTEN: gettext("Rubrieken voor inkomsten"),
        Soort.UITGAVEN: gettext("Rubrieken voor uitgaven"),
    }
    return [("", gettext("Kies een rubriek"))] + [
        (kop, groepen[soort]) for soort, kop in koppen.items() if richting in (None, soort)
    ]


def _int_of_leeg(waarde: Any) -> int | None:
    return None if waarde in ("", None) else int(waarde)


class _RekeningVeld(forms.ModelChoiceField):
    """Accepts any existing account (so a wrong one gets the specific message from the
    rules, not Django's generic one) but shows only the ones that fit."""

    def label_from_instance(self, obj: Rekening) -> str:
        return f"{formatteer_iban(obj.iban)} – {obj.rekeninghouder}"


class AfspraakFormulier(UtrechtFormMixin, forms.Form):
    richting = forms.ChoiceField(
        label=_("Richting"),
        choices=Soort.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies of dit een inkomst of een uitgave is.")},
        help_text=_(
            "Inkomsten komen binnen op de rekening van de gemeente; uitgaven betalen wij "
            "of worden geïncasseerd."
        ),
    )
    leefgeld = forms.BooleanField(
        label=_("Dit is de leefgeldafspraak"),
        required=False,
        help_text=_(
            "Leefgeld is een uitgave naar de eigen rekening van de deelnemer, "
            "met de rubriek Leefgeld."
        ),
    )
    afdeling = forms.ModelChoiceField(
        label=_("Organisatie (afdeling)"),
        queryset=Afdeling.objects.none(),
        required=False,
        empty_label=_("Geen: de eigen rekening van de deelnemer"),
        help_text=_(
            "Kies de afdeling van de organisatie die betaalt of ontvangt. "
            "Leeg bij de eigen rekening van de deelnemer."
        ),
    )
    tegenrekening = _RekeningVeld(
        label=_("Tegenrekening"),
        queryset=Rekening.objects.all(),
        required=False,
        empty_label=_("Kies een rekening"),
        help_text=_(
            "Een rekening van de gekozen afdeling, of een eigen rekening van de deelnemer."
        ),
        error_messages={"invalid_choice": _("Deze rekening bestaat niet (meer); kies een andere.")},
    )
    bedrag = BedragVeld(
        label=_("Bedrag"),
        help_text=_("In euro's per keer, bijvoorbeeld 1.234,56."),
        error_messages={"required": _("Vul het bedrag in.")},
    )
    omschrijving = forms.CharField(
        label=_("Omschrijving"),
        max_length=MAX_OMSCHRIJVING,
        help_text=format_lazy(
            _("Hoogstens {maximum} tekens: dit komt als omschrijving op de SEPA-betaling."),
            maximum=MAX_OMSCHRIJVING,
        ),
        error_messages={
            "required": _("Vul een omschrijving in."),
            "max_length": _(
                "De omschrijving mag hoogstens %(limit_value)d tekens lang zijn "
                "(de grens voor SEPA-betalingen); deze is %(show_value)d tekens."
            ),
        },
    )
    rubriek = forms.ModelChoiceField(
        label=_("Rubriek"),
        queryset=Rubriek.objects.none(),
        empty_label=_("Kies een rubriek"),
        error_messages={
            "required": _("Kies een rubriek."),
            "invalid_choice": _("Kies een bestaande rubriek."),
        },
        help_text=_("Alleen rubrieken van dezelfde soort als de richting zijn toegestaan."),
    )
    betaalwijze = forms.ChoiceField(
        label=_("Betaalwijze"),
        required=False,
        choices=[("", _("Niet van toepassing (inkomsten)")), *Betaalwijze.choices],
        help_text=_(
            "Alleen voor uitgaven: maken wij het bedrag over, of incasseert de partij het?"
        ),
    )
    geldig_van = DatumVeld(
        label=_("Geldig vanaf"),
        help_text=_("De eerste dag waarop de afspraak geldt."),
        error_messages={
            "required": _("Vul de datum in vanaf wanneer de afspraak geldt."),
            "invalid": _("Vul een datum in als dd-mm-jjjj."),
        },
    )
    geldig_tot = DatumVeld(
        label=_("Geldig tot en met"),
        required=False,
        help_text=_("Leeg laten als de afspraak doorloopt."),
        error_messages={"invalid": _("Vul een datum in als dd-mm-jjjj.")},
    )
    frequentie = forms.ChoiceField(
        label=_("Frequentie"),
        choices=FREQUENTIE_KEUZES,
        error_messages={"required": _("Kies hoe vaak er betaald wordt.")},
        help_text=_(
            "Maandelijks op een dag, wekelijks of per aantal weken op een weekdag, "
            "per kwartaal, jaarlijks of eenmalig."
        ),
    )
    interval = forms.IntegerField(
        label=_("Elke hoeveel keer"),
        required=False,
        min_value=1,
        max_value=52,
        initial=1,
        help_text=_(
            "1 = elke week of maand; 4 bij wekelijks = elke vier weken; "
            "2 bij maandelijks = om de maand."
        ),
        error_messages={
            "min_value": _("Vul 1 of meer in."),
            "max_value": _("Vul hoogstens 52 in."),
        },
    )
    dag_van_maand = forms.IntegerField(
        label=_("Dag van de maand"),
        required=False,
        min_value=1,
        max_value=31,
        help_text=_(
            "Voor maandelijks, per kwartaal en jaarlijks. Dag 29, 30 of 31 wordt in "
            "kortere maanden de laatste dag."
        ),
        error_messages={
            "min_value": _("Kies een dag van 1 tot en met 31."),
            "max_value": _("Kies een dag van 1 tot en met 31."),
        },
    )
    weekdag = forms.TypedChoiceField(
        label=_("Weekdag"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Geen (niet wekelijks)")), *WEEKDAGEN],
        help_text=_("Voor wekelijks of per aantal weken."),
    )
    maand = forms.TypedChoiceField(
        label=_("Maand"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Geen (niet jaarlijks)")), *MAANDEN],
        help_text=_("Voor jaarlijks; bij per kwartaal de eerste maand van de reeks."),
    )
    uitzonderingen = forms.CharField(
        label=_("Uitzonderingsdatums"),
        required=False,
        max_length=LIJSTVAK_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Datums waarop géén betaling wordt verwacht, één per regel (dd-mm-jjjj)."),
    )
    zoektermen = forms.CharField(
        label=_("Zoektermen"),
        required=False,
        max_length=LIJSTVAK_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Woorden uit de omschrijving op het bankafschrift die bij deze afspraak horen, "
            "gescheiden door komma's of elk op een eigen regel."
        ),
    )

    def __init__(
        self, *args: Any, burger: Burger, vaste_velden: Iterable[str] = (), **kwargs: Any
    ) -> None:
        """`vaste_velden`: fields shown but not changeable (direction and rubriek once the
        agreement has bookings); their value is the initial one, whatever is posted."""
        super().__init__(*args, **kwargs)
        self.burger = burger
        self.vaste_velden = tuple(vaste_velden)
        for naam in self.vaste_velden:
            self.fields[naam].disabled = True
            self.fields[naam].help_text = VAST_UITLEG
        self.fields["afdeling"].queryset = selectors.afdelingen_voor_keuze()
        self.fields["rubriek"].queryset = selectors.rubrieken_voor_keuze()
        self.fields["rubriek"].widget.choices = self._rubriek_keuzes()
        self.fields["tegenrekening"].widget.choices = self.rekening_keuzes(self._gekozen_afdeling())

    # -- choices ---------------------------------------------------------------------------

    def _gekozen_afdeling(self) -> int | None:
        waarde = (
            self.data.get(self.add_prefix("afdeling"))
            if self.is_bound
            else self.initial.get("afdeling")
        )
        if isinstance(waarde, Afdeling):
            return waarde.pk
        try:
            return _int_of_leeg(waarde)
        except (TypeError, ValueError):
            return None

    def rekening_keuzes(self, afdeling_id: int | None) -> list[Any]:
        """Accounts grouped: those of the chosen department, then the participant's own."""
        keuzes: list[Any] = [("", gettext("Kies een rekening"))]
        veld = self.fields["tegenrekening"]
        if afdeling_id:
            afdeling = Afdeling.objects.select_related("organisatie").filter(pk=afdeling_id).first()
            if afdeling is not None:
                eigen = [
                    (r.pk, veld.label_from_instance(r))
                    for r in selectors.rekeningen_van_afdeling(afdeling.pk)
                ]
                keuzes.append(
                    (
                        gettext("Rekeningen van %(afdeling)s") % {"afdeling": afdeling},
                        eigen or [("", gettext("Deze afdeling heeft nog geen rekening"))],
                    )
                )
        rekeningen = [
            (r.pk, veld.label_from_instance(r))
            for r in selectors.rekeningen_van_burger(self.burger)
        ]
        if rekeningen:
            keuzes.append((gettext("Eigen rekening van de deelnemer"), rekeningen))
        return keuzes

    def _gekozen_richting(self) -> str | None:
        waarde = (
            self.data.get(self.add_prefix("richting"))
            if self.is_bound and not self.fields["richting"].disabled
            else self.initial.get("richting")
        )
        return waarde if waarde in Soort.values else None

    def _rubriek_keuzes(self) -> list[Any]:
        return rubriek_keuzes(self.fields["rubriek"].queryset, self._gekozen_richting())

    def groepen(self) -> list[tuple[Any, list[forms.BoundField]]]:
        return [(legend, [self[naam] for naam in namen]) for legend, namen in GROEPEN]

    # -- cleaning --------------------------------------------------------------------------

    def clean_zoektermen(self) -> list[str]:
        termen = splits_zoektermen(self.cleaned_data.get("zoektermen") or "")
        valideer_zoektermen(termen)  # the model checks it too (full_clean in the service)
        return termen

    def clean_uitzonderingen(self) -> list[dt.date]:
        datums, fouten = lees_datums(self.cleaned_data.get("uitzonderingen") or "")
        if fouten:
            raise forms.ValidationError(fouten)
        return datums

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        self._vul_aan(data)
        gegevens = {veld: data.get(veld) for veld in VELDEN if veld not in self.errors}
        schema_leesbaar = not any(
            v in self.errors for v in (*SCHEMA_VELDEN, "geldig_van", "geldig_tot")
        )
        fouten = controleer_afspraak(self.burger, gegevens, schema_controleren=schema_leesbaar)
        for veld, meldingen in fouten.items():
            if veld in self.errors:
                continue  # a parse error already explains this field
            for melding in meldingen:
                self.add_error(veld if veld in self.fields else None, melding)
        return data

    def _vul_aan(self, data: dict[str, Any]) -> None:
        """Convenience: one account to choose from is chosen; leefgeld gets its rubriek."""
        if data.get("tegenrekening") is None and "tegenrekening" not in self.errors:
            if data.get("afdeling") is not None:
                rekeningen = list(selectors.rekeningen_van_afdeling(data["afdeling"].pk)[:2])
            else:
                rekeningen = list(selectors.rekeningen_van_burger(self.burger)[:2])
            if len(rekeningen) == 1:
                data["tegenrekening"] = rekeningen[0]
        if data.get("interval") is None:
            data["interval"] = 1

    def gegevens(self) -> dict[str, Any]:
        """The cleaned data in the shape the services take."""
        return {veld: self.cleaned_data.get(veld) for veld in VELDEN}


def begin_uit_afspraak(afspraak: Afspraak) -> dict[str, Any]:
    """Initial form values from an existing agreement (edit, follow-up, copy)."""
    begin: dict[str, Any] = {veld: getattr(afspraak, veld) for veld in VELDEN}
    begin["afdeling"] = afspraak.afdeling_id
    begin["tegenrekening"] = afspraak.tegenrekening_id
    begin["rubriek"] = afspraak.rubriek_id
    begin["zoektermen"] = "\n".join(afspraak.zoektermen)
    begin["uitzonderingen"] = "\n".join(
        dt.date.fromisoformat(d).strftime("%d-%m-%Y") for d in afspraak.uitzonderingen
    )
    return begin


def begin_leefgeld(burger: Burger) -> dict[str, Any]:
    """Initial values for a leefgeld agreement, from the municipality's defaults."""
    instellingen = gemeente()
    rubriek = selectors.leefgeld_rubriek()
    eigen = list(selectors.rekeningen_van_burger(burger)[:1])
    begin: dict[str, Any] = {
        "richting": Soort.UITGAVEN,
        "leefgeld": True,
        "omschrijving": "Leefgeld",
        "bedrag": instellingen.leefgeld_standaard_bedrag,
        "rubriek": rubriek.pk if rubriek else None,
        "betaalwijze": Betaalwijze.OVERSCHRIJVING,
        "frequentie": instellingen.leefgeld_standaard_frequentie,
        "interval": 1,
        "tegenrekening": eigen[0].pk if eigen else None,
        "geldig_van": dt.date.today(),
    }
    if instellingen.leefgeld_standaard_frequentie == "wekelijks":
        begin["weekdag"] = instellingen.leefgeld_standaard_weekdag
    else:
        begin["dag_van_maand"] = 1
    return begin
