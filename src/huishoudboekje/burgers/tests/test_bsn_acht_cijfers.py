"""An 8-digit BSN through the Django layers: the shared validator, the form field and
the participant service accept the left-padded form and store 9 digits; an 8-digit
number that fails the elfproef after padding is refused with the Dutch message."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.forms import ValidationError as FormValidationError

from huishoudboekje.burgers import services
from huishoudboekje.burgers.models import Burger
from huishoudboekje.ui.velden import BsnVeld
from huishoudboekje.validators import valideer_bsn

from .hulp import persoon


def test_validator_en_formulierveld() -> None:
    valideer_bsn("12345672")
    assert BsnVeld().clean("1234 5672") == "012345672"
    with pytest.raises(ValidationError, match="elfproef"):
        valideer_bsn("23456709")
    with pytest.raises(FormValidationError, match="elfproef"):
        BsnVeld().clean("23456709")


@pytest.mark.django_db
def test_deelnemer_met_bsn_van_acht_cijfers_wordt_met_negen_opgeslagen(frontoffice) -> None:
    burger = services.burger_aanmaken(door=frontoffice, gegevens=persoon(bsn="12345672"))
    assert Burger.objects.get(pk=burger.pk).bsn == "012345672"
    with pytest.raises(ValidationError) as fout:
        services.burger_aanmaken(door=frontoffice, gegevens=persoon(bsn="23456709"))
    assert "elfproef" in fout.value.message_dict["bsn"][0]
    assert Burger.objects.count() == 1
