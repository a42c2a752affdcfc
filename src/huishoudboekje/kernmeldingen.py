"""The fixed messages of `core/` in the staff member's language.

`core/` knows no Django, so its messages are Dutch strings. They are marked for the
translation catalogue here and translated where they cross into forms and services:
`vertaal(exc)` instead of `str(exc)`. A message with variable parts is not in the
catalogue and stays as it is. A test keeps this list in step with core/."""

from __future__ import annotations

from django.utils.translation import gettext, gettext_noop

KERNMELDINGEN = (
    # core/identificatie.py
    gettext_noop("Een BSN bestaat alleen uit cijfers."),
    gettext_noop("Een BSN heeft 9 cijfers."),
    gettext_noop("Dit BSN klopt niet (het voldoet niet aan de elfproef)."),
    gettext_noop("Vul een volledig IBAN in, bijvoorbeeld NL91 ABNA 0417 1643 00."),
    gettext_noop("Dit IBAN klopt niet: het controlegetal is onjuist."),
    gettext_noop("Dit IBAN heeft een onbekende landcode."),
    gettext_noop("Dit IBAN heeft niet de juiste lengte of opbouw voor het land."),
    gettext_noop("Deze BIC klopt niet (8 of 11 tekens, bijv. INGBNL2A)."),
    gettext_noop("Een KvK-nummer bestaat uit precies 8 cijfers."),
    gettext_noop("Een vestigingsnummer bestaat uit precies 12 cijfers."),
    gettext_noop("Vul een postcode in als 1234 AB."),
    # core/money.py
    gettext_noop(
        "Vul een bedrag in euro's in met hoogstens twee cijfers achter de komma, "
        "bijvoorbeeld 1.234,56."
    ),
    # core/schedules.py
    gettext_noop("Het interval moet 1 of meer zijn."),
    gettext_noop("De dag van de maand moet 1 tot en met 31 zijn."),
    gettext_noop("Kies een weekdag voor een wekelijks schema."),
    gettext_noop("De weekdag moet maandag tot en met zondag zijn."),
    gettext_noop("Kies de maand voor een jaarlijks schema."),
    gettext_noop("De maand moet 1 (januari) tot en met 12 (december) zijn."),
    gettext_noop("De einddatum ligt vóór de startdatum."),
)


def vertaal(melding: object) -> str:
    """A core message (or exception) in the active language."""
    return gettext(str(melding))
