"""Every page needs a logged-in staff member (and, where required, a verified second
factor), except the login and activation pages, static files and the health check."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from .oidc import tweede_factor_nodig

OPEN_PREFIXES = (
    "/accounts/login",
    "/accounts/activeren/",
    "/static/",
    "/gezond",
    "/i18n/",
    "/oidc/",
    "/api/v1/openapi",
)


class LoginRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        pad = request.path
        if pad.startswith(OPEN_PREFIXES):
            return self.get_response(request)
        gebruiker = request.user
        if not gebruiker.is_authenticated:
            if pad.startswith("/api/"):
                return JsonResponse(
                    {"type": "about:blank", "title": "Niet ingelogd", "status": 401},
                    status=401, content_type="application/problem+json",
                )
            return redirect(f"{reverse('accounts:login')}?next={pad}")
        if tweede_factor_nodig(request):
            tweede = reverse("accounts:tweede_factor")
            if not pad.startswith(tweede) and not pad.startswith(reverse("accounts:logout")):
                return redirect(tweede)
        return self.get_response(request)
