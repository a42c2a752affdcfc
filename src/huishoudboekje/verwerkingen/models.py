"""The read log: one row per processing (read) of one participant's personal data.

Fields follow the Logboek Dataverwerkingen standard (Logius), in Dutch: trace_id,
operatie_id (`operation_id`, the span id), aanroepende_operatie_id
(`parent_operation_id`), status (`status_code`), naam (`name`), begin and einde
(`start_time`, `end_time`) and the attributes verwerkingsactiviteit_id
(`dpl.core.processing_activity_id`), betrokkene_id (`dpl.core.data_subject_id`,
pseudonymised) and betrokkene_id_type (`dpl.core.data_subject_id_type`). The actor
(staff member: id, name and role at the time) is added because the participant asks
"who looked at my data".

Append-only: the application never updates or deletes a row (the model and queryset
refuse it) and database triggers refuse UPDATE and DELETE from any client (migration
0002). There are no foreign keys on purpose: removing a participant or a staff member
must not touch the log, and a cascade or SET NULL would be an UPDATE.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class AlleenToevoegen(Exception):
    """Raised when code tries to change or remove a logged processing."""


class Status(models.IntegerChoices):
    """`status_code` of the standard."""

    ONBEKEND = 0, _("Onbekend")
    OK = 1, _("Gelukt")
    FOUT = 2, _("Mislukt")


class VerwerkingQuerySet(models.QuerySet["Verwerking"]):
    def update(self, **kwargs: Any) -> int:
        raise AlleenToevoegen("Het verwerkingenlog wordt nooit gewijzigd.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AlleenToevoegen("Het verwerkingenlog wordt nooit verwijderd.")


class Verwerking(models.Model):
    trace_id = models.CharField("trace-id", max_length=32, db_index=True)
    operatie_id = models.CharField("operatie-id", max_length=16, unique=True)
    aanroepende_operatie_id = models.CharField("aanroepende operatie", max_length=16, blank=True)
    status = models.PositiveSmallIntegerField("status", choices=Status.choices, default=Status.OK)
    naam = models.CharField("operatie", max_length=100)  # the page (URL name)
    begin = models.DateTimeField("begin")
    einde = models.DateTimeField("einde")
    verwerkingsactiviteit_id = models.CharField("verwerkingsactiviteit", max_length=50)
    betrokkene_id = models.CharField("betrokkene (pseudoniem)", max_length=64, blank=True)
    betrokkene_id_type = models.CharField("soort betrokkene-id", max_length=20, blank=True)
    # The participant's own id in this application, to show who it was while the
    # participant exists; the pseudonym stays the lasting reference.
    burger_id = models.BigIntegerField("deelnemer", null=True, blank=True)
    medewerker_id = models.BigIntegerField("medewerker-id", null=True)
    medewerker_gebruikersnaam = models.CharField("gebruikersnaam", max_length=150)
    medewerker_naam = models.CharField("medewerker", max_length=300, blank=True)
    medewerker_rol = models.CharField("rol", max_length=20, blank=True)

    objects = VerwerkingQuerySet.as_manager()

    class Meta:
        verbose_name = _("verwerking")
        verbose_name_plural = _("verwerkingen")
        # Newest first by id (rows are inserted in time order); pages are read by keyset
        # on the id, narrowed by staff member, participant or a date range.
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["begin"], name="verwerking_begin"),
            models.Index(fields=["medewerker_id", "-id"], name="verwerking_medewerker"),
            models.Index(fields=["betrokkene_id", "-id"], name="verwerking_betrokkene"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(einde__gte=models.F("begin")), name="verwerking_einde_na_begin"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=[0, 1, 2]), name="verwerking_status"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.verwerkingsactiviteit_id} {self.naam} {self.begin:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AlleenToevoegen("Het verwerkingenlog wordt nooit gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AlleenToevoegen("Het verwerkingenlog wordt nooit verwijderd.")
