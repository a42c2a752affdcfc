from collections.abc import Iterator

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from .roles import ROL_LABELS, Recht, Rol, heeft_recht

ROL_KEUZES = [(r.value, ROL_LABELS[r]) for r in Rol]


class Medewerker(AbstractUser):
    """A staff member of the municipality. Exactly one role decides what they may do."""

    rol = models.CharField(
        "rol",
        max_length=20,
        choices=ROL_KEUZES,
        blank=True,
        default="",
    )
    # Part of the session hash: a new value ends every session of this account on every
    # device at its next request (services_sessies.sessies_beeindigen). Empty until the
    # first time, so the hash equals Django's own until then.
    sessiesleutel = models.CharField(
        "sessiesleutel", max_length=32, blank=True, default="", editable=False
    )
    # True from creation by a beheerder (or sending back to activation) until the staff
    # member chose a password with the activation link (services_activatie).
    activatie_open = models.BooleanField("wacht op activatie", default=False)

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

    @property
    def wacht_op_activatie(self) -> bool:
        """Created (or sent back to activation) by a beheerder; the staff member has not
        chosen a password yet. An SSO account has no password either, but is not open
        for activation: no link can ever be made for it."""
        return self.activatie_open and not self.has_usable_password()


class Activatielink(models.Model):
    """A one-time link with which a new staff member chooses their own password.

    The link carries a random secret, signed and timestamped (django.core.signing);
    only its SHA-256 is stored, so reading the database gives no usable link. It works
    once, until `verloopt_op`, and only while the account waits for activation; a new
    link for the same account revokes the older ones.
    """

    medewerker = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, related_name="activatielinks"
    )
    sleutel_hash = models.CharField("sleutel (SHA-256)", max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField("aangemaakt op", auto_now_add=True)
    aangemaakt_door = models.ForeignKey(
        Medewerker, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verloopt_op = models.DateTimeField("verloopt op")
    gebruikt_op = models.DateTimeField("gebruikt op", null=True, blank=True)
    ingetrokken_op = models.DateTimeField("ingetrokken op", null=True, blank=True)

    class Meta:
        verbose_name = _("activatielink")
        verbose_name_plural = _("activatielinks")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(gebruikt_op__isnull=True)
                | models.Q(ingetrokken_op__isnull=True),
                name="activatielink_gebruikt_of_ingetrokken",
            ),
            models.UniqueConstraint(
                fields=["medewerker"],
                condition=models.Q(gebruikt_op__isnull=True, ingetrokken_op__isnull=True),
                name="activatielink_een_open_per_medewerker",
            ),
        ]

    def __str__(self) -> str:
        return f"activatielink {self.pk} van {self.medewerker_id}"


class RolverzoekStatus(models.TextChoices):
    OPEN = "open", _("wacht op goedkeuring")
    GOEDGEKEURD = "goedgekeurd", _("goedgekeurd")
    AFGEWEZEN = "afgewezen", _("afgewezen")
    INGETROKKEN = "ingetrokken", _("ingetrokken")


class Rolverzoek(models.Model):
    """A beheerder's request to give an account a role that sees participants' data.

    The role changes only when a teamleider approves, who is neither the requester nor
    the account itself (four eyes, also in the database). At most one open request per
    account; a newer one withdraws it.
    """

    medewerker = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, related_name="rolverzoeken"
    )
    rol = models.CharField("gevraagde rol", max_length=20, choices=ROL_KEUZES)
    vorige_rol = models.CharField(
        "rol bij het verzoek", max_length=20, blank=True, choices=ROL_KEUZES
    )
    aangevraagd_door = models.ForeignKey(
        Medewerker, on_delete=models.PROTECT, related_name="+", verbose_name="aangevraagd door"
    )
    aangevraagd_op = models.DateTimeField("aangevraagd op", auto_now_add=True)
    status = models.CharField(
        "status", max_length=20, choices=RolverzoekStatus.choices, default=RolverzoekStatus.OPEN
    )
    beoordeeld_door = models.ForeignKey(
        Medewerker,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="beoordeeld door",
    )
    beoordeeld_op = models.DateTimeField("beoordeeld op", null=True, blank=True)
    toelichting = models.CharField("toelichting", max_length=500, blank=True)

    class Meta:
        verbose_name = _("rolverzoek")
        verbose_name_plural = _("rolverzoeken")
        ordering = ["-aangevraagd_op", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["medewerker"],
                condition=models.Q(status="open"),
                name="rolverzoek_een_open_per_medewerker",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=RolverzoekStatus.values), name="rolverzoek_status"
            ),
            models.CheckConstraint(
                condition=models.Q(rol__in=[r.value for r in Rol]), name="rolverzoek_rol_geldig"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status="open", beoordeeld_op__isnull=True, beoordeeld_door=None)
                    | (~models.Q(status="open") & models.Q(beoordeeld_op__isnull=False))
                ),
                name="rolverzoek_beoordeeld_als_afgehandeld",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="goedgekeurd")
                | (
                    ~models.Q(beoordeeld_door=models.F("aangevraagd_door"))
                    & ~models.Q(beoordeeld_door=models.F("medewerker"))
                ),
                name="rolverzoek_vier_ogen",
            ),
        ]

    def __str__(self) -> str:
        return f"rolverzoek {self.pk}: {self.medewerker_id} -> {self.rol} ({self.status})"
