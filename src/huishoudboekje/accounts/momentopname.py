"""The snapshot of a staff member in the audit trail: never a secret."""

from typing import Any

from huishoudboekje.audit.services import momentopname

from .models import Medewerker

# Never in an audit snapshot: secrets, and bookkeeping that changes on every login.
_NIET_IN_AUDIT = {"password", "last_login", "sessiesleutel"}


def medewerker_momentopname(medewerker: Medewerker) -> dict[str, Any]:
    """Snapshot of a staff member for the audit trail, without the password hash."""
    return {k: v for k, v in momentopname(medewerker).items() if k not in _NIET_IN_AUDIT}
