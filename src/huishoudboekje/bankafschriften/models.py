from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from huishoudboekje.configuratie.models import GemeenteRekening
from huishoudboekje.core.afletterdata import Uitkomst
from huishoudboekje.core.bank.retourredenen import omschrijf_retourreden


class Importbron(models.TextChoices):
    SCHERM = "scherm", _("Upload in het scherm")
    OPDRACHTREGEL = "opdrachtregel", _("Opdrachtregel")
    API = "api", _("API")
    DEMO = "demo", _("Demo-generator")


class Afletteruitkomst(models.TextChoices):
    """What happened to a transaction in matching: the matcher's decisions
    (`core.afletterdata.Uitkomst`, the same values) and what the import and staff did."""

    NIET_AFGELETTERD = "", _("Nog niet afgeletterd")
    GEBOEKT = Uitkomst.GEBOEKT.value, _("Automatisch geboekt")
    GEEN_KANDIDAAT = Uitkomst.GEEN_KANDIDAAT.value, _("Geen afspraak gevonden")
    TWIJFEL = Uitkomst.TWIJFEL.value, _("Twijfel tussen afspraken")
    GEBLOKKEERD = Uitkomst.GEBLOKKEERD.value, _("Niet automatisch: er is iets tegen")
    TE_LAAG = Uitkomst.TE_LAAG.value, _("Te weinig bewijs")
    NIEUWE_REKENING = Uitkomst.NIEUWE_REKENING.value, _("Bekende partij op een nieuwe rekening")
    MOGELIJK_DUBBEL = "mogelijk_dubbel", _("Mogelijk dubbel ingelezen")
    HANDMATIG = "handmatig", _("Handmatig geboekt")
    ONGEDAAN = "ongedaan", _("Boeking ongedaan gemaakt")

    @classmethod
    def van(cls, uitkomst: Uitkomst) -> "Afletteruitkomst":
        """The stored outcome of a matcher's decision."""
        return cls(uitkomst.value)


class Importbestand(models.Model):
    """One uploaded file and what its import did. Refused files are not stored: a
    refused import changes nothing."""

    bestandsnaam = models.CharField("bestandsnaam", max_length=255)
    sha256 = models.CharField("SHA-256", max_length=64, db_index=True)
    grootte = models.BigIntegerField("grootte (bytes)")
    formaat = models.CharField("formaat", max_length=30)
    bron = models.CharField("ingelezen via", max_length=20, choices=Importbron.choices)
    geimporteerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    geimporteerd_door_naam = models.CharField("ingelezen door", max_length=150)
    tijdstip = models.DateTimeField("ingelezen op", auto_now_add=True)
    aantal_transacties = models.PositiveIntegerField("transacties in het bestand", default=0)
    aantal_nieuw = models.PositiveIntegerField("nieuwe transacties", default=0)
    aantal_dubbel = models.PositiveIntegerField("al eerder ingelezen", default=0)
    aantal_automatisch = models.PositiveIntegerField("automatisch geboekt", default=0)
    schemameldingen = models.TextField(
        "afwijkingen van het camt.053-schema",
        blank=True,
        help_text=(
            "Leeg: het bestand voldoet aan de XSD (of is geen camt / te groot om te valideren)."
        ),
    )

    class Meta:
        verbose_name = _("ingelezen bestand")
        verbose_name_plural = _("ingelezen bestanden")
        ordering = ["-tijdstip", "-id"]

    def __str__(self) -> str:
        return self.bestandsnaam


class Bankafschrift(models.Model):
    """One statement (a file may hold several) of one of the municipality's accounts."""

    importbestand = models.ForeignKey(
        Importbestand, on_delete=models.PROTECT, related_name="afschriften"
    )
    rekening = models.ForeignKey(
        GemeenteRekening, on_delete=models.PROTECT, related_name="afschriften"
    )
    formaat = models.CharField("formaat", max_length=30)
    dialect = models.CharField("bank", max_length=20, blank=True)
    afschrift_id = models.CharField("afschriftkenmerk", max_length=100, blank=True)
    volgnummer = models.CharField("volgnummer", max_length=40, blank=True)
    begindatum = models.DateField("begindatum", null=True, blank=True)
    einddatum = models.DateField("einddatum", null=True, blank=True)
    beginsaldo = models.BigIntegerField("beginsaldo (centen)", null=True, blank=True)
    eindsaldo = models.BigIntegerField("eindsaldo (centen)", null=True, blank=True)
    saldo_verschil = models.BigIntegerField(
        "saldoverschil (centen)",
        null=True,
        blank=True,
        help_text="beginsaldo + transacties - eindsaldo; 0 = klopt, leeg = niet te controleren",
    )
    aantal_transacties = models.PositiveIntegerField("transacties", default=0)
    aantal_nieuw = models.PositiveIntegerField("nieuw", default=0)

    class Meta:
        verbose_name = _("bankafschrift")
        verbose_name_plural = _("bankafschriften")
        ordering = ["-einddatum", "-id"]
        indexes = [models.Index(fields=["rekening", "einddatum"])]

    def __str__(self) -> str:
        return f"{self.afschrift_id or self.pk} ({self.rekening.iban})"

    @property
    def saldo_klopt(self) -> bool | None:
        return None if self.saldo_verschil is None else self.saldo_verschil == 0


