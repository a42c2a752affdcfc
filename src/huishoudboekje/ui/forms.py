"""Django forms dressed as NL Design System (Utrecht) form controls.

Django renders the widgets; this module only adds the Utrecht class names, so every
form in the project looks the same and the templates stay free of per-widget markup.
Django 5.2 itself sets `aria-invalid` and `aria-describedby` ("<id>_helptext <id>_error")
on a bound field; `ui/veld.html` renders the help text and errors with exactly those ids.

Usage::

    class DeelnemerForm(UtrechtFormMixin, forms.ModelForm): ...

and in a template ``{% include "ui/formulier.html" with form=form %}``.
"""

from typing import Any

from django import forms
from django.forms.boundfield import BoundField

# Base class names per widget type. Order matters: subclasses before their parents
# (CheckboxSelectMultiple < RadioSelect, NullBooleanSelect < Select, every *Input < Input).
_VINKJE = "utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
_WIDGET_KLASSEN: tuple[tuple[type[forms.Widget], str], ...] = (
    (forms.CheckboxSelectMultiple, _VINKJE),
    (forms.RadioSelect, "utrecht-radio-button utrecht-radio-button--html-input"),
    (forms.CheckboxInput, _VINKJE),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (forms.SelectMultiple, "utrecht-select utrecht-select--html-select"),
    (forms.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (forms.FileInput, "hhb-bestand"),
    (forms.NumberInput, "utrecht-textbox utrecht-textbox--html-input utrecht-textbox--numeric"),
    (forms.PasswordInput, "utrecht-textbox utrecht-textbox--html-input utrecht-textbox--password"),
    (forms.widgets.Input, "utrecht-textbox utrecht-textbox--html-input"),
)

# Utrecht's "invalid" modifier for each base class (red border on the control).
_ONGELDIG = {
    "utrecht-textbox": "utrecht-textbox--invalid",
    "utrecht-select": "utrecht-select--invalid",
    "utrecht-textarea": "utrecht-textarea--invalid",
    "utrecht-checkbox": "utrecht-checkbox--invalid",
    "utrecht-radio-button": "utrecht-radio-button--invalid",
}


def utrecht_klassen(widget: forms.Widget) -> str:
    """The Utrecht class names for a widget ('' for hidden inputs and unknown widgets)."""
    if isinstance(widget, forms.HiddenInput | forms.MultipleHiddenInput):
        return ""
    for widget_type, klassen in _WIDGET_KLASSEN:
        if isinstance(widget, widget_type):
            return klassen
    return ""


def _voeg_klassen_toe(bestaand: str, extra: str) -> str:
    namen = bestaand.split()
    namen += [naam for naam in extra.split() if naam not in namen]
    return " ".join(namen)


def _kleed_aan(widget: forms.Widget) -> None:
    if isinstance(widget, forms.MultiWidget):
        for sub in widget.widgets:
            _kleed_aan(sub)
        return
    klassen = utrecht_klassen(widget)
    if klassen:
        widget.attrs["class"] = _voeg_klassen_toe(widget.attrs.get("class", ""), klassen)


class UtrechtBoundField(BoundField):
    """A bound field that marks its control invalid (class and ARIA) when it has errors.

    Classes set in `build_widget_attrs` replace the widget's own `class`, so the invalid
    modifier is appended to the widget's classes rather than set on its own.
    """

    def build_widget_attrs(
        self, attrs: dict[str, Any], widget: forms.Widget | None = None
    ) -> dict[str, Any]:
        widget = widget or self.field.widget
        attrs = super().build_widget_attrs(attrs, widget)
        if self.errors and not widget.is_hidden:
            basis = str(attrs.get("class") or widget.attrs.get("class") or "")
            extra = " ".join(v for k, v in _ONGELDIG.items() if k in basis.split())
            if extra:
                attrs["class"] = _voeg_klassen_toe(basis, extra)
            attrs.setdefault("aria-invalid", "true")
            if not self.use_fieldset and self.auto_id and "aria-describedby" not in attrs:
                ids = [f"{self.auto_id}_helptext"] if self.help_text else []
                attrs["aria-describedby"] = " ".join([*ids, f"{self.auto_id}_error"])
        return attrs


class UtrechtFormMixin:
    """Mix into a Form or ModelForm (first in the bases) to get Utrecht-styled widgets."""

    bound_field_class = UtrechtBoundField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kleed_velden_aan()

    def kleed_velden_aan(self) -> None:
        """Give every field's widget its Utrecht classes (again, after adding fields)."""
        for field in self.fields.values():  # type: ignore[attr-defined]
            _kleed_aan(field.widget)
