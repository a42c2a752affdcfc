"""The log formatter of every handler: messages, tracebacks and stack traces pass
through `core.privacy.maskeer_persoonsgegevens`, so a BSN in a database error or an
IBAN in an exception message never reaches the ordinary logs."""

from __future__ import annotations

import logging
from typing import Any

from huishoudboekje.core.privacy import maskeer_persoonsgegevens


class MaskerendeFormatter(logging.Formatter):
    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        return maskeer_persoonsgegevens(super().formatMessage(record))

    def formatException(self, ei: Any) -> str:  # noqa: N802
        return maskeer_persoonsgegevens(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:  # noqa: N802
        return maskeer_persoonsgegevens(super().formatStack(stack_info))