class Banktransactie(models.Model):
    """One transaction on a municipal account, imported exactly once (`sleutel`).

    `sleutel` (see `services.sleutel_voor`) makes a transaction importable only once.
    `geboekt` is the sum of its bookings (journaalposten), kept by the booking services
    under a row lock; the database refuses a booked amount beyond the transaction's."""

    afschrift = models.ForeignKey(
        Bankafschrift, on_delete=models.PROTECT, related_name="transacties"
    )
    rekening = models.ForeignKey(
        GemeenteRekening, on_delete=models.PROTECT, related_name="transacties"
    )
    sleutel = models.CharField("importsleutel", max_length=64)
    bedrag = models.BigIntegerField("bedrag (centen)", help_text="positief = bijschrijving")
    geboekt = models.BigIntegerField("geboekt (centen)", default=0)
    boekdatum = models.DateField("boekdatum")
    valutadatum = models.DateField("valutadatum", null=True, blank=True)
    tegen_iban = models.CharField("tegenrekening", max_length=34, blank=True, db_index=True)
    tegen_naam = models.CharField("naam tegenpartij", max_length=140, blank=True)
    tegen_bic = models.CharField("BIC tegenpartij", max_length=11, blank=True)
    omschrijving = models.TextField("omschrijving", blank=True)
    betalingskenmerk = models.CharField("betalingskenmerk", max_length=140, blank=True)
    end_to_end_id = models.CharField("end-to-end-id", max_length=140, blank=True)
    mandaat_id = models.CharField("machtigingskenmerk", max_length=140, blank=True)
    incassant_id = models.CharField("incassant-id", max_length=140, blank=True)
    bankreferentie = models.CharField("bankreferentie", max_length=140, blank=True, db_index=True)
    transactiecode = models.CharField("transactiecode", max_length=60, blank=True)
    retourreden = models.CharField(
        "retourreden",
        max_length=35,
        blank=True,
        default="",
        help_text="SEPA-reden van een teruggeboekte betaling (bijv. AC04, MD06).",
    )
    bron = models.TextField("bron (zoals in het bestand)")
    mogelijk_dubbel_van = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="mogelijk dubbel van",
        help_text=(
            "Een eerder ingelezen transactie met dezelfde datum, hetzelfde bedrag en dezelfde "
            "tegenrekening waarvan niet vast te stellen is of het dezelfde boeking is. Beide "
            "zijn bewaard; deze wordt niet automatisch geboekt."
        ),
    )
    afletter_uitkomst = models.CharField(
        "uitkomst afletteren",
        max_length=20,
        blank=True,
        default=Afletteruitkomst.NIET_AFGELETTERD,
        choices=Afletteruitkomst.choices,
    )
    afletter_toelichting = models.TextField("toelichting afletteren", blank=True)
    afletter_tijdstip = models.DateTimeField("afgeletterd op", null=True, blank=True)

    class Meta:
        verbose_name = _("banktransactie")
        verbose_name_plural = _("banktransacties")
        ordering = ["-boekdatum", "-id"]
        indexes = [
            models.Index(fields=["rekening", "boekdatum"]),
            models.Index(fields=["boekdatum", "id"]),
            # a statement's lines in the list's order: without it PostgreSQL walks the
            # whole date index for an old statement (2.4 s at a million transactions)
            models.Index(fields=["afschrift", "boekdatum", "id"], name="banktransactie_afschrift"),
            # the back office's work list: the (few) transactions not fully booked
            models.Index(
                fields=["-boekdatum", "-id"],
                name="banktransactie_open",
                condition=~models.Q(geboekt=models.F("bedrag")),
            ),
        ]
        constraints = [
            # the key hashes the account's IBAN too, so it is unique on its own; one
            # column keeps the lookup on this index whatever the planner's statistics say
            models.UniqueConstraint(fields=["sleutel"], name="banktransactie_eenmalig"),
            models.CheckConstraint(
                condition=~models.Q(bedrag=0), name="banktransactie_bedrag_niet_nul"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(bedrag__gt=0, geboekt__gte=0, geboekt__lte=models.F("bedrag"))
                    | models.Q(bedrag__lt=0, geboekt__lte=0, geboekt__gte=models.F("bedrag"))
                ),
                name="banktransactie_niet_meer_geboekt_dan_bedrag",
            ),
            models.CheckConstraint(
                condition=models.Q(afletter_uitkomst__in=Afletteruitkomst.values),
                name="banktransactie_afletter_uitkomst_geldig",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.boekdatum:%d-%m-%Y} {self.bedrag / 100:.2f} {self.tegen_naam}"

    @property
    def mogelijk_dubbel(self) -> bool:
        return self.mogelijk_dubbel_van_id is not None

    @property
    def retourreden_tekst(self) -> str:
        return omschrijf_retourreden(self.retourreden)

    @property
    def open_bedrag(self) -> int:
        return self.bedrag - self.geboekt

    @property
    def is_bijschrijving(self) -> bool:
        return self.bedrag > 0
