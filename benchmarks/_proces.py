"""What the end-to-end benchmarks share: one step in a fresh process (so its peak memory
and time are its own), Django set up inside it, and a fresh municipality's database."""

from __future__ import annotations

import os
import subprocess
import sys


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
