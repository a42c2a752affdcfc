"""What the import tests share: import bytes as a file, and the counts that show that
a refused file changed nothing."""

from __future__ import annotations

import io

from huishoudboekje.bankafschriften.models import Bankafschrift, Banktransactie, Importbestand
from huishoudboekje.bankafschriften.services import bankafschrift_importeren
from huishoudboekje.boekhouding.models import Journaalpost


def importeer(inhoud: bytes, naam: str = "afschrift.xml", door=None):
    return bankafschrift_importeren(stream=io.BytesIO(inhoud), bestandsnaam=naam, door=door)


def staat():
    return (
        Importbestand.objects.count(),
        Bankafschrift.objects.count(),
        Banktransactie.objects.count(),
        Journaalpost.objects.count(),
    )
