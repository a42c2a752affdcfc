"""OIDC single sign-on for staff (mozilla-django-oidc), enabled by OIDC_RP_CLIENT_ID.

Staff accounts are matched on e-mail address; by default no account is created on
first login (OIDC_CREATE_USER=false), so the functional administrator decides who has
which role. See docs/operations.md.
"""

from typing import Any

from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class MedewerkerOIDCBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        email = claims.get("email")
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)
