"""Every text field of every form has a maximum length, so no form lets a megabyte of
text through to a service (a guard for forms still to come: add `max_length`)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from django import forms

import huishoudboekje


def _formulieren() -> list[tuple[str, type[forms.BaseForm]]]:
    gevonden = []
    for module in pkgutil.walk_packages(huishoudboekje.__path__, "huishoudboekje."):
        naam = module.name
        if ".tests" in naam or not naam.rsplit(".", 1)[-1].startswith("forms"):
            continue
        geladen = importlib.import_module(naam)
        for _, klasse in inspect.getmembers(geladen, inspect.isclass):
            if issubclass(klasse, forms.BaseForm) and klasse.__module__ == naam:
                gevonden.append((naam.removeprefix("huishoudboekje."), klasse))
    return gevonden


def test_formulieren_gevonden():
    namen = {klasse.__name__ for _, klasse in _formulieren()}
    assert {"AfspraakFormulier", "BurgerFormulier", "ZoekFormulier"} <= namen


def test_elk_tekstveld_heeft_een_maximale_lengte():
    zonder = [
        f"{module}.{klasse.__name__}.{veld}"
        for module, klasse in _formulieren()
        for veld, definitie in klasse.base_fields.items()
        if type(definitie) is forms.CharField
        and definitie.max_length is None
        # passwords are hashed, never stored as typed; Django's validators judge them
        and not isinstance(definitie.widget, forms.PasswordInput)
    ]
    assert not zonder, f"Tekstvelden zonder max_length: {zonder}"
