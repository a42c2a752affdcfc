from django.db import models
from django.utils.translation import gettext_lazy as _

from huishoudboekje.validators import valideer_bic, valideer_iban


class Gemeente(models.Model):
    """The municipality running this installation: one row (pk=1)."""

    naam = models.CharField("naam gemeente", max_length=100, default="Gemeente")
    standaard_buffergrens = models.BigIntegerField(
        "standaard buffergrens (centen)", default=150000,
        help_text="Hoe ver een deelnemer negatief mag staan voordat het team ingrijpt.",
    )
    alarm_marge_dagen = models.PositiveSmallIntegerField("alarmmarge (dagen)", default=3)
    alarm_marge_bedrag = models.BigIntegerField("alarmmarge (centen)", default=1000)
    leefgeld_standaard_bedrag = models.BigIntegerField(
        "leefgeld standaardbedrag (centen)", default=25000
    )
    leefgeld_standaard_frequentie = models.CharField(
        "leefgeld standaardfrequentie", max_length=20, default="wekelijks",
        choices=[("wekelijks", _("Wekelijks")), ("maandelijks", _("Maandelijks"))],
    )
    leefgeld_standaard_weekdag = models.PositiveSmallIntegerField(
        "leefgeld standaardweekdag", default=0,
        choices=[
            (0, _("maandag")),
            (1, _("dinsdag")),
            (2, _("woensdag")),
            (3, _("donderdag")),
            (4, _("vrijdag")),
        ],
    )
    minimale_looptijd_maanden = models.PositiveSmallIntegerField(
        "minimale looptijd (maanden)", default=6
    )

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeente")
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="gemeente_een_rij"),
            models.CheckConstraint(
                condition=models.Q(standaard_buffergrens__gte=0),
                name="gemeente_buffer_niet_negatief",
            ),
            models.CheckConstraint(
                condition=models.Q(alarm_marge_bedrag__gte=0),
                name="gemeente_marge_niet_negatief",
            ),
            models.CheckConstraint(
                condition=models.Q(leefgeld_standaard_bedrag__gte=0),
                name="gemeente_leefgeld_niet_negatief",
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class GemeenteRekening(models.Model):
    """A bank account of the municipality (the derdengeldenrekening) that statements come from."""

    iban = models.CharField("IBAN", max_length=34, unique=True, validators=[valideer_iban])
    bic = models.CharField("BIC", max_length=11, blank=True, validators=[valideer_bic])
    rekeninghouder = models.CharField("tenaamstelling", max_length=70)
    omschrijving = models.CharField("omschrijving", max_length=100, blank=True)
    zonder_saldi = models.BooleanField(
        "afschriften zonder saldi",
        default=False,
        help_text=(
            "Alleen aanzetten als de bank van deze rekening echt geen begin- en eindsaldo "
            "meestuurt. Dan worden zulke afschriften ingelezen en bewaakt alleen de "
            "aansluitingscontrole (datums en volgnummers) dat er niets ontbreekt; anders "
            "wordt een afschrift zonder saldi geweigerd."
        ),
    )

    class Meta:
        verbose_name = _("rekening van de gemeente")
        verbose_name_plural = _("rekeningen van de gemeente")
        ordering = ["iban"]

    def __str__(self) -> str:
        return f"{self.rekeninghouder} ({self.iban})"
