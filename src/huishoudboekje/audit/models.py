from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditActie(models.TextChoices):
    AANGEMAAKT = "aangemaakt", _("Aangemaakt")
    GEWIJZIGD = "gewijzigd", _("Gewijzigd")
    VERWIJDERD = "verwijderd", _("Verwijderd")


class AuditRegel(models.Model):
    """One recorded change. Append-only: the application never updates or deletes rows."""

    tijdstip = models.DateTimeField("tijdstip", auto_now_add=True, db_index=True)
    medewerker = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    medewerker_naam = models.CharField("medewerker", max_length=150, blank=True)
    actie = models.CharField("actie", max_length=20, choices=AuditActie.choices)
    object_type = models.CharField("soort gegeven", max_length=50, db_index=True)
    object_id = models.CharField("id", max_length=40)
    object_omschrijving = models.CharField("omschrijving", max_length=200, blank=True)
    burger_id = models.BigIntegerField("deelnemer", null=True, blank=True, db_index=True)
    voor = models.JSONField("voor", null=True, blank=True)
    na = models.JSONField("na", null=True, blank=True)

    class Meta:
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditregels")
        ordering = ["-tijdstip", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.actie} {self.object_type} {self.object_id}"

    def wijzigingen(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for each field that differs."""
        voor = self.voor or {}
        na = self.na or {}
        velden = sorted(set(voor) | set(na))
        return [(v, voor.get(v), na.get(v)) for v in velden if voor.get(v) != na.get(v)]
