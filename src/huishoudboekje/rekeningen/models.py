from django.db import models
from django.utils.translation import gettext_lazy as _

from huishoudboekje.core.identificatie import formatteer_iban
from huishoudboekje.validators import valideer_bic, valideer_iban


class Rekening(models.Model):
    """A bank account. One IBAN exists once and may be linked to several departments,
    organisations or participants (e.g. a shared collection account)."""

    iban = models.CharField("IBAN", max_length=34, unique=True, validators=[valideer_iban])
    rekeninghouder = models.CharField("rekeninghouder", max_length=70)
    bic = models.CharField("BIC", max_length=11, blank=True, validators=[valideer_bic])

    class Meta:
        verbose_name = _("rekening")
        verbose_name_plural = _("rekeningen")
        ordering = ["iban"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(iban__contains=" "), name="rekening_iban_compact"
            ),
        ]

    def __str__(self) -> str:
        return f"{formatteer_iban(self.iban)} ({self.rekeninghouder})"

    @property
    def iban_weergave(self) -> str:
        return formatteer_iban(self.iban)
