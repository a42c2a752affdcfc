from django.db import models
from django.utils.translation import gettext_lazy as _

from huishoudboekje.rekeningen.models import Rekening
from huishoudboekje.validators import valideer_kvk, valideer_postcode, valideer_vestigingsnummer


class Organisatie(models.Model):
    """A ketenpartner: employer, benefit agency, landlord, energy company, insurer..."""

    naam = models.CharField("naam", max_length=100)
    kvk_nummer = models.CharField("KvK-nummer", max_length=8, validators=[valideer_kvk])
    vestigingsnummer = models.CharField(
        "vestigingsnummer", max_length=12, blank=True, validators=[valideer_vestigingsnummer]
    )

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["kvk_nummer", "vestigingsnummer"], name="organisatie_kvk_uniek"
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class Afdeling(models.Model):
    """A department of an organisation; agreements point at a department and one of its accounts."""

    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="afdelingen"
    )
    naam = models.CharField("naam", max_length=100)
    rekeningen = models.ManyToManyField(
        Rekening, blank=True, related_name="afdelingen", verbose_name="rekeningen"
    )

    class Meta:
        verbose_name = _("afdeling")
        verbose_name_plural = _("afdelingen")
        ordering = ["organisatie__naam", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["organisatie", "naam"], name="afdeling_naam_uniek"),
        ]

    def __str__(self) -> str:
        return f"{self.organisatie.naam} – {self.naam}"


class Postadres(models.Model):
    afdeling = models.ForeignKey(Afdeling, on_delete=models.CASCADE, related_name="postadressen")
    straat = models.CharField("straat", max_length=100)
    huisnummer = models.CharField("huisnummer", max_length=20)
    postcode = models.CharField("postcode", max_length=7, validators=[valideer_postcode])
    plaats = models.CharField("plaats", max_length=80)

    class Meta:
        verbose_name = _("postadres")
        verbose_name_plural = _("postadressen")

    def __str__(self) -> str:
        return f"{self.straat} {self.huisnummer}, {self.postcode} {self.plaats}"
