"""Key figures for the start page."""

import datetime as dt
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_noop

from huishoudboekje.accounts.roles import Recht


def kerncijfers(gebruiker: Any) -> list[dict[str, Any]]:
    from huishoudboekje.afspraken.models import Afspraak
    from huishoudboekje.burgers.models import Burger, Huishouden
    from huishoudboekje.organisaties.models import Organisatie

    vandaag = dt.date.today()
    cijfers: list[dict[str, Any]] = []
    if gebruiker.mag(Recht.BURGERS_LEZEN):
        actief = (
            Burger.objects.filter(
                Q(deelnames__einddatum__isnull=True) | Q(deelnames__einddatum__gte=vandaag),
                deelnames__startdatum__lte=vandaag,
            )
            .distinct()
            .count()
        )
        cijfers += [
            {
                "label": gettext_noop("Deelnemers"),
                "waarde": Burger.objects.count(),
                "url": "burgers:lijst",
            },
            {"label": gettext_noop("Actieve deelnames"), "waarde": actief, "url": "burgers:lijst"},
            {
                "label": gettext_noop("Huishoudens"),
                "waarde": Huishouden.objects.count(),
                "url": "burgers:huishoudens",
            },
        ]
    if gebruiker.mag(Recht.AFSPRAKEN_LEZEN):
        lopend = Afspraak.objects.filter(
            Q(geldig_tot__isnull=True) | Q(geldig_tot__gte=vandaag)
        ).count()
        cijfers.append({"label": gettext_noop("Lopende afspraken"), "waarde": lopend, "url": None})
    if gebruiker.mag(Recht.ORGANISATIES_LEZEN):
        cijfers.append(
            {
                "label": gettext_noop("Organisaties"),
                "waarde": Organisatie.objects.count(),
                "url": "organisaties:lijst",
            }
        )
    if gebruiker.mag(Recht.BANKAFSCHRIFTEN_LEZEN):
        from django.db.models import F

        from huishoudboekje.bankafschriften.models import Banktransactie

        open_ = Banktransactie.objects.exclude(geboekt=F("bedrag")).count()
        cijfers.append(
            {
                "label": gettext_noop("Transacties nog te boeken"),
                "waarde": open_,
                "url": "bankafschriften:transacties",
            }
        )
    return cijfers
