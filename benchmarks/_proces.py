"""What the end-to-end benchmarks share: one step in a fresh process (so its peak memory
and time are its own), Django set up inside it, and a fresh municipality's database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterable


def stap_in(module: str, *argumenten: str, url: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m module argumenten...` on database `url`, output captured."""
    return subprocess.run(  # noqa: S603 (our own module)
        [sys.executable, "-m", module, *argumenten],
        env={**os.environ, "DATABASE_URL": url, "HHB_OTP_REQUIRED": "false"},
        capture_output=True,
        text=True,
        check=False,
    )


def django_opzetten() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "huishoudboekje.conf.settings")
    import django

    django.setup()


def gemeente_klaarzetten() -> None:
    """Migrate the (empty) database and load the demo municipality's configuration."""
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as stil:
        call_command("laad-configuratie", "config/demo-gemeente.yaml", stdout=stil)


def genereer_en_importeer(
    module: str, groottes: Iterable[int], maanden: int, regel: Callable[[str, int, dict], str]
) -> None:
    """Per size and database (`afschriften.databases`): build the municipality, then import
    and score it, each in a fresh process of `module`; print `regel` of the figures."""
    from benchmarks.afschriften import databases

    for grootte in groottes:
        for db, url, map_ in databases():
            proces = stap_in(module, "genereer", str(grootte), str(maanden), map_, url=url)
            if proces.returncode == 0:
                proces = stap_in(module, "importeer", map_, url=url)
            if proces.returncode != 0:
                print(f"{db} {grootte:,}: MISLUKT\n{proces.stderr[-3000:]}", flush=True)
                continue
            cijfers = json.loads(proces.stdout.strip().splitlines()[-1])
            print(regel(db, grootte, cijfers), flush=True)
