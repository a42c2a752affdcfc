"""The search form of the read log. The participant is typed as an HHB-number or a BSN;
the view keeps what is typed out of the URL (ui/zoekopdracht.py), so a BSN never ends up
in an access log or the browser history."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huishoudboekje.accounts.models import Medewerker
from huishoudboekje.burgers.models import Burger
from huishoudboekje.core.identificatie import IdentificatieFout, normaliseer_bsn
from huishoudboekje.kernmeldingen import vertaal
from huishoudboekje.ui.forms import UtrechtFormMixin
from huishoudboekje.ui.velden import DatumVeld

from .pseudoniem import pseudoniem
from .register import ACTIVITEITEN
from .selectors import Zoekopdracht


@dataclass(frozen=True)
class GezochteDeelnemer:
    """Who the search is about: the pseudonym always, the participant while they exist."""

    betrokkene_id: str
    burger_id: int | None
    label: str


class VerwerkingenZoekFormulier(UtrechtFormMixin, forms.Form):
    deelnemer = forms.CharField(
        label=_("Deelnemer"),
        required=False,
        max_length=20,
        help_text=_(
            "HHB-nummer, of het BSN (ook van een deelnemer die niet meer in Huishoudboekje staat)"
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    medewerker = forms.ModelChoiceField(
        label=_("Medewerker"),
        required=False,
        queryset=Medewerker.objects.order_by("username"),
        empty_label=_("Alle medewerkers"),
    )
    activiteit = forms.ChoiceField(label=_("Verwerkingsactiviteit"), required=False)
    van = DatumVeld(label=_("Vanaf datum"), required=False)
    tot = DatumVeld(label=_("Tot en met datum"), required=False)
    trace_id = forms.CharField(label=_("Trace-id"), required=False, max_length=32)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keuzes = [(a.id, a.naam) for a in ACTIVITEITEN.values()]
        self.fields["activiteit"].choices = [("", _("Alle activiteiten")), *keuzes]  # type: ignore[attr-defined]

    def clean_deelnemer(self) -> GezochteDeelnemer | None:
        tekst = (self.cleaned_data.get("deelnemer") or "").strip()
        if not tekst:
            return None
        cijfers = re.sub(r"[\s.\-]", "", tekst)
        if cijfers.isdigit() and len(cijfers) in (8, 9):
            try:
                bsn = normaliseer_bsn(cijfers)
            except IdentificatieFout as exc:
                raise forms.ValidationError(vertaal(exc)) from exc
            burger = Burger.objects.filter(bsn=bsn).first()
            label = str(burger) if burger else gettext("de deelnemer met het opgegeven BSN")
            return GezochteDeelnemer(pseudoniem(bsn), burger.pk if burger else None, label)
        burger = Burger.objects.filter(hhb_nummer__iexact=tekst).first()
        if burger is None:
            raise forms.ValidationError(
                gettext("Er is geen deelnemer met HHB-nummer %(nummer)s.") % {"nummer": tekst}
            )
        return GezochteDeelnemer(pseudoniem(burger.bsn), burger.pk, str(burger))

    def clean_trace_id(self) -> str:
        waarde = (self.cleaned_data.get("trace_id") or "").strip().lower()
        if waarde and not re.fullmatch(r"[0-9a-f]{32}", waarde):
            raise forms.ValidationError(gettext("Een trace-id bestaat uit 32 tekens 0-9 en a-f."))
        return waarde

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        van, tot = data.get("van"), data.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", gettext("De einddatum ligt voor de begindatum."))
        return data

    def zoekopdracht(self) -> Zoekopdracht:
        """The search (call after is_valid): the participant by pseudonym only."""
        data = self.cleaned_data
        deelnemer: GezochteDeelnemer | None = data.get("deelnemer")
        medewerker = data.get("medewerker")
        return Zoekopdracht(
            betrokkene_id=deelnemer.betrokkene_id if deelnemer else "",
            burger_id=deelnemer.burger_id if deelnemer else None,
            deelnemer_label=deelnemer.label if deelnemer else "",
            medewerker_id=medewerker.pk if medewerker else None,
            activiteit_id=data.get("activiteit") or "",
            van=data.get("van"),
            tot=data.get("tot"),
            trace_id=data.get("trace_id") or "",
        )
