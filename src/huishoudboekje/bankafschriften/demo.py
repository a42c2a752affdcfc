"""Demo bank statements: generate M months of statements for the demo municipality just
loaded, write them as files in every format and dialect, import them (with automatic
matching) and measure the result against the generator's ground truth."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import timezone

from huishoudboekje.accounts.models import Medewerker
from huishoudboekje.afspraken.models import Afspraak
from huishoudboekje.boekhouding.afletteren import Afletteraar
from huishoudboekje.boekhouding.services_boeken import Boekdeel, Boekfout, journaalposten_boeken
from huishoudboekje.burgers.demo_laden import DemoDataFout, Samenvatting
from huishoudboekje.configuratie.models import Gemeente, GemeenteRekening
from huishoudboekje.demogegevens.afschriftbestanden import schrijf_bestanden
from huishoudboekje.demogegevens.afschriften import Afschriftenset, Waarheid, genereer_afschriften
from huishoudboekje.door import DEMO

from .evaluatie import Evaluatie, evalueer
from .models import Banktransactie, Importbron
from .services import bankafschrift_importeren

WERKVOORRAAD_DAGEN = 14  # the last two weeks stay for the back office to handle
ZELF_TE_BOEKEN = frozenset(
    {
        "inkomen",
        "incasso",
        "overschrijving",
        "leefgeld",
        "batch",
        "dubbel",
        "afwijkend_bedrag",
        "terugbetaling",
    }
)


@dataclass
class Demoafschriften:
    bestanden: int = 0
    transacties: int = 0
    automatisch: int = 0
    fouten: list[str] = field(default_factory=list)
    evaluatie: Evaluatie | None = None
    handmatig: int = 0  # booked by the demo back office (older than the work list)


def eerste_maand(peildatum: dt.date, maanden: int) -> dt.date:
    """The first day of the month `maanden` months before the peildatum's month."""
    index = peildatum.year * 12 + peildatum.month - 1 - maanden
    return dt.date(index // 12, index % 12 + 1, 1)


def demo_afschriftenset(
    samenvatting: Samenvatting,
    *,
    maanden: int,
    seed: int,
    peildatum: dt.date | None,
    tot_gisteren: bool = False,
) -> Afschriftenset:
    """`maanden` whole months before the peildatum's month (the benchmark). With
    `tot_gisteren` (the demo) the statements run through yesterday, over this month and
    the `maanden - 1` before it, and begin 12 days before those: the late-month incomes
    that pay the first month's leefgeld and rent are in, as they would be in a
    municipality that has been running for years."""
    if samenvatting.gemeente is None:
        raise DemoDataFout("Er zijn geen demo-gegevens om afschriften voor te maken.")
    rekening = GemeenteRekening.objects.order_by("pk").first()
    if rekening is None:
        raise DemoDataFout(
            "De gemeente heeft nog geen eigen rekening; laad eerst de configuratie "
            "(hhb laad-configuratie config/demo-gemeente.yaml)."
        )
    gemeente = Gemeente.objects.filter(pk=1).first()
    vandaag = peildatum or timezone.localdate()
    van = eerste_maand(vandaag, maanden)
    if tot_gisteren:
        van = eerste_maand(vandaag, maanden - 1) - dt.timedelta(days=12)
    return genereer_afschriften(
        samenvatting.gemeente,
        van=van,
        tot=vandaag - dt.timedelta(days=1) if tot_gisteren else None,
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
    reeks = demo_afschriftenset(
        samenvatting, maanden=maanden, seed=seed, peildatum=peildatum, tot_gisteren=True
    )
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
                    door=DEMO,
                    bron=Importbron.DEMO,
                    afletteraar=afletteraar,
                )
            uitkomst.transacties += r.nieuw
            uitkomst.automatisch += r.automatisch
            uitkomst.fouten.extend(r.fouten)
    waarheid = [w for dag in reeks for w in dag.waarheid]  # the demo is small
    uitkomst.evaluatie = evalueer(waarheid, samenvatting.afspraak_ids)
    uitkomst.handmatig = eerder_werk_van_de_backoffice(
        waarheid,
        samenvatting.afspraak_ids,
        tot=reeks.dagen[-1] - dt.timedelta(days=WERKVOORRAAD_DAGEN),
    )
    return uitkomst


def eerder_werk_van_de_backoffice(
    waarheid: Iterable[Waarheid], afspraak_ids: Sequence[int], *, tot: dt.date
) -> int:
    """The demo's history: a running municipality has handled what the matcher left open
    before the last weeks. Books each transaction before `tot` that is still open and that
    belongs to an agreement (a changed amount, a salary paid twice, an energy refund, ...)
    by hand, as the demo back-office employee, through the ordinary booking service (so
    with audit lines). Unknown senders and payments after the end of a participation stay
    open: they are the back office's work list, as are the last weeks."""
    door = Medewerker.objects.filter(username="backoffice").first() or DEMO
    te_boeken = {
        w.sleutel: afspraak_ids[w.afspraak]
        for w in waarheid
        if w.boekdatum < tot and w.afspraak is not None and w.soort in ZELF_TE_BOEKEN
    }
    afspraken = Afspraak.objects.in_bulk(set(te_boeken.values()))
    geboekt = 0
    for transactie in Banktransactie.objects.filter(
        geboekt=0, bankreferentie__in=list(te_boeken)
    ).order_by("boekdatum", "pk"):
        afspraak = afspraken[te_boeken[transactie.bankreferentie]]
        try:
            journaalposten_boeken(
                door=door,
                transactie_id=transactie.pk,
                delen=[Boekdeel(bedrag=transactie.bedrag, afspraak=afspraak)],
                toelichting="Door de backoffice beoordeeld en geboekt.",
            )
        except Boekfout:
            continue  # e.g. a direction that does not fit: stays on the work list
        geboekt += 1
    return geboekt
