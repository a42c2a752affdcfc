"""W3C Trace Context for the read log: the trace id of a request.

The Logboek Dataverwerkingen standard groups the processing of one request under one
trace id (16 bytes) and gives each logged action its own operation (span) id (8 bytes).
A `traceparent` header from a gateway or another application is honoured, so its trace
continues here; otherwise the request starts a new trace. The response carries
`traceresponse` (W3C Trace Context level 2) so staff can quote the trace of a page.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

_TRACEPARENT = re.compile(r"^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$")
_NUL_TRACE = "0" * 32
_NUL_SPAN = "0" * 16


def nieuwe_span_id() -> str:
    return secrets.token_hex(8)


@dataclass(frozen=True)
class Trace:
    trace_id: str  # 32 hex
    span_id: str  # 16 hex: this request's own operation

    @property
    def traceresponse(self) -> str:
        return f"00-{self.trace_id}-{self.span_id}-01"


def trace_van(traceparent: str | None) -> Trace:
    """The trace of a request: continued from a valid `traceparent`, or a new one."""
    gevonden = _TRACEPARENT.match((traceparent or "").strip().lower())
    if gevonden:
        versie, trace_id, ouder, _vlaggen = gevonden.groups()
        if versie != "ff" and trace_id != _NUL_TRACE and ouder != _NUL_SPAN:
            return Trace(trace_id, nieuwe_span_id())
    return Trace(secrets.token_hex(16), nieuwe_span_id())
