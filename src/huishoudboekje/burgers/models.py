from django.db import models
from django.utils.translation import gettext_lazy as _

from huishoudboekje.rekeningen.models import Rekening
from huishoudboekje.validators import valideer_bsn, valideer_postcode


class Huishouden(models.Model):
    """People who share a household; the household view lists members and agreements."""

    naam = models.CharField("naam", max_length=100, blank=True)

    class Meta:
        verbose_name = _("huishouden")
        verbose_name_plural = _("huishoudens")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.naam or f"Huishouden {self.pk}"


class Burger(models.Model):
    """A participant. `hhb_nummer` is the readable number staff and letters use."""

    hhb_nummer = models.CharField("HHB-nummer", max_length=12, unique=True)
    bsn = models.CharField("BSN", max_length=9, unique=True, validators=[valideer_bsn])
    voorletters = models.CharField("voorletters", max_length=20, blank=True)
    voornamen = models.CharField("voornamen", max_length=100)
    tussenvoegsel = models.CharField("tussenvoegsel", max_length=20, blank=True)
    achternaam = models.CharField("achternaam", max_length=100)
    geboortedatum = models.DateField("geboortedatum")
    straat = models.CharField("straat", max_length=100)
    huisnummer = models.CharField("huisnummer", max_length=20)
    postcode = models.CharField("postcode", max_length=7, validators=[valideer_postcode])
    plaats = models.CharField("plaats", max_length=80)
    telefoonnummer = models.CharField("telefoonnummer", max_length=20, blank=True)
    email = models.EmailField("e-mailadres", blank=True)
    huishouden = models.ForeignKey(
        Huishouden, null=True, blank=True, on_delete=models.PROTECT, related_name="leden"
    )
    rekeningen = models.ManyToManyField(
        Rekening, blank=True, related_name="burgers", verbose_name="rekeningen"
    )

    class Meta:
        verbose_name = _("deelnemer")
        verbose_name_plural = _("deelnemers")
        ordering = ["achternaam", "voornamen", "id"]
        indexes = [models.Index(fields=["achternaam", "voornamen"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(bsn__regex=r"^[0-9]{9}$"), name="burger_bsn_9_cijfers"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.naam} ({self.hhb_nummer})"

    @property
    def naam(self) -> str:
        return " ".join(p for p in (self.voornamen, self.tussenvoegsel, self.achternaam) if p)

    @property
    def adres(self) -> str:
        return f"{self.straat} {self.huisnummer}, {self.postcode} {self.plaats}"


class Variant(models.TextChoices):
    VOLLEDIG = "volledig", _("Volledig (inkomsten, vaste lasten en leefgeld)")
    INKOMSTEN = "inkomsten", _("Inkomstenzekerheid (vast maandbedrag, geen vaste lasten)")
    AFBOUW = "afbouw", _("Afbouw (deelnemer betaalt zelf vaste lasten)")


class Deelname(models.Model):
    """A period of participation with its terms. A participant has at most one open one."""

    burger = models.ForeignKey(Burger, on_delete=models.PROTECT, related_name="deelnames")
    startdatum = models.DateField("startdatum")
    minimale_looptijd_maanden = models.PositiveSmallIntegerField(
        "minimale looptijd (maanden)", default=6
    )
    einddatum = models.DateField("einddatum", null=True, blank=True)
    variant = models.CharField(
        "variant", max_length=20, choices=Variant.choices, default=Variant.VOLLEDIG
    )
    buffergrens = models.BigIntegerField(
        "buffergrens (centen)", null=True, blank=True,
        help_text="Leeg: de standaard buffergrens van de gemeente.",
    )
    signaal_negatief_saldo = models.BooleanField("signaal bij negatief saldo", default=True)

    class Meta:
        verbose_name = _("deelname")
        verbose_name_plural = _("deelnames")
        ordering = ["-startdatum"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(einddatum__isnull=True)
                | models.Q(einddatum__gte=models.F("startdatum")),
                name="deelname_einde_na_start",
            ),
            models.CheckConstraint(
                condition=models.Q(buffergrens__isnull=True) | models.Q(buffergrens__gte=0),
                name="deelname_buffer_niet_negatief",
            ),
            models.UniqueConstraint(
                fields=["burger"],
                condition=models.Q(einddatum__isnull=True),
                name="deelname_een_open",
            ),
        ]

    def __str__(self) -> str:
        return f"Deelname vanaf {self.startdatum:%d-%m-%Y}"
