"""Closing the ledger through a date: from then on no booking is dated on or before it
(a late booking or an undo is dated on the first open day instead, see `grootboek`), so
every balance "op datum" up to it is final. The closed period only moves forward; each
closing is a row of its own (who, when, why) and an audit line."""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huishoudboekje.accounts.roles import Recht
from huishoudboekje.audit.models import AuditActie
from huishoudboekje.audit.services import audit_registreer
from huishoudboekje.door import Door, medewerker_van, naam_van

from .grootboek import afgesloten_tot
from .models import Periodeafsluiting


class Periodefout(ValueError):
    """The period cannot be closed so; the message says why. Nothing was changed."""


@transaction.atomic
def periode_afsluiten(
    *, door: Door, tot_en_met: dt.date, toelichting: str = ""
) -> Periodeafsluiting:
    """Close the ledger through `tot_en_met` (a day before today, after the current
    closing date). A staff member needs the right (the teamleider); a command line run
    is the operator's."""
    mag = getattr(door, "mag", None)
    if mag is not None and not mag(Recht.BOEKPERIODE_WIJZIGEN):
        raise Periodefout(_("Alleen een teamleider sluit de boekingen af."))
    vandaag = timezone.localdate()
    if tot_en_met >= vandaag:
        raise Periodefout(
            _(
                "Afsluiten kan alleen tot en met een dag vóór vandaag (%(vandaag)s): op een "
                "open dag kan nog worden geboekt."
            )
            % {"vandaag": f"{vandaag:%d-%m-%Y}"}
        )
    huidig = afgesloten_tot()
    if huidig is not None and tot_en_met <= huidig:
        raise Periodefout(
            _(
                "De boekingen zijn al afgesloten tot en met %(huidig)s; een afsluiting gaat "
                "alleen vooruit."
            )
            % {"huidig": f"{huidig:%d-%m-%Y}"}
        )
    try:
        with transaction.atomic():
            afsluiting = Periodeafsluiting.objects.create(
                tot_en_met=tot_en_met,
                door=medewerker_van(door),
                door_naam=naam_van(door),
                toelichting=toelichting.strip()[:1000],
            )
    except IntegrityError as exc:  # closed further at the same moment by someone else
        raise Periodefout(
            _("Iemand anders heeft de periode net verder afgesloten; laad de pagina opnieuw.")
        ) from exc
    audit_registreer(door=door, actie=AuditActie.AANGEMAAKT, obj=afsluiting)
    return afsluiting
