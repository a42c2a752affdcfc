from django.conf import settings
from django.db import models
from django.utils import timezone
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


class Runsoort(models.TextChoices):
    IMPORT = "import", _("Bij het inlezen van een bestand")
    ALLE_OPEN = "alle_open", _("Alle open transacties")
    NIEUWE_REKENING = "nieuwe_rekening", _("Open transacties van een nieuw gekoppelde rekening")


class Afletterrun(models.Model):
    """One run of the automatic matching: the import of one file, or a run over the open
    transactions ("Nu afletteren", `hhb afletteren`, a newly linked account). Every
    automatic booking points to its run, so it says who started it, when, and for an
    import which file."""

    soort = models.CharField("soort", max_length=20, choices=Runsoort.choices)
    importbestand = models.ForeignKey(
        "bankafschriften.Importbestand",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="afletterruns",
        verbose_name="ingelezen bestand",
    )
    gestart_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    gestart_door_naam = models.CharField("gestart door", max_length=150)
    gestart = models.DateTimeField("gestart op", default=timezone.now)
    klaar = models.DateTimeField("klaar op", null=True, blank=True)
    bekeken = models.PositiveIntegerField("transacties bekeken", default=0)
    geboekt = models.PositiveIntegerField("automatisch geboekt", default=0)
    te_bekijken = models.PositiveIntegerField(
        "te bekijken", null=True, blank=True
    )  # counted when a queued run starts: the progress "bekeken of te_bekijken"

    class Meta:
        verbose_name = _("afletterrun")
        verbose_name_plural = _("afletterruns")
        ordering = ["-gestart", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(soort__in=Runsoort.values), name="afletterrun_soort_geldig"
            ),
            models.CheckConstraint(
                condition=~models.Q(soort=Runsoort.IMPORT) | models.Q(importbestand__isnull=False),
                name="afletterrun_import_heeft_bestand",
            ),
        ]

    def __str__(self) -> str:
        wanneer = timezone.localtime(self.gestart)
        return f"{self.get_soort_display()} {wanneer:%d-%m-%Y %H:%M} ({self.gestart_door_naam})"


class Journaalpost(models.Model):
    """A booking: (part of) a bank transaction booked on an agreement of a participant,
    or on a rubriek only (bank costs, unknown). A transaction may be split over several
    bookings. A participant's balance is the sum of its bookings.

    Append-only: a booking is never changed or deleted. Undo is a reversing booking
    (`tegenboeking_van`: the same agreement, rubriek and participant, minus the amount),
    so a balance on a past date stays what it was. `datum` is the ledger date: the
    transaction's booking date, or the first open day after the closed period
    (`Periodeafsluiting`) when that date is closed. The database keeps
    `Banktransactie.geboekt` equal to the sum of its bookings and refuses changes to a
    booking's amount, date or account (migration 0005_grootboek_triggers)."""

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
    bedrag = models.BigIntegerField(
        "bedrag (centen)",
        help_text="zelfde teken als de transactie; een tegenboeking het omgekeerde",
    )
    datum = models.DateField("boekdatum")  # the ledger date (saldo per date), see above
    automatisch = models.BooleanField("automatisch geboekt", default=False)
    toelichting = models.TextField("toelichting", blank=True)
    leerregel = models.ForeignKey(
        "boekhouding.Leerregel", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    geboekt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    geboekt_door_naam = models.CharField("geboekt door", max_length=150, blank=True)
    tijdstip = models.DateTimeField("geboekt op", auto_now_add=True)
    afletterrun = models.ForeignKey(
        Afletterrun,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="journaalposten",
        verbose_name="afletterrun",
    )
    tegenboeking_van = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tegenboeking",
        verbose_name="tegenboeking van",
    )
    reden = models.TextField("reden van de tegenboeking", blank=True)
    buiten_afspraak = models.BooleanField(
        "afspraak gold niet op de transactiedatum", default=False
    )
    na_deelname = models.BooleanField("deelname was beëindigd op de transactiedatum", default=False)
    bevestiging = models.TextField("reden van de bevestiging", blank=True)

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
            models.CheckConstraint(
                condition=models.Q(tegenboeking_van__isnull=True) | ~models.Q(reden=""),
                name="journaalpost_tegenboeking_met_reden",
            ),
            models.CheckConstraint(
                condition=models.Q(buiten_afspraak=False, na_deelname=False)
                | ~models.Q(bevestiging=""),
                name="journaalpost_bevestiging_met_reden",
            ),
            models.CheckConstraint(
                condition=models.Q(automatisch=False)
                | models.Q(afletterrun__isnull=False, buiten_afspraak=False, na_deelname=False),
                name="journaalpost_automatisch_uit_een_run",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.datum:%d-%m-%Y} {self.bedrag / 100:.2f}"

    @property
    def is_tegenboeking(self) -> bool:
        return self.tegenboeking_van_id is not None

    @property
    def bevestigd_buiten_geldigheid(self) -> bool:
        return self.buiten_afspraak or self.na_deelname


class Periodeafsluiting(models.Model):
    """The ledger is closed through `tot_en_met`: no booking is dated on or before that
    day any more, so every balance "op datum" up to it is final. Append-only; the latest
    date counts and a new one must be later (the database refuses otherwise)."""

    tot_en_met = models.DateField("boekingen afgesloten tot en met", unique=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    door_naam = models.CharField("afgesloten door", max_length=150)
    tijdstip = models.DateTimeField("afgesloten op", auto_now_add=True)
    toelichting = models.TextField("toelichting", blank=True)

    class Meta:
        verbose_name = _("periodeafsluiting")
        verbose_name_plural = _("periodeafsluitingen")
        ordering = ["-tot_en_met"]

    def __str__(self) -> str:
        return f"{self.tot_en_met:%d-%m-%Y}"


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
