"""Writes on what hangs under a department: postal addresses and linked bank accounts.

An IBAN is stored once (rekeningen.Rekening); linking an IBAN that already exists
reuses that account, so one account can belong to several departments, organisations
and participants. Unlinking is refused while an agreement of this department uses it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer, momentopname
from huishoudboekje.core import identificatie as ident
from huishoudboekje.kernmeldingen import vertaal
from huishoudboekje.rekeningen.models import Rekening
from huishoudboekje.rekeningen.services import rekening_zoeken_of_aanmaken

from .models import Afdeling, Postadres
from .selectors import koppeling_in_gebruik
from .services import tekst_uit, verwijder_beschermd


def _vul_postadres(adres: Postadres, gegevens: Mapping[str, Any]) -> None:
    adres.straat = tekst_uit(gegevens, "straat")
    adres.huisnummer = tekst_uit(gegevens, "huisnummer")
    adres.plaats = tekst_uit(gegevens, "plaats")
    postcode = tekst_uit(gegevens, "postcode")
    if postcode:
        try:
            postcode = ident.normaliseer_postcode(postcode)
        except ident.IdentificatieFout as exc:
            raise ValidationError({"postcode": vertaal(exc)}) from exc
    adres.postcode = postcode
    adres.full_clean(validate_unique=False, validate_constraints=False)


@transaction.atomic
def postadres_aanmaken(*, door: Any, afdeling: Afdeling, gegevens: Mapping[str, Any]) -> Postadres:
    adres = Postadres(afdeling=afdeling)
    _vul_postadres(adres, gegevens)
    adres.save()
    audit_registreer(door=door, actie=AuditActie.AANGEMAAKT, obj=adres)
    return adres


@transaction.atomic
def postadres_wijzigen(
    *, door: Any, postadres: Postadres, gegevens: Mapping[str, Any]
) -> Postadres:
    adres = Postadres.objects.select_for_update().get(pk=postadres.pk)
    voor = momentopname(adres)
    _vul_postadres(adres, gegevens)
    if momentopname(adres) == voor:
        return adres
    adres.save()
    audit_registreer(door=door, actie=AuditActie.GEWIJZIGD, obj=adres, voor=voor)
    return adres


@transaction.atomic
def postadres_verwijderen(*, door: Any, postadres: Postadres) -> None:
    """A postal address is never referred to by other data, so it can always go."""
    adres = Postadres.objects.select_for_update().get(pk=postadres.pk)
    voor = verwijder_beschermd(adres, _("Dit postadres kan niet worden verwijderd."))
    audit_registreer(door=door, actie=AuditActie.VERWIJDERD, obj=adres, voor=voor)


@transaction.atomic
def afdeling_rekening_koppelen(
    *, door: Any, afdeling: Afdeling, iban: str, rekeninghouder: str = "", bic: str = ""
) -> tuple[Rekening, bool]:
    """Link an IBAN to a department: the existing account with that IBAN (unchanged), or a
    new one with `rekeninghouder` (default: the organisation's name) and the BIC typed or
    derived from the IBAN. Returns (account, whether it was new)."""
    afdeling = (
        Afdeling.objects.select_for_update().select_related("organisatie").get(pk=afdeling.pk)
    )
    rekening, nieuw = rekening_zoeken_of_aanmaken(
        door=door,
        iban=iban,
        rekeninghouder=(rekeninghouder or "").strip() or afdeling.organisatie.naam,
        bic=bic,
    )
    if afdeling.rekeningen.filter(pk=rekening.pk).exists():
        raise ValidationError({"iban": _("Deze rekening is al gekoppeld aan deze afdeling.")})
    voor = momentopname(afdeling)
    afdeling.rekeningen.add(rekening)
    audit_registreer(door=door, actie=AuditActie.GEWIJZIGD, obj=afdeling, voor=voor)
    return rekening, nieuw


@transaction.atomic
def afdeling_rekening_ontkoppelen(*, door: Any, afdeling: Afdeling, rekening: Rekening) -> None:
    """Remove the link; the account itself stays (other parties may share it)."""
    afdeling = (
        Afdeling.objects.select_for_update().select_related("organisatie").get(pk=afdeling.pk)
    )
    if not afdeling.rekeningen.filter(pk=rekening.pk).exists():
        raise ValidationError(_("Deze rekening is niet gekoppeld aan deze afdeling."))
    reden = koppeling_in_gebruik(afdeling, rekening)
    if reden:
        raise ValidationError(reden)
    voor = momentopname(afdeling)
    afdeling.rekeningen.remove(rekening)
    audit_registreer(door=door, actie=AuditActie.GEWIJZIGD, obj=afdeling, voor=voor)
