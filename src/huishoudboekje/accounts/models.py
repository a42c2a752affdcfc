from collections.abc import Iterator

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
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
    # Part of the session hash: a new value ends every session of this account on every
    # device at its next request (services_sessies.sessies_beeindigen). Empty until the
    # first time, so the hash equals Django's own until then.
    sessiesleutel = models.CharField(
        "sessiesleutel", max_length=32, blank=True, default="", editable=False
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

    def _sessiehash(self, secret: str | None = None) -> str:
        # Django's own salt and HMAC of the password hash, with the session key added.
        return salted_hmac(
            "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash",
            self.password + self.sessiesleutel,
            secret=secret,
            algorithm="sha256",
        ).hexdigest()

    def get_session_auth_hash(self) -> str:
        """A session stays logged in while this equals the hash it was started with: a
        new password or a new `sessiesleutel` logs the account out everywhere."""
        return self._sessiehash()

    def get_session_auth_fallback_hash(self) -> Iterator[str]:
        for geheim in settings.SECRET_KEY_FALLBACKS:
            yield self._sessiehash(geheim)
