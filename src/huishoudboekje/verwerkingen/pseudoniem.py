"""The pseudonym of a data subject in the read log: HMAC-SHA256 of the BSN.

The log never stores a BSN. It stores `HMAC-SHA256(key, BSN)` as hex, so

- someone who reads the log table (a backup, an export) cannot tell whose BSN it is
  without the key;
- the participant, or the portal acting for them after DigiD login, can compute the
  same pseudonym from their own BSN and ask "wie heeft mijn gegevens bekeken", also for
  rows written before their record here was removed.

The key is `HHB_PSEUDONIEM_SLEUTEL`. When it is empty (the demo), a key is derived from
SECRET_KEY; production sets its own key and never changes it, or older rows can no longer
be found (a system check warns when it is missing outside demo mode).
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings

BETROKKENE_TYPE = "BSN"  # dpl.core.data_subject_id_type
_AFLEIDING = b"huishoudboekje:verwerkingen:pseudoniem:v1"


def sleutel() -> bytes:
    """The HMAC key: the configured one, or one derived from SECRET_KEY (demo)."""
    eigen = getattr(settings, "HHB_PSEUDONIEM_SLEUTEL", "") or ""
    if eigen:
        return eigen.encode()
    return hmac.new(settings.SECRET_KEY.encode(), _AFLEIDING, hashlib.sha256).digest()


def pseudoniem(bsn: str, *, met_sleutel: bytes | None = None) -> str:
    """64 hex characters; the same BSN and key always give the same pseudonym."""
    waarde = "".join(bsn.split())
    return hmac.new(met_sleutel or sleutel(), waarde.encode(), hashlib.sha256).hexdigest()
