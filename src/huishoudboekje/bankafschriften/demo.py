"""Demo bank statements: generate M months of statements for the demo municipality just
loaded, write them as files in every format and dialect, import them (with automatic
matching) and measure the result against the generator's ground truth."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone

from huishoudboekje.boekhouding.afletteren import Afletteraar
from huishoudboekje.burgers.demo_laden import DemoDataFout, Samenvatting
from huishoudboekje.configuratie.models import Gemeente, GemeenteRekening
from huishoudboekje.core.demo.afschriftbestanden import schrijf_bestanden
from huishoudboekje.core.demo.afschriften import Afschriftenset, genereer_afschriften

from .evaluatie import Evaluatie, evalueer
from .models import Importbron
from .services import bankafschrift_importeren


@dataclass
class Demoafschriften:
    bestanden: int = 0
    transacties: int = 0
    automatisch: int = 0
    fouten: list[str] = field(default_factory=list)
    evaluatie: Evaluatie | None = None


def eerste_maand(peildatum: dt.date, maanden: int) -> dt.date:
    """The first day of the month `maanden` months before the peildatum's month."""
    index = peildatum.year * 12 + peildatum.month - 1 - maanden
    return dt.date(index // 12, index % 12 + 1, 1)


def demo_afschriftenset(
    samenvatting: Samenvatting, *, maanden: int, seed: int, peildatum: dt.date | None
) -> Afschriftenset:
    if samenvatting.gemeente is None:
        raise DemoDataFout("Er zijn geen demo-gegevens om afschriften voor te maken.")
    rekening = GemeenteRekening.objects.order_by("pk").first()
    if rekening is None:
        raise DemoDataFout(
            "De gemeente heeft nog geen eigen rekening; laad eerst de configuratie "
            "(hhb laad-configuratie config/demo-gemeente.yaml)."
        )
    gemeente = Gemeente.objects.filter(pk=1).first()
    return genereer_afschriften(
        samenvatting.gemeente,
        van=eerste_maand(peildatum or timezone.localdate(), maanden),
        maanden=maanden,
        seed=seed,
        gemeente_iban=rekening.iban,
        bedragmarge=gemeente.alarm_marge_bedrag if gemeente else 1000,
    )


def demo_afschriften_laden(
    samenvatting: Samenvatting,
    *,
    maanden: int,
    seed: int,
    map: Path | None = None,
    peildatum: dt.date | None = None,
) -> Demoafschriften:
    """Write the statements to `map` (default: a temporary folder) and import them."""
    reeks = demo_afschriftenset(samenvatting, maanden=maanden, seed=seed, peildatum=peildatum)
    with tempfile.TemporaryDirectory(prefix="hhb-afschriften-") as tijdelijk:
        doel = map or Path(tijdelijk)
        paden = schrijf_bestanden(reeks, doel)
        uitkomst = Demoafschriften(bestanden=len(paden))
        afletteraar = Afletteraar()
        for pad in paden:
            with pad.open("rb") as stream:
                r = bankafschrift_importeren(
                    stream=stream,
                    bestandsnaam=pad.name,
                    door=None,
                    bron=Importbron.DEMO,
                    afletteraar=afletteraar,
                )
            uitkomst.transacties += r.nieuw
            uitkomst.automatisch += r.automatisch
            uitkomst.fouten.extend(r.fouten)
    uitkomst.evaluatie = evalueer(
        (w for dag in reeks for w in dag.waarheid), samenvatting.afspraak_ids
    )
    return uitkomst
