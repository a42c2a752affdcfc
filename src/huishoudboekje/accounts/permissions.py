"""Server-side authorisation for views and API: every view names the right it needs."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from rest_framework.permissions import BasePermission

from .roles import Recht


def vereist_recht(
    recht: Recht,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorator: 403 unless the logged-in staff member's role grants `recht`."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated or not request.user.mag(recht):
                raise PermissionDenied(f"Uw rol geeft geen recht op: {recht.value}")
            return view(request, *args, **kwargs)

        wrapper.vereist_recht = recht  # type: ignore[attr-defined]
        return wrapper

    return decorator


def lees_of_schrijf(lezen: Recht, schrijven: Recht) -> Callable[..., HttpResponse]:
    """Decorator for views that read on GET and write on POST."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            recht = lezen if request.method in ("GET", "HEAD", "OPTIONS") else schrijven
            if not request.user.is_authenticated or not request.user.mag(recht):
                raise PermissionDenied(f"Uw rol geeft geen recht op: {recht.value}")
            return view(request, *args, **kwargs)

        return wrapper

    return decorator  # type: ignore[return-value]


class HeeftRecht(BasePermission):
    """DRF permission: the view sets `lees_recht` and `schrijf_recht`."""

    def has_permission(self, request: Any, view: Any) -> bool:
        recht = (
            view.lees_recht if request.method in ("GET", "HEAD", "OPTIONS") else view.schrijf_recht
        )
        return bool(request.user and request.user.is_authenticated and request.user.mag(recht))
