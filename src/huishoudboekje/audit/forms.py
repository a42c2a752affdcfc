"""The filter form of the audit trail (GET, nothing is written)."""

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from huishoudboekje.accounts.models import Medewerker
from huishoudboekje.ui.forms import UtrechtFormMixin
from huishoudboekje.ui.velden import DatumVeld

from .models import AuditActie
from .selectors import object_types


class AuditFilterFormulier(UtrechtFormMixin, forms.Form):
    object_type = forms.ChoiceField(label=_("Soort gegeven"), required=False)
    actie = forms.ChoiceField(
        label=_("Actie"), required=False, choices=[("", _("Alle acties")), *AuditActie.choices]
    )
    medewerker = forms.ModelChoiceField(
        label=_("Medewerker"),
        required=False,
        queryset=Medewerker.objects.order_by("username"),
        empty_label=_("Alle medewerkers"),
    )
    van = DatumVeld(label=_("Vanaf datum"), required=False)
    tot = DatumVeld(label=_("Tot en met datum"), required=False)
    tekst = forms.CharField(label=_("Omschrijving bevat"), required=False, max_length=100)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["object_type"].choices = [("", gettext("Alle soorten")), *object_types()]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        van, tot = data.get("van"), data.get("tot")
        if van and tot and tot < van:
            self.add_error("tot", gettext("De einddatum ligt voor de begindatum."))
        return data

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for selectors.auditregels (call after is_valid)."""
        data = self.cleaned_data
        medewerker = data.get("medewerker")
        return {
            "object_type": data.get("object_type") or "",
            "actie": data.get("actie") or "",
            "medewerker_id": medewerker.pk if medewerker else None,
            "van": data.get("van"),
            "tot": data.get("tot"),
            "tekst": (data.get("tekst") or "").strip(),
        }
