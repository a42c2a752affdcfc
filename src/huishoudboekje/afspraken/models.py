import datetime as dt
from typing import TYPE_CHECKING

from django.db import models
from django.utils.translation import gettext_lazy as _

from huishoudboekje.boekhouding.models import Rubriek, Soort
from huishoudboekje.burgers.models import Burger
from huishoudboekje.organisaties.models import Afdeling
from huishoudboekje.rekeningen.models import Rekening
from huishoudboekje.validators import valideer_zoektermen

if TYPE_CHECKING:
    from huishoudboekje.core.schedules import Betaalschema

Richting = Soort  # an agreement's direction is the kind of its rubriek: inkomsten or uitgaven


class Betaalwijze(models.TextChoices):
    OVERSCHRIJVING = "overschrijving", _("Wij maken over")
    INCASSO = "incasso", _("De partij incasseert")


FREQUENTIE_KEUZES = [
    ("maandelijks", _("Maandelijks")),
    ("wekelijks", _("Wekelijks of per aantal weken")),
    ("kwartaal", _("Per kwartaal")),
    ("jaarlijks", _("Jaarlijks")),
    ("eenmalig", _("Eenmalig")),
]  # values of core.schedules.Frequentie
WEEKDAGEN = [
    (0, _("maandag")),
    (1, _("dinsdag")),
    (2, _("woensdag")),
    (3, _("donderdag")),
    (4, _("vrijdag")),
    (5, _("zaterdag")),
    (6, _("zondag")),
]


class Afspraak(models.Model):
    """An expected income, a fixed cost, or the leefgeld payout of one participant."""

    burger = models.ForeignKey(
        Burger, on_delete=models.PROTECT, related_name="afspraken", verbose_name="deelnemer"
    )
    richting = models.CharField("richting", max_length=10, choices=Richting.choices)
    omschrijving = models.CharField("omschrijving", max_length=140)
    bedrag = models.BigIntegerField("bedrag (centen)")
    rubriek = models.ForeignKey(
        Rubriek, on_delete=models.PROTECT, related_name="afspraken", verbose_name="rubriek"
    )
    afdeling = models.ForeignKey(
        Afdeling, null=True, blank=True, on_delete=models.PROTECT, related_name="afspraken",
        verbose_name="organisatie (afdeling)",
        help_text="Leeg wanneer de tegenrekening de eigen rekening van de deelnemer is.",
    )
    tegenrekening = models.ForeignKey(
        Rekening, on_delete=models.PROTECT, related_name="afspraken", verbose_name="tegenrekening"
    )
    geldig_van = models.DateField("geldig vanaf")
    geldig_tot = models.DateField("geldig tot en met", null=True, blank=True)
    zoektermen = models.JSONField(
        "zoektermen", default=list, blank=True, validators=[valideer_zoektermen]
    )
    betaalwijze = models.CharField(
        "betaalwijze", max_length=20, choices=Betaalwijze.choices, blank=True,
        help_text="Alleen voor uitgaven: maken wij over, of incasseert de partij?",
    )
    leefgeld = models.BooleanField("leefgeld", default=False)
    vervolg_op = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="vervolg",
        verbose_name="vervolg op",
    )
    # Payment schedule (betaalinstructie); start and end are geldig_van / geldig_tot.
    frequentie = models.CharField("frequentie", max_length=20, choices=FREQUENTIE_KEUZES)
    interval = models.PositiveSmallIntegerField("elke zoveel", default=1)
    dag_van_maand = models.PositiveSmallIntegerField("dag van de maand", null=True, blank=True)
    weekdag = models.PositiveSmallIntegerField("weekdag", null=True, blank=True, choices=WEEKDAGEN)
    maand = models.PositiveSmallIntegerField("maand", null=True, blank=True)
    uitzonderingen = models.JSONField("uitzonderingsdatums", default=list, blank=True)

    class Meta:
        verbose_name = _("afspraak")
        verbose_name_plural = _("afspraken")
        ordering = ["richting", "omschrijving", "id"]
        indexes = [models.Index(fields=["burger", "geldig_van"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(bedrag__gt=0), name="afspraak_bedrag_positief"
            ),
            models.CheckConstraint(
                condition=models.Q(geldig_tot__isnull=True)
                | models.Q(geldig_tot__gte=models.F("geldig_van")),
                name="afspraak_geldig_tot_na_van",
            ),
            models.CheckConstraint(
                condition=models.Q(richting__in=["inkomsten", "uitgaven"]),
                name="afspraak_richting",
            ),
            models.CheckConstraint(
                condition=models.Q(interval__gte=1), name="afspraak_interval_positief"
            ),
            models.CheckConstraint(
                condition=models.Q(dag_van_maand__isnull=True)
                | models.Q(dag_van_maand__gte=1, dag_van_maand__lte=31),
                name="afspraak_dag_van_maand",
            ),
            models.CheckConstraint(
                condition=models.Q(weekdag__isnull=True) | models.Q(weekdag__lte=6),
                name="afspraak_weekdag",
            ),
            models.CheckConstraint(
                condition=models.Q(maand__isnull=True) | models.Q(maand__gte=1, maand__lte=12),
                name="afspraak_maand",
            ),
        ]

    def __str__(self) -> str:
        return self.omschrijving

    @property
    def betaalschema(self) -> "Betaalschema":
        from huishoudboekje.core import schedules

        return schedules.Betaalschema(
            frequentie=schedules.Frequentie(self.frequentie),
            startdatum=self.geldig_van,
            einddatum=self.geldig_tot,
            interval=self.interval,
            dag_van_maand=self.dag_van_maand,
            weekdag=self.weekdag,
            maand=self.maand,
            uitzonderingen=frozenset(dt.date.fromisoformat(d) for d in self.uitzonderingen),
        )

    def is_geldig_op(self, datum: dt.date) -> bool:
        return self.geldig_van <= datum and (self.geldig_tot is None or datum <= self.geldig_tot)
