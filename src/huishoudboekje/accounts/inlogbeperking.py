"""Login throttling (django-axes) with a limit per kind of lock.

django-axes counts failed logins per combination in AXES_LOCKOUT_PARAMETERS and locks
when the highest count reaches one AXES_FAILURE_LIMIT. We lock on three counts:

- username alone: password spraying against one account from many addresses (a
  botnet) is stopped after AXES_FAILURE_LIMIT failures, whatever the IP address;
- username + IP address: the classic guessing from one place (same limit);
- IP address alone: one address trying many usernames. A whole town hall usually
  shares one public address, so this count gets a higher limit of its own
  (HHB_INLOG_LIMIET_IP), or five colleagues' typos would lock everybody out.

The handler scales each count to the one limit axes compares with, so axes itself
(lockout, cool-off, reset on success, its admin commands) works as documented.
"""

from __future__ import annotations

from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit, get_lockout_parameters
from django.conf import settings
from django.db.models import Sum


def _limiet_van(parameter: str | list[str], standaard: int) -> int:
    if parameter == "ip_address" or parameter == ["ip_address"]:
        return int(getattr(settings, "HHB_INLOG_LIMIET_IP", standaard))
    return standaard


class InlogBeperking(AxesDatabaseHandler):  # type: ignore[misc]
    def get_failures(self, request: Any, credentials: dict[str, Any] | None = None) -> int:
        limiet = get_failure_limit(request, credentials)
        parameters = get_lockout_parameters(request, credentials)
        pogingen = self.get_user_attempts(request, credentials)
        hoogste = 0
        for parameter, rijen in zip(parameters, pogingen, strict=True):
            aantal = rijen.aggregate(n=Sum("failures_since_start"))["n"] or 0
            hoogste = max(hoogste, aantal * limiet // _limiet_van(parameter, limiet))
        return hoogste
