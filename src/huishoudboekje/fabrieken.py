"""factory-boy factories for tests: valid, fictitious participants, organisations,
accounts and agreements. Each test builds exactly what it needs."""

import datetime as dt
import random

import factory

from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.bankafschriften.models import Bankafschrift, Banktransactie, Importbestand
from huishoudboekje.boekhouding.models import Rubriek
from huishoudboekje.burgers.models import Burger, Deelname, Huishouden
from huishoudboekje.configuratie.models import GemeenteRekening
from huishoudboekje.demogegevens.generatie import genereer_bsn, genereer_iban, genereer_kvk
from huishoudboekje.organisaties.models import Afdeling, Organisatie
from huishoudboekje.rekeningen.models import Rekening

_rng = random.Random(20261124)


class RekeningFabriek(factory.django.DjangoModelFactory):
    class Meta:
        model = Rekening

    iban = factory.LazyFunction(lambda: genereer_iban(_rng))
    rekeninghouder = factory.Faker("name", locale="nl_NL")


class HuishoudenFabriek(factory.django.DjangoModelFactory):
    class Meta:
        model = Huishouden


class BurgerFabriek(factory.django.DjangoModelFactory):
    class Meta:
        model = Burger

    hhb_nummer = factory.Sequence(lambda n: f"HHB{n + 900000:06d}")
    bsn = factory.LazyFunction(lambda: genereer_bsn(_rng))
    voornamen = factory.Faker("first_name", locale="nl_NL")
    achternaam = factory.Faker("last_name", locale="nl_NL")
    geboortedatum = dt.date(1985, 3, 14)
    straat = "Oudegracht"
    huisnummer = factory.Sequence(lambda n: str(n + 1))
    postcode = "3511 AB"
    plaats = "Utrecht"


class DeelnameFabriek(factory.django.DjangoModelFactory):
    class Meta:
        model = Deelname

    burger = factory.SubFactory(BurgerFabriek)
    startdatum = dt.date(2026, 1, 1)


class OrganisatieFabriek(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie

    naam = factory.Sequence(lambda n: f"Organisatie {n}")
    kvk_nummer = factory.LazyFunction(lambda: genereer_kvk(_rng))


class AfdelingFabriek(factory.django.DjangoModelFactory):
    class Meta:
        model = Afdeling

    organisatie = factory.SubFactory(OrganisatieFabriek)
    naam = "Debiteuren"

    @factory.post_generation
    def rekeningen(self, create: bool, extracted: list[Rekening] | None, **kwargs: object) -> None:
        if create:
            self.rekeningen.set(extracted or [RekeningFabriek()])


class AfspraakFabriek(factory.django.DjangoModelFactory):
    """A monthly rent payment by default."""

    class Meta:
        model = Afspraak

    burger = factory.SubFactory(BurgerFabriek)
    richting = "uitgaven"
    omschrijving = "Huur"
    bedrag = 72500
    rubriek = factory.LazyFunction(lambda: Rubriek.objects.get(naam="Huur"))
    afdeling = factory.SubFactory(AfdelingFabriek)
    tegenrekening = factory.LazyAttribute(lambda o: o.afdeling.rekeningen.first())
    geldig_van = dt.date(2026, 1, 1)
    frequentie = "maandelijks"
    dag_van_maand = 1
    betaalwijze = "overschrijving"


GEMEENTE_IBAN = "NL62BNGH0285128701"


class GemeenteRekeningFabriek(factory.django.DjangoModelFactory):
    class Meta:
        model = GemeenteRekening
        django_get_or_create = ("iban",)

    iban = GEMEENTE_IBAN
    bic = "BNGHNL2G"
    rekeninghouder = "Gemeente Voorbeeldstad inz. Huishoudboekje"


class ImportbestandFabriek(factory.django.DjangoModelFactory):
    class Meta:
        model = Importbestand

    bestandsnaam = "afschrift.xml"
    sha256 = "0" * 64
    grootte = 1
    formaat = "camt.053.001.02"
    bron = "demo"
    geimporteerd_door_naam = "systeem"


class BankafschriftFabriek(factory.django.DjangoModelFactory):
    class Meta:
        model = Bankafschrift

    importbestand = factory.SubFactory(ImportbestandFabriek)
    rekening = factory.SubFactory(GemeenteRekeningFabriek)
    formaat = "camt.053.001.02"
    afschrift_id = factory.Sequence(lambda n: f"AFS-{n}")


class BanktransactieFabriek(factory.django.DjangoModelFactory):
    """Money in: a rent-sized credit from an unknown party, not booked."""

    class Meta:
        model = Banktransactie

    afschrift = factory.SubFactory(BankafschriftFabriek)
    rekening = factory.LazyAttribute(lambda o: o.afschrift.rekening)
    sleutel = factory.Sequence(lambda n: f"sleutel-{n}")
    bedrag = 72500
    boekdatum = dt.date(2026, 5, 1)
    tegen_iban = factory.LazyFunction(lambda: genereer_iban(_rng))
    tegen_naam = "Onbekend"
    omschrijving = "Betaling"
    bron = "<Ntry/>"
