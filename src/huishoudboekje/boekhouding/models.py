from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Soort(models.TextChoices):
    INKOMSTEN = "inkomsten", _("Inkomsten")
    UITGAVEN = "uitgaven", _("Uitgaven")


class Grootboekrekening(models.Model):
    """A ledger account from the shipped RGS subset (rgs.yaml); read-only for users."""

    referentiecode = models.CharField("RGS-referentiecode", max_length=20, unique=True)
    referentienummer = models.CharField("RGS-referentienummer", max_length=20, blank=True)
    omschrijving = models.CharField("omschrijving", max_length=150)
    soort = models.CharField("soort", max_length=10, choices=Soort.choices)

    class Meta:
        verbose_name = _("grootboekrekening")
        verbose_name_plural = _("grootboekrekeningen")
        ordering = ["soort", "referentiecode"]

    def __str__(self) -> str:
        return f"{self.referentiecode} – {self.omschrijving}"


class Rubriek(models.Model):
    """A classification of incomes or expenses, tied to one ledger account.

    Its kind (income/expense) is that of its ledger account, so an income rubriek can
    never be chosen for an expense agreement.
    """

    naam = models.CharField("naam", max_length=100, unique=True)
    grootboekrekening = models.ForeignKey(
        Grootboekrekening,
        on_delete=models.PROTECT,
        related_name="rubrieken",
        verbose_name="grootboekrekening",
    )

    class Meta:
        verbose_name = _("rubriek")
        verbose_name_plural = _("rubrieken")
        ordering = ["naam"]

    def __str__(self) -> str:
        return self.naam

    @property
    def soort(self) -> str:
        return self.grootboekrekening.soort


class Journaalpost(models.Model):
    """A booking: (part of) a bank transaction booked on an agreement of a participant,
    or on a rubriek only (bank costs, unknown). A transaction may be split over several
    bookings; their amounts add up to at most the transaction's (see
    Banktransactie.geboekt). A participant's balance is the sum of its bookings."""

    transactie = models.ForeignKey(
        "bankafschriften.Banktransactie", on_delete=models.PROTECT, related_name="journaalposten"
    )
    afspraak = models.ForeignKey(
        "afspraken.Afspraak",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="journaalposten",
    )
    rubriek = models.ForeignKey(Rubriek, on_delete=models.PROTECT, related_name="journaalposten")
    burger = models.ForeignKey(
        "burgers.Burger",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="journaalposten",
    )
    bedrag = models.BigIntegerField("bedrag (centen)", help_text="zelfde teken als de transactie")
    datum = models.DateField("boekdatum")  # the transaction's booking date (saldo per date)
    automatisch = models.BooleanField("automatisch geboekt", default=False)
    toelichting = models.TextField("toelichting", blank=True)
    leerregel = models.ForeignKey(
        "boekhouding.Leerregel", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    geboekt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tijdstip = models.DateTimeField("geboekt op", auto_now_add=True)

    class Meta:
        verbose_name = _("journaalpost")
        verbose_name_plural = _("journaalposten")
        ordering = ["-datum", "-id"]
        indexes = [
            models.Index(fields=["burger", "datum"]),
            models.Index(fields=["afspraak", "datum"]),
            models.Index(fields=["rubriek", "datum"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(bedrag=0), name="journaalpost_bedrag_niet_nul"
            ),
            models.CheckConstraint(
                condition=models.Q(afspraak__isnull=False) | models.Q(burger__isnull=True),
                name="journaalpost_burger_via_afspraak",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} {self.bedrag / 100:.2f}"


class Leerregel(models.Model):
    """Learned from a manual booking: a transaction from `tegen_iban` ("" = whatever
    account) whose description contains `patroon` belongs to `afspraak`."""

    tegen_iban = models.CharField("tegenrekening", max_length=34, blank=True, db_index=True)
    patroon = models.CharField("tekst in de omschrijving", max_length=140)
    afspraak = models.ForeignKey(
        "afspraken.Afspraak", on_delete=models.CASCADE, related_name="leerregels"
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    tijdstip = models.DateTimeField("aangemaakt op", auto_now_add=True)

    class Meta:
        verbose_name = _("geleerde regel")
        verbose_name_plural = _("geleerde regels")
        constraints = [
            models.UniqueConstraint(
                fields=["tegen_iban", "patroon", "afspraak"], name="leerregel_uniek"
            ),
            models.CheckConstraint(
                condition=~models.Q(patroon=""), name="leerregel_patroon_niet_leeg"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tegen_iban or '*'} / {self.patroon}"
