"""Server-side authorisation for views and API: every view names the right it needs.

A refusal says what is missing: `Geweigerd` carries the right, and its message names the
roles that hold it and the role of the staff member ("Voor deze pagina is de rol
Backoffice of Teamleider nodig; u bent ingelogd als Frontoffice."). Django's 403 view
shows that message in the project's layout (templates/403.html); the API returns it as
the problem's `detail`.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from rest_framework.permissions import BasePermission

from .roles import ROL_LABELS, Recht, Rol, rollen_met

LEESMETHODEN = ("GET", "HEAD", "OPTIONS")


def geweigerd_melding(gebruiker: Any, *rechten: Recht, pagina: bool = True) -> str:
    """'Voor deze pagina is de rol A of B nodig; u bent ingelogd als C.' (in the language
    of the request). With several rights: the roles that hold all of them."""
    nodig = [str(ROL_LABELS[rol]) for rol in rollen_met(*rechten)]
    rol = getattr(gebruiker, "rol", "") or ""
    huidige = str(ROL_LABELS[Rol(rol)]) if rol in set(Rol) else ""
    wat = _("deze pagina") if pagina else _("deze actie")
    if not nodig:
        eerste = _("%(wat)s is voor geen enkele rol beschikbaar") % {"wat": wat}
    else:
        eerste = _("Voor %(wat)s is de rol %(rollen)s nodig") % {
            "wat": wat,
            "rollen": get_text_list(nodig, _("of")),
        }
    if huidige:
        tweede = _("u bent ingelogd als %(rol)s") % {"rol": huidige}
    else:
        tweede = _("uw account heeft nog geen rol; vraag een functioneel beheerder")
    return f"{eerste[:1].upper()}{eerste[1:]}; {tweede}."


class Geweigerd(PermissionDenied):
    """PermissionDenied that knows which right was missing (`rechten`: all are needed)."""

    def __init__(self, gebruiker: Any, *rechten: Recht, pagina: bool = True) -> None:
        self.rechten = rechten
        super().__init__(geweigerd_melding(gebruiker, *rechten, pagina=pagina))


def controleer_recht(request: HttpRequest, *rechten: Recht) -> None:
    """Raise `Geweigerd` unless the logged-in staff member holds every one of `rechten`
    (for checks inside a view that depend on the object, e.g. a participant's account)."""
    gebruiker = request.user
    if not gebruiker.is_authenticated or not all(gebruiker.mag(r) for r in rechten):  # type: ignore[union-attr]
        raise Geweigerd(gebruiker, *rechten, pagina=request.method in LEESMETHODEN)


def vereist_recht(
    recht: Recht,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorator: 403 unless the logged-in staff member's role grants `recht`."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            controleer_recht(request, recht)
            return view(request, *args, **kwargs)

        wrapper.vereist_recht = recht  # type: ignore[attr-defined]
        return wrapper

    return decorator


def lees_of_schrijf(lezen: Recht, schrijven: Recht) -> Callable[..., HttpResponse]:
    """Decorator for views that read on GET and write on POST."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            controleer_recht(request, lezen if request.method in LEESMETHODEN else schrijven)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator  # type: ignore[return-value]


class HeeftRecht(BasePermission):
    """DRF permission: the view sets `lees_recht` and `schrijf_recht`."""

    def has_permission(self, request: Any, view: Any) -> bool:
        lezen = request.method in LEESMETHODEN
        recht = view.lees_recht if lezen else view.schrijf_recht
        gebruiker = request.user
        if gebruiker and gebruiker.is_authenticated and gebruiker.mag(recht):
            return True
        if gebruiker and gebruiker.is_authenticated:
            self.message = geweigerd_melding(gebruiker, recht, pagina=lezen)
        return False
