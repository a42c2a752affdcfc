"""Template filters for agreements: status on a day, search terms as text."""

from __future__ import annotations

from django import template
from django.utils import timezone
from django.utils.translation import gettext_noop

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
