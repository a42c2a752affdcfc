"""HOUSE.md: `core/` is pure Python. No module in it imports Django, DRF or another
part of the project, so the domain rules can be read, tested and reused on their own."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[1]
VERBODEN = ("django", "rest_framework", "drf_spectacular", "django_tasks")
MODULES = sorted(p for p in CORE.rglob("*.py") if "tests" not in p.relative_to(CORE).parts)


def _imports(pad: Path) -> set[str]:
    namen: set[str] = set()
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Import):
            namen.update(alias.name for alias in knoop.names)
        elif isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and knoop.module:
            namen.add(knoop.module)
    return namen


def test_er_zijn_modules_om_te_controleren() -> None:
    assert len(MODULES) > 20 and CORE / "schedules.py" in MODULES


@pytest.mark.parametrize("pad", MODULES, ids=lambda p: str(p.relative_to(CORE)))
def test_core_module_importeert_geen_django_en_geen_andere_app(pad: Path) -> None:
    fout = sorted(
        naam for naam in _imports(pad)
        if naam.split(".")[0] in VERBODEN
        or (naam.startswith("huishoudboekje") and not naam.startswith("huishoudboekje.core"))
    )
    assert not fout, f"{pad.relative_to(CORE)} importeert {fout}"
