from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .roles import ROL_LABELS, Recht, Rol, heeft_recht


class Medewerker(AbstractUser):
    """A staff member of the municipality. Exactly one role decides what they may do."""

    rol = models.CharField(
        "rol",
        max_length=20,
        choices=[(r.value, ROL_LABELS[r]) for r in Rol],
        blank=True,
        default="",
    )

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rol__in=["", *[r.value for r in Rol]]),
                name="medewerker_rol_geldig",
            )
        ]

    def mag(self, recht: Recht) -> bool:
        return self.is_active and heeft_recht(self.rol or None, recht)
