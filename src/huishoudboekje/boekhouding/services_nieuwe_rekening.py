"""A known party pays from a new account: one confirmation by staff links the account
to the party's department, and every open transaction from it is matched again, so the
rest books itself (the matcher only suggests, never books, a party on an unknown IBAN).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from huishoudboekje.bankafschriften.models import Banktransactie
from huishoudboekje.door import Door
from huishoudboekje.organisaties.models import Afdeling
from huishoudboekje.organisaties.services_afdelingen import afdeling_rekening_koppelen

from .afletteren import Afletterresultaat, afletteren_uitvoeren


@transaction.atomic
def nieuwe_rekening_bevestigen(
    *, door: Door, transactie_id: int, afdeling_id: int
) -> Afletterresultaat:
    """Link the counterparty account of this transaction to the department (audited by
    the organisation service) and match its open transactions again."""
    transactie = Banktransactie.objects.filter(pk=transactie_id).first()
    afdeling = Afdeling.objects.select_related("organisatie").filter(pk=afdeling_id).first()
    if transactie is None or afdeling is None:
        raise ValidationError(_("Deze transactie of afdeling bestaat niet (meer)."))
    if not transactie.tegen_iban:
        raise ValidationError(_("Deze transactie heeft geen tegenrekening om te koppelen."))
    afdeling_rekening_koppelen(
        door=door,
        afdeling=afdeling,
        iban=transactie.tegen_iban,
        rekeninghouder=transactie.tegen_naam,
    )
    return afletteren_uitvoeren(door=door, tegen_iban=transactie.tegen_iban)
