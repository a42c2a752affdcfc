"""CSV exports for the auditor (audit trail, read log), made for Excel in Dutch:
semicolon-separated, UTF-8 with a byte order mark, columns in Dutch, streamed row by row.

No formula injection: a cell that starts with = + - @ (or a tab or carriage return,
which Excel also reads as the start of a formula) gets a leading apostrophe, so a name
such as "=HYPERLINK(...)" typed into a form is shown as text, never run.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from django.http import StreamingHttpResponse
from django.utils import timezone

BOM = "\ufeff"
_FORMULE_BEGIN = ("=", "+", "-", "@", "\t", "\r")


def veilige_cel(waarde: Any) -> str:
    """The text of a cell, defused when a spreadsheet would read it as a formula."""
    tekst = "" if waarde is None else str(waarde)
    return f"'{tekst}" if tekst.startswith(_FORMULE_BEGIN) else tekst


def tijdstip_cel(moment: dt.datetime | None) -> str:
    """A timestamp as Excel reads it in Dutch: 04-12-2026 09:05:03 (local time)."""
    return "" if moment is None else f"{timezone.localtime(moment):%d-%m-%Y %H:%M:%S}"


class _Doorgeefluik:
    """A file-like object whose write returns what it got (for csv.writer in a stream)."""

    def write(self, tekst: str) -> str:
        return tekst


def csv_regels(kolommen: list[str], rijen: Iterable[list[Any]]) -> Iterator[str]:
    schrijver = csv.writer(_Doorgeefluik(), delimiter=";", lineterminator="\r\n")
    yield BOM + schrijver.writerow([veilige_cel(k) for k in kolommen])
    for rij in rijen:
        yield schrijver.writerow([veilige_cel(cel) for cel in rij])


def csv_antwoord(
    bestandsnaam: str, kolommen: list[str], rijen: Iterable[list[Any]]
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        csv_regels(kolommen, rijen), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    response["Cache-Control"] = "no-store"
    return response
