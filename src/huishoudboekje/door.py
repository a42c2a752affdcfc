"""Who did it: a staff member, or the system on someone's behalf (a command run by an OS
user, the demo generator, a background task). Services that write take `door: Door`;
what they store is the staff member (a foreign key, None for the system) and a name
that stays readable when the account is gone."""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from huishoudboekje.accounts.models import Medewerker


@dataclass(frozen=True)
class Systeem:
    """An actor that is no staff member. `pk` is None, like an anonymous user's, so the
    audit trail records it as the system; `naam` says on whose behalf."""

    naam: str
    pk: None = None

    def get_username(self) -> str:
        return self.naam

    @classmethod
    def opdrachtregel(cls, door: str = "") -> Systeem:
        """A command line run: `--door` when given, otherwise the operating-system user."""
        return cls(f"opdrachtregel: {door.strip() or _os_gebruiker()}")


def _os_gebruiker() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or password database
        return "onbekend"


DEMO = Systeem("demo-generator")
TAAK = Systeem("achtergrondtaak")

Door: TypeAlias = "Medewerker | Systeem"


def medewerker_van(door: Door | None) -> Medewerker | None:
    """The staff member to store in a foreign key (None for the system)."""
    return door if door is not None and getattr(door, "pk", None) else None  # type: ignore[return-value]


def naam_van(door: Door | None) -> str:
    """The name to store beside it: the username, or the system actor's description."""
    if door is None:
        return "systeem"
    return door.get_username()[:150]
