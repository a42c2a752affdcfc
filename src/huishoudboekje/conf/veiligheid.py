"""Checks the settings module runs before anything starts: outside demo mode the app
refuses to run with the demo secret key, or an empty or short one.

A plain function (no Django settings needed), so the rule is tested on its own and the
settings module raises the same clear ImproperlyConfigured the test expects.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

DEMO_SLEUTEL = "demo-only-insecure-key-change-me-in-production-0123456789"
MINIMALE_LENGTE = 50  # as Django's own deployment check (security.W009)
MINIMAAL_VERSCHILLEND = 5

MELDING = (
    "SECRET_KEY {reden}. Buiten de demo (HHB_DEMO is niet 'true') start Huishoudboekje "
    "alleen met een eigen geheime sleutel van minstens {lengte} tekens: zet SECRET_KEY, "
    "bijvoorbeeld op de uitvoer van "
    'python -c "import secrets; print(secrets.token_urlsafe(50))". '
    "Alleen voor de demo: HHB_DEMO=true. Zie docs/operations.md."
)


def reden_onveilige_sleutel(sleutel: str) -> str | None:
    """Why `sleutel` is not fit for production, or None when it is."""
    if not sleutel:
        return "ontbreekt"
    if sleutel == DEMO_SLEUTEL:
        return "is de demo-sleutel"
    if sleutel.startswith("django-insecure"):
        return "is een door Django gegenereerde ontwikkelsleutel"
    if len(sleutel) < MINIMALE_LENGTE:
        return f"is te kort ({len(sleutel)} tekens)"
    if len(set(sleutel)) < MINIMAAL_VERSCHILLEND:
        return "heeft te weinig verschillende tekens"
    return None


def controleer_geheime_sleutel(sleutel: str, *, demo: bool) -> None:
    """Raise ImproperlyConfigured when not in demo mode and the key is unfit."""
    if demo:
        return
    reden = reden_onveilige_sleutel(sleutel)
    if reden is not None:
        raise ImproperlyConfigured(MELDING.format(reden=reden, lengte=MINIMALE_LENGTE))
