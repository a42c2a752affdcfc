"""Counts on screen are grouped by thousands in the staff member's language."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation


@pytest.mark.parametrize(
    ("taal", "waarde", "verwacht"),
    [
        ("nl", 5136, "5.136"),
        ("en", 5136, "5,136"),
        ("nl", 999, "999"),
        ("nl", 1000000, "1.000.000"),
    ],
)
def test_getal(taal: str, waarde: int, verwacht: str) -> None:
    with translation.override(taal):
        assert Template("{{ n|getal }}").render(Context({"n": waarde})) == verwacht


def test_getal_leeg() -> None:
    assert Template("{{ n|getal }}").render(Context({"n": None})) == ""
