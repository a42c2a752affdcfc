"""Forms for the bank screens: upload, transaction filter, booking and splitting."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.core.identificatie import IdentificatieFout, normaliseer_iban
from huishoudboekje.kernmeldingen import vertaal
from huishoudboekje.organisaties.models import Organisatie
from huishoudboekje.ui.forms import UtrechtFormMixin
from huishoudboekje.ui.velden import BedragVeld, DatumVeld

MAX_BESTANDEN = 50


class _MeerdereBestanden(forms.ClearableFileInput):
    allow_multiple_selected = True


class _MeerdereBestandenVeld(forms.FileField):
    """A file field that accepts several files (Django's documented pattern)."""

    def clean(self, data: Any, initial: Any = None) -> Any:
        enkel = super().clean
        if isinstance(data, list | tuple):
            return [enkel(d, initial) for d in data]
        return [enkel(data, initial)] if data else enkel(data, initial)


class UploadFormulier(UtrechtFormMixin, forms.Form):
    max_bestanden = MAX_BESTANDEN
    bestanden = _MeerdereBestandenVeld(
        label=_("Bankafschriften"),
        widget=_MeerdereBestanden(attrs={"accept": ".xml,.sta,.940,.mt940,.txt,.swi"}),
        help_text=_(
            "camt.053 (XML) of MT940 van ING, Rabobank, ABN AMRO of BNG Bank; "
            "u kunt meerdere bestanden tegelijk kiezen."
        ),
        error_messages={"required": _("Kies een of meer bestanden.")},
    )

    def clean_bestanden(self) -> list[Any]:
        bestanden = self.cleaned_data.get("bestanden") or []
        if not bestanden:
            raise forms.ValidationError(_("Kies een of meer bestanden."))
        if len(bestanden) > MAX_BESTANDEN:
            raise forms.ValidationError(
                _("Kies hoogstens %(max)d bestanden tegelijk.") % {"max": MAX_BESTANDEN}
            )
        return bestanden


STATUSSEN = [
    ("", _("Alle transacties")),
    ("open", _("Nog niet (volledig) geboekt")),
    ("geboekt", _("Geboekt")),
    ("automatisch", _("Automatisch geboekt")),
    ("handmatig", _("Handmatig geboekt")),
]


class TransactieFilterFormulier(UtrechtFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=STATUSSEN, required=False)
    van = DatumVeld(label=_("Vanaf"), required=False)
    tot = DatumVeld(label=_("Tot en met"), required=False)
    min_bedrag = BedragVeld(label=_("Bedrag vanaf"), required=False, minimum=0, help_text="")
    max_bedrag = BedragVeld(label=_("Bedrag tot en met"), required=False, minimum=0, help_text="")
    iban = forms.CharField(label=_("Tegenrekening (IBAN)"), required=False, max_length=42)
    deelnemer = forms.CharField(label=_("Deelnemer (HHB-nummer)"), required=False, max_length=12)
    organisatie = forms.ModelChoiceField(
        label=_("Organisatie"),
        required=False,
        queryset=Organisatie.objects.order_by("naam"),
        empty_label=_("Alle organisaties"),
    )
    tekst = forms.CharField(
        label=_("Tekst in omschrijving of naam"), required=False, max_length=100
    )

    def clean_iban(self) -> str:
        waarde = self.cleaned_data.get("iban") or ""
        if not waarde.strip():
            return ""
        try:
            return normaliseer_iban(waarde)
        except IdentificatieFout as exc:
            raise forms.ValidationError(vertaal(exc)) from exc


MAX_REDEN = 1000  # = services_boeken.MAX_REDEN


class BoekFormulier(forms.Form):
    """Book (the open part of) a transaction on one agreement; optionally learn.
    `bevestiging`: the reason to book on an agreement that was not valid on the date,
    or for a participant whose participation had ended (asked for when needed)."""

    afspraak = forms.IntegerField(widget=forms.HiddenInput)
    leer = forms.ChoiceField(
        required=False,
        choices=[("", "niets"), ("zoekterm", "zoekterm"), ("regel", "regel")],
        widget=forms.HiddenInput,
    )
    patroon = forms.CharField(required=False, max_length=140, widget=forms.HiddenInput)
    bevestiging = forms.CharField(required=False, max_length=MAX_REDEN)


class OngedaanFormulier(UtrechtFormMixin, forms.Form):
    """Undo a booking: always with a reason (shown beside the reversal and audited)."""

    reden = forms.CharField(
        label=_("Reden"),
        max_length=MAX_REDEN,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Geef een reden om deze boeking ongedaan te maken.")},
    )


class RubriekFormulier(UtrechtFormMixin, forms.Form):
    rubriek = forms.ModelChoiceField(
        label=_("Rubriek"),
        queryset=Rubriek.objects.none(),
        empty_label=_("Kies een rubriek"),
        error_messages={"required": _("Kies een rubriek.")},
    )
    toelichting = forms.CharField(label=_("Toelichting"), required=False, max_length=200)

    def __init__(self, *args: Any, soort: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["rubriek"].queryset = Rubriek.objects.filter(
            grootboekrekening__soort=soort
        ).order_by("naam")


SPLITSREGELS = 4


class SplitsFormulier(UtrechtFormMixin, forms.Form):
    """Up to four parts, each an agreement (by number) or a rubriek, with an amount."""

    def __init__(
        self, *args: Any, afspraak_keuzes: list[tuple[int, str]], soort: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        rubrieken = Rubriek.objects.filter(grootboekrekening__soort=soort).order_by("naam")
        for i in range(1, SPLITSREGELS + 1):
            self.fields[f"afspraak_{i}"] = forms.TypedChoiceField(
                label=_("Afspraak (deel %(i)d)") % {"i": i},
                required=False,
                coerce=int,
                empty_value=None,
                choices=[("", _("Geen afspraak"))] + afspraak_keuzes,
            )
            self.fields[f"rubriek_{i}"] = forms.ModelChoiceField(
                label=_("of rubriek (deel %(i)d)") % {"i": i},
                required=False,
                queryset=rubrieken,
                empty_label=_("Geen rubriek"),
            )
            self.fields[f"bedrag_{i}"] = BedragVeld(
                label=_("Bedrag (deel %(i)d)") % {"i": i}, required=False, minimum=1, help_text=""
            )
        self.fields["bevestiging"] = forms.CharField(
            label=_("Reden om toch te boeken"),
            required=False,
            max_length=MAX_REDEN,
            help_text=_(
                "Alleen nodig als een afspraak niet gold op de datum van de transactie of de "
                "deelname van de deelnemer toen al was beëindigd."
            ),
        )
        self.kleed_velden_aan()

    def delen(self) -> list[tuple[int | None, Rubriek | None, int]]:
        uitkomst = []
        for i in range(1, SPLITSREGELS + 1):
            afspraak = self.cleaned_data.get(f"afspraak_{i}")
            rubriek = self.cleaned_data.get(f"rubriek_{i}")
            bedrag = self.cleaned_data.get(f"bedrag_{i}")
            if afspraak is None and rubriek is None and bedrag is None:
                continue
            uitkomst.append((afspraak, rubriek, bedrag or 0))
        return uitkomst

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        regels = 0
        for i in range(1, SPLITSREGELS + 1):
            afspraak, rubriek, bedrag = (
                data.get(f"afspraak_{i}"),
                data.get(f"rubriek_{i}"),
                data.get(f"bedrag_{i}"),
            )
            if afspraak is None and rubriek is None and bedrag is None:
                continue
            regels += 1
            if (afspraak is None) == (rubriek is None):
                self.add_error(f"afspraak_{i}", _("Kies per deel een afspraak óf een rubriek."))
            if bedrag is None:
                self.add_error(f"bedrag_{i}", _("Vul het bedrag van dit deel in."))
        if regels < 2 and not self.errors:
            raise forms.ValidationError(_("Splitsen is verdelen over minstens twee delen."))
        return data
