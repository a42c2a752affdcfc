"""Building blocks of the role-matrix test (test_rolmatrix.py).

- `routes()` walks the project's URL resolver and says, per URL name, which right a
  view demands for reading and for writing (from `vereist_recht`, `lees_of_schrijf`
  or a DRF view's `lees_recht` / `schrijf_recht`).
- `vingerafdruk()` is a fingerprint of the whole database: per model the row count and
  a hash of every row, so "nothing changed" means nothing, not just "no new rows".
- `Schrijfactie` is one row of the explicit matrix: a URL name, how to set up the
  objects it needs, valid POST data and the roles that may do it.

Apps can contribute their rows without touching the test: put a list
`SCHRIJFACTIES: list[Schrijfactie]` in `huishoudboekje/<app>/tests/rolmatrix.py`.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from huishoudboekje.accounts.roles import RECHTEN, Recht, Rol

# Routes that are open or only about the session itself (no domain data).
OPEN_ROUTES = {
    "accounts:login",
    "accounts:tweede_factor",
    "accounts:logout",
    "accounts:mijn_account",  # one's own password and sessions, for every logged-in account
    "accounts:activeren",  # a new staff member's one-time link: the link is the credential
    "gezond",
    "set_language",
    "openapi",
    "start:home",
}

# URL names that say "this changes something". Such a view without a right is a bug.
SCHRIJFNAAM = re.compile(
    r"(^|[_:])(nieuw|wijzigen|verwijderen|aanmaken|koppelen|ontkoppelen|beeindigen|kopieren|"
    r"vervolg|opslaan|importeren|uploaden|goedkeuren|afwijzen|afletteren|boeken|ongedaan)($|_)"
)
SCHRIJFRECHTEN = frozenset(r for r in Recht if r.value.endswith(".wijzigen")) | {
    Recht.GEBRUIKERS_BEHEREN,
    Recht.ROLLEN_GOEDKEUREN,
    Recht.BANKAFSCHRIFTEN_IMPORTEREN,
    Recht.BOEKEN,
}
SCHRIJFMETHODEN = ("post", "put", "patch", "delete")

# Not part of the fingerprint: sessions and login bookkeeping change on every request.
_NIET_IN_VINGERAFDRUK = {"sessions", "axes", "contenttypes", "admin"}


_DUMMY = {"IntConverter": 999999, "UUIDConverter": "00000000-0000-0000-0000-000000000000"}


@dataclass(frozen=True)
class Route:
    naam: str
    pad: str
    callback: Callable[..., Any]
    converters: dict[str, Any]
    lees_recht: Recht | None
    schrijf_recht: Recht | None
    api: bool
    methoden: tuple[str, ...]  # write methods the route accepts ("post", ...), as far as known

    @property
    def beschermd(self) -> bool:
        return self.lees_recht is not None or self.schrijf_recht is not None

    @property
    def is_plaatshouder(self) -> bool:
        """The start page mounted under another app's name until that app's views exist."""
        from huishoudboekje.start.views import home

        return self.callback is home and self.naam != "start:home"

    @property
    def schrijft(self) -> bool:
        """Does this route change data (by its name, its right, or its HTTP methods)?"""
        return bool(
            SCHRIJFNAAM.search(self.naam)
            or (self.schrijf_recht is not None and self.schrijf_recht in SCHRIJFRECHTEN)
            or (self.api and self.methoden)
        )

    def dummy_kwargs(self) -> dict[str, Any]:
        """Values that fit the URL converters; the objects need not exist, because a
        denied request must be refused before the view looks anything up."""
        waarden: dict[str, Any] = {}
        for naam, converter in self.converters.items():
            soort = type(converter).__name__
            waarden[naam] = _DUMMY.get(soort, "999999" if converter is None else "x")
        return waarden


def _closure(functie: Any) -> dict[str, Any]:
    code = getattr(functie, "__code__", None)
    cellen = getattr(functie, "__closure__", None) or ()
    if code is None:
        return {}
    return {naam: cel.cell_contents for naam, cel in zip(code.co_freevars, cellen, strict=False)}


def rechten_van(callback: Any) -> tuple[Recht | None, Recht | None, bool, tuple[str, ...]]:
    """(read right, write right, is_api, write methods) of a view callback."""
    klasse = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if klasse is not None and hasattr(klasse, "permission_classes"):  # Django REST framework
        acties = getattr(callback, "actions", None)
        if acties:
            methoden = tuple(m for m in SCHRIJFMETHODEN if m in acties)
        else:
            methoden = tuple(m for m in SCHRIJFMETHODEN if hasattr(klasse, m))
        return (
            getattr(klasse, "lees_recht", None),
            getattr(klasse, "schrijf_recht", None),
            True,
            methoden,
        )
    if getattr(callback, "schrijf_recht", None) is not None:  # lees_of_schrijf exposing its rights
        return callback.lees_recht, callback.schrijf_recht, False, ("post",)
    if getattr(callback, "vereist_recht", None) is not None:
        return callback.vereist_recht, callback.vereist_recht, False, ("post",)
    vrij = _closure(callback)
    if isinstance(vrij.get("lezen"), Recht) and isinstance(vrij.get("schrijven"), Recht):
        return vrij["lezen"], vrij["schrijven"], False, ("post",)  # lees_of_schrijf (closure)
    return None, None, False, ()


def _parameters(patroon: Any) -> dict[str, Any]:
    """Converters of a path() pattern; for re_path() (e.g. DRF routers) the named groups."""
    converters = dict(getattr(patroon.pattern, "converters", {}) or {})
    for naam in patroon.pattern.regex.groupindex:
        converters.setdefault(naam, None)
    return converters


def _loop(
    patronen: list[Any], namespace: str = "", prefix: str = "", boven: dict[str, Any] | None = None
) -> Iterator[Route]:
    for patroon in patronen:
        if isinstance(patroon, URLResolver):
            ns = f"{namespace}{patroon.namespace}:" if patroon.namespace else namespace
            parameters = {**(boven or {}), **_parameters(patroon)}
            yield from _loop(patroon.url_patterns, ns, prefix + str(patroon.pattern), parameters)
        elif isinstance(patroon, URLPattern) and patroon.name:
            lezen, schrijven, api, methoden = rechten_van(patroon.callback)
            yield Route(
                naam=f"{namespace}{patroon.name}",
                pad=prefix + str(patroon.pattern),
                callback=patroon.callback,
                converters={**(boven or {}), **_parameters(patroon)},
                lees_recht=lezen,
                schrijf_recht=schrijven,
                api=api,
                methoden=methoden,
            )


def routes() -> list[Route]:
    """Every named route of the project, once per URL name (the first one wins, as in reverse)."""
    gezien: dict[str, Route] = {}
    for route in _loop(get_resolver().url_patterns):
        gezien.setdefault(route.naam, route)
    return sorted(gezien.values(), key=lambda r: r.naam)


def geweigerde_rollen(recht: Recht) -> list[Rol]:
    return [rol for rol in Rol if rol not in RECHTEN[recht]]


def vingerafdruk() -> dict[str, tuple[int, str]]:
    """Per model: (row count, sha256 of all rows in primary-key order)."""
    resultaat: dict[str, tuple[int, str]] = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label in _NIET_IN_VINGERAFDRUK or model._meta.proxy:
            continue
        rijen = list(model._default_manager.order_by("pk").values_list())
        resultaat[model._meta.label] = (
            len(rijen),
            hashlib.sha256(repr(rijen).encode()).hexdigest(),
        )
    return resultaat


def verschil(voor: dict[str, tuple[int, str]], na: dict[str, tuple[int, str]]) -> list[str]:
    return sorted(label for label in set(voor) | set(na) if voor.get(label) != na.get(label))


@dataclass(frozen=True)
class Schrijfactie:
    """One write action in the explicit matrix.

    naam:    URL name ("configuratie:rekening_nieuw").
    rollen:  the roles that MAY do it (the policy, written down independently of RECHTEN).
    opzet:   creates what the action needs; returns the URL kwargs.
    data:    valid POST data (a function of the kwargs); an allowed role must change the DB.
    label:   tells several actions on one URL apart ("deactiveren").
    ook_recht: a right the view demands on top of the route's for these objects (a
             participant's own account also needs the participant right): the allowed
             roles are those holding both.
    """

    naam: str
    rollen: frozenset[Rol]
    opzet: Callable[[], dict[str, Any]] = field(default=lambda: {})
    data: Callable[[dict[str, Any]], dict[str, Any]] = field(default=lambda kwargs: {})
    label: str = ""
    methode: str = "post"
    json: bool = False
    ook_recht: Recht | None = None

    @property
    def id(self) -> str:
        return f"{self.naam}[{self.label}]" if self.label else self.naam


def bijdragen_van_apps() -> list[Schrijfactie]:
    """Matrix rows that apps keep next to their own tests (`<app>/tests/rolmatrix.py`)."""
    rijen: list[Schrijfactie] = []
    for app in apps.get_app_configs():
        if not app.name.startswith("huishoudboekje.") or app.label == "accounts":
            continue
        try:
            module = importlib.import_module(f"{app.name}.tests.rolmatrix")
        except ModuleNotFoundError as exc:
            if exc.name not in (f"{app.name}.tests", f"{app.name}.tests.rolmatrix"):
                raise
            continue
        rijen.extend(getattr(module, "SCHRIJFACTIES", []))
    return rijen
