"""Template filters for agreements: status on a day, validity dates as text."""

from __future__ import annotations

from django import template
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from huishoudboekje.afspraken.models import Afspraak

register = template.Library()


def status(afspraak: Afspraak) -> str:
    """'Actief', 'Toekomstig' or 'Beëindigd' as of today (the municipality's time zone).

    Untranslated: the template translates it ({% translate status %}); gettext_noop only
    marks the words for makemessages.
    """
    vandaag = timezone.localdate()
    if afspraak.geldig_van > vandaag:
        return gettext_noop("Toekomstig")
    if afspraak.geldig_tot is not None and afspraak.geldig_tot < vandaag:
        return gettext_noop("Beëindigd")
    return gettext_noop("Actief")


register.filter("afspraak_status", status)


def geldigheid(afspraak: Afspraak) -> str:
    """'01-01-2026 t/m 30-06-2026', or 'vanaf 01-01-2026' while it runs on: shown next
    to every agreement staff choose or compare, so an ended one is recognised."""
    van = f"{afspraak.geldig_van:%d-%m-%Y}"
    if afspraak.geldig_tot is None:
        return gettext("vanaf %(van)s") % {"van": van}
    return gettext("%(van)s t/m %(tot)s") % {"van": van, "tot": f"{afspraak.geldig_tot:%d-%m-%Y}"}


register.filter("geldigheid", geldigheid)
