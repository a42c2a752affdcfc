"""Importing bank statement files: one file completely or not at all.

The file is read as a stream (`core.bank.lezen.lees`), so memory stays flat however
large it is. Per statement: the account must be one of the municipality's own, the
currency EUR, and opening balance + entries must equal the closing balance; otherwise the
whole file is refused and nothing changes. Each transaction gets a key from its bank
reference, end-to-end id and content (plus an occurrence number for identical lines in
one statement), unique per account in the database: importing a file twice, or two
overlapping statements, never creates a duplicate. The same day in the other format
(camt.053 after MT940 or the reverse) is recognised by date, amount and counterparty.
The account row is locked for the import, so two imports of the same account at the
same moment run one after the other.

New transactions are matched as they are stored (`boekhouding.afletteren`): the clear
cases are booked at once, every decision is recorded on the transaction.
"""

from __future__ import annotations

import hashlib
import io
import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from huishoudboekje.boekhouding.afletteren import Afletteraar, als_te_matchen
from huishoudboekje.boekhouding.models import Journaalpost
from huishoudboekje.bulk import invoegen
from huishoudboekje.configuratie.models import GemeenteRekening
from huishoudboekje.core.bank.camt_xsd import MAX_XSD_BYTES, valideer_xsd
from huishoudboekje.core.bank.lezen import detecteer_formaat, lees
from huishoudboekje.core.bank.model import Afschriftkop, Afschriftslot, Bestandsfout, Transactie
from huishoudboekje.core.identificatie import formatteer_iban
from huishoudboekje.core.money import formatteer_bedrag

from .meldingen import BOTSING, DATABASE_ONBESCHIKBAAR, databasefout, waarschuwingen
from .models import Bankafschrift, Banktransactie, Importbestand, Importbron

logger = logging.getLogger(__name__)

BATCH = 2000
# XSD validation needs the whole document in memory; above this size only the streaming
# reader checks the file, so an import's memory stays flat however large the file is.
XSD_GRENS = min(5 * 1024 * 1024, MAX_XSD_BYTES)


class Importfout(ValueError):
    """The file is refused for a reason of content (not of syntax); Dutch message."""


@dataclass
class Bestandsresultaat:
    bestandsnaam: str
    gelukt: bool = False
    formaat: str = ""
    afschriften: int = 0
    transacties: int = 0
    nieuw: int = 0
    dubbel: int = 0
    automatisch: int = 0
    fouten: list[str] = field(default_factory=list)
    waarschuwingen: list[str] = field(default_factory=list)
    importbestand_id: int | None = None


class _Meelezer(io.RawIOBase):
    """Passes the stream through while counting bytes and computing its SHA-256."""

    def __init__(self, bron: BinaryIO) -> None:
        self.bron = bron
        self.sha = hashlib.sha256()
        self.grootte = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.bron.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.sha.update(data)
        self.grootte += n
        return n


def _inhoud(iban: str, t: Transactie) -> tuple[str, ...]:
    """What identifies a transaction: bank reference, end-to-end id and content."""
    return (
        iban,
        t.boekdatum.isoformat(),
        str(t.bedrag),
        t.bankreferentie,
        t.end_to_end_id,
        t.tegen_iban,
        " ".join(t.omschrijving.split()).lower(),
        t.mandaat_id,
    )


def sleutel_voor(iban: str, t: Transactie, volgnummer: int) -> str:
    """The import key: `_inhoud` plus the occurrence number of identical lines (by that
    same content) within one statement."""
    return hashlib.sha256("\x1f".join((*_inhoud(iban, t), str(volgnummer))).encode()).hexdigest()


def _door_naam(door: Any) -> str:
    return door.get_username() if getattr(door, "pk", None) else "systeem"


class _Import:
    """State of one file's import (inside one database transaction)."""

    def __init__(
        self, *, bestandsnaam: str, door: Any, bron: str, afletteraar: Afletteraar | None
    ) -> None:
        self.resultaat = Bestandsresultaat(bestandsnaam=bestandsnaam)
        self.door = door
        self.bron = bron
        self.afletteraar = afletteraar
        self.bestand: Importbestand | None = None
        self.afschrift: Bankafschrift | None = None
        self.kop: Afschriftkop | None = None
        self.rekening: GemeenteRekening | None = None
        self.buffer: list[Transactie] = []
        self.som = 0
        self.aantal = 0
        self.gezien: Counter[tuple[object, ...]] = Counter()
        self.kern_gezien: Counter[tuple[object, ...]] = Counter()  # over the whole file
        self.ander_formaat = 0  # lines already imported from the other format
        self.zonder_saldi: list[str] = []  # statements whose balances could not be checked
        self.nu = timezone.now()

    # -- events -----------------------------------------------------------------------------
    def begin(self, kop: Afschriftkop) -> None:
        if kop.valuta and kop.valuta.upper() != "EUR":
            raise Importfout(
                _(
                    "Afschrift %(afschrift)s is in %(valuta)s; alleen euro-afschriften kunnen "
                    "worden ingelezen."
                )
                % {"afschrift": kop.afschrift_id or "", "valuta": kop.valuta}
            )
        rekening = (
            GemeenteRekening.objects.select_for_update().filter(iban=kop.rekening_iban).first()
        )
        if rekening is None:
            raise Importfout(
                _(
                    "Rekening %(iban)s is geen rekening van de gemeente. Alleen afschriften van "
                    "de eigen rekeningen (zie Configuratie) worden ingelezen."
                )
                % {"iban": formatteer_iban(kop.rekening_iban)}
            )
        if self.bestand is None:
            self.bestand = Importbestand.objects.create(
                bestandsnaam=self.resultaat.bestandsnaam[:255],
                sha256="",
                grootte=0,
                formaat=kop.formaat,
                bron=self.bron,
                geimporteerd_door=self.door if getattr(self.door, "pk", None) else None,
                geimporteerd_door_naam=_door_naam(self.door),
            )
            self.resultaat.formaat = kop.formaat
        self.kop, self.rekening = kop, rekening
        self.afschrift = Bankafschrift.objects.create(
            importbestand=self.bestand,
            rekening=rekening,
            formaat=kop.formaat,
            dialect=kop.dialect,
            afschrift_id=kop.afschrift_id[:100],
            volgnummer=kop.volgnummer[:40],
            begindatum=kop.begindatum,
            einddatum=kop.einddatum,
            beginsaldo=kop.beginsaldo,
            eindsaldo=kop.eindsaldo,
        )
        self.som = self.aantal = 0
        self.gezien.clear()
        self.resultaat.afschriften += 1

    def transactie(self, t: Transactie) -> None:
        if self.afschrift is None:
            raise Bestandsfout("Transactie buiten een afschrift.")
        self.buffer.append(t)
        self.som += t.bedrag
        self.aantal += 1
        if len(self.buffer) >= BATCH:
            self.schrijf()

    def einde(self, slot: Afschriftslot) -> None:
        self.schrijf()
        assert self.afschrift is not None and self.kop is not None
        afschrift = self.afschrift
        eindsaldo = slot.eindsaldo if slot.eindsaldo is not None else self.kop.eindsaldo
        afschrift.eindsaldo = eindsaldo
        afschrift.einddatum = slot.einddatum or self.kop.einddatum
        afschrift.aantal_transacties = self.aantal
        if self.kop.beginsaldo is not None and eindsaldo is not None:
            afschrift.saldo_verschil = self.kop.beginsaldo + self.som - eindsaldo
            if afschrift.saldo_verschil != 0:
                raise Importfout(
                    _(
                        "Het saldo van afschrift %(afschrift)s klopt niet: beginsaldo %(begin)s + "
                        "transacties %(som)s = %(totaal)s, maar het eindsaldo is %(eind)s. Het "
                        "bestand is niet ingelezen."
                    )
                    % {
                        "afschrift": self.kop.afschrift_id or afschrift.pk,
                        "begin": formatteer_bedrag(self.kop.beginsaldo),
                        "som": formatteer_bedrag(self.som),
                        "totaal": formatteer_bedrag(self.kop.beginsaldo + self.som),
                        "eind": formatteer_bedrag(eindsaldo),
                    }
                )
        else:
            self.zonder_saldi.append(self.kop.afschrift_id or self.kop.volgnummer or "?")
        afschrift.save()
        self.afschrift = self.kop = None

    # -- storing ----------------------------------------------------------------------------
    def schrijf(self) -> None:
        if not self.buffer:
            return
        assert self.afschrift is not None and self.rekening is not None
        iban = self.rekening.iban
        sleutels = []
        for t in self.buffer:
            inhoud = _inhoud(iban, t)
            self.gezien[inhoud] += 1
            sleutels.append(sleutel_voor(iban, t, self.gezien[inhoud]))
        bestaand = set(
            Banktransactie.objects.filter(sleutel__in=sleutels)
            .order_by()  # no ordering: the unique index answers this alone
            .values_list("sleutel", flat=True)
        )
        nieuw = [(s, t) for s, t in zip(sleutels, self.buffer, strict=True) if s not in bestaand]
        nieuw = self._zonder_ander_formaat(nieuw)
        self.resultaat.transacties += len(self.buffer)
        self.resultaat.dubbel += len(self.buffer) - len(nieuw)
        self.resultaat.nieuw += len(nieuw)
        self.afschrift.aantal_nieuw += len(nieuw)
        self.buffer = []
        rijen = [self._rij(s, t) for s, t in nieuw]
        if self.afletteraar is not None:
            besluiten = self.afletteraar.beslis([als_te_matchen(t) for _sleutel, t in nieuw])
            for rij, b in zip(rijen, besluiten, strict=True):
                rij["afletter_uitkomst"], rij["afletter_toelichting"] = b.uitkomst, b.toelichting
                if b.afspraak_id is not None:
                    rij["geboekt"] = rij["bedrag"]
        ids = invoegen(Banktransactie, rijen)
        if self.afletteraar is not None:
            posten = [
                self.afletteraar.post_voor(pk, rij["bedrag"], rij["boekdatum"], b, self.nu)
                for pk, rij, b in zip(ids, rijen, besluiten, strict=True)
                if b.afspraak_id is not None
            ]
            invoegen(Journaalpost, posten)
            self.resultaat.automatisch += len(posten)

    def _zonder_ander_formaat(
        self, nieuw: list[tuple[str, Transactie]]
    ) -> list[tuple[str, Transactie]]:
        """Leave out the lines that were already imported from a statement of this account
        in the other format (camt.053 <-> MT940): the same day's bookings, but each
        format words descriptions and references its own way, so the key differs.

        Only when such a statement covers these dates (a look in the small statements
        table); then per (booking date, amount, counterparty IBAN) the k-th line of this
        file is the same as an earlier one when the other format holds at least k."""
        if not nieuw:
            return nieuw
        assert self.rekening is not None and self.kop is not None
        datums = {t.boekdatum for _sleutel, t in nieuw}
        eerste, laatste = min(datums), max(datums)
        eigen = (
            Q(formaat__startswith="camt")
            if self.kop.formaat.startswith("camt")
            else Q(formaat=self.kop.formaat)
        )
        overlap = (
            Bankafschrift.objects.filter(rekening=self.rekening, einddatum__gte=eerste)
            .filter(Q(begindatum__lte=laatste) | Q(begindatum__isnull=True, einddatum__lte=laatste))
            .exclude(eigen)
        )
        if not overlap.exists():
            return nieuw
        eerder = Counter(
            {
                (datum, bedrag, iban): aantal
                for datum, bedrag, iban, aantal in Banktransactie.objects.filter(
                    rekening=self.rekening, boekdatum__in=datums, afschrift__in=overlap
                )
                .order_by()
                .values_list("boekdatum", "bedrag", "tegen_iban")
                .annotate(aantal=Count("pk"))
            }
        )
        over: list[tuple[str, Transactie]] = []
        for sleutel, t in nieuw:
            kern = (t.boekdatum, t.bedrag, t.tegen_iban[:34])
            self.kern_gezien[kern] += 1
            if self.kern_gezien[kern] <= eerder[kern]:
                self.ander_formaat += 1
            else:
                over.append((sleutel, t))
        return over

    def _rij(self, sleutel: str, t: Transactie) -> dict[str, Any]:
        """The stored row (field attname -> value) for a new transaction."""
        assert self.afschrift is not None and self.rekening is not None
        return {
            "afschrift_id": self.afschrift.pk,
            "rekening_id": self.rekening.pk,
            "sleutel": sleutel,
            "bedrag": t.bedrag,
            "geboekt": 0,
            "boekdatum": t.boekdatum,
            "valutadatum": t.valutadatum,
            "tegen_iban": t.tegen_iban[:34],
            "tegen_naam": t.tegen_naam[:140],
            "tegen_bic": t.tegen_bic[:11],
            "omschrijving": t.omschrijving,
            "betalingskenmerk": t.betalingskenmerk[:140],
            "end_to_end_id": t.end_to_end_id[:140],
            "mandaat_id": t.mandaat_id[:140],
            "incassant_id": t.incassant_id[:140],
            "bankreferentie": t.bankreferentie[:140],
            "transactiecode": t.transactiecode[:60],
            "retourreden": t.retourreden[:35],
            "bron": t.bron,
            "afletter_uitkomst": "",
            "afletter_toelichting": "",
            "afletter_tijdstip": self.nu if self.afletteraar else None,
        }


def _schemacontrole(stream: BinaryIO) -> list[str]:
    """Validate a camt.053 file against its XSD where that is possible: a seekable stream
    of at most XSD_GRENS. The bank's file is not refused for a deviation (our reader
    checks what it uses); the deviations are reported and stored with the file."""
    if not (hasattr(stream, "seekable") and stream.seekable()):
        return []
    begin = stream.tell()
    kop = stream.read(4096)
    stream.seek(begin)
    try:
        if detecteer_formaat(kop) != "camt.053":
            return []
    except Bestandsfout:
        return []  # the reader will refuse it with the specific reason
    inhoud = stream.read(XSD_GRENS + 1)
    stream.seek(begin)
    if len(inhoud) > XSD_GRENS:
        return []
    try:
        return valideer_xsd(inhoud)
    except Bestandsfout:
        return []  # not well-formed: the streaming reader says exactly where


def bankafschrift_importeren(
    *,
    stream: BinaryIO,
    bestandsnaam: str,
    door: Any,
    bron: str = Importbron.SCHERM,
    afletteraar: Afletteraar | None = None,
    afletteren: bool = True,
) -> Bestandsresultaat:
    """Import one file: all of it, or (with the reasons in `fouten`) nothing at all.

    Pass one `afletteraar` when importing several files in a row (it loads the
    agreements once)."""
    if afletteren and afletteraar is None:
        afletteraar = Afletteraar()
    imp = _Import(
        bestandsnaam=bestandsnaam,
        door=door,
        bron=bron,
        afletteraar=afletteraar if afletteren else None,
    )
    schemameldingen = _schemacontrole(stream)
    meelezer = _Meelezer(stream)
    try:
        with transaction.atomic():
            for gebeurtenis in lees(io.BufferedReader(meelezer, buffer_size=1 << 16)):
                if isinstance(gebeurtenis, Afschriftkop):
                    imp.begin(gebeurtenis)
                elif isinstance(gebeurtenis, Transactie):
                    imp.transactie(gebeurtenis)
                else:
                    imp.einde(gebeurtenis)
            if imp.bestand is None:
                raise Importfout(_("Het bestand bevat geen enkel afschrift."))
            if imp.afschrift is not None:
                raise Bestandsfout(
                    "Het laatste afschrift is niet afgesloten (het bestand is afgebroken)."
                )
            r = imp.resultaat
            Importbestand.objects.filter(pk=imp.bestand.pk).update(
                sha256=meelezer.sha.hexdigest(),
                grootte=meelezer.grootte,
                aantal_transacties=r.transacties,
                aantal_nieuw=r.nieuw,
                aantal_dubbel=r.dubbel,
                aantal_automatisch=r.automatisch,
                schemameldingen="\n".join(schemameldingen),
            )
            r.waarschuwingen.extend(
                waarschuwingen(
                    bestandsnaam,
                    ander_formaat=imp.ander_formaat,
                    zonder_saldi=imp.zonder_saldi,
                    schemameldingen=schemameldingen,
                )
            )
            r.importbestand_id = imp.bestand.pk
            r.gelukt = True
            return r
    except IntegrityError:
        return Bestandsresultaat(
            bestandsnaam=bestandsnaam, fouten=[databasefout(bestandsnaam, BOTSING)]
        )
    except DatabaseError as exc:
        # e.g. a locked SQLite file or a lost PostgreSQL connection: this file is rolled
        # back and the next one is still tried. Only the exception class is logged.
        logger.warning("Import van een bestand teruggedraaid: %s", type(exc).__name__)
        return Bestandsresultaat(
            bestandsnaam=bestandsnaam,
            fouten=[databasefout(bestandsnaam, DATABASE_ONBESCHIKBAAR)],
        )
    except (Bestandsfout, Importfout) as exc:
        return Bestandsresultaat(bestandsnaam=bestandsnaam, fouten=[f"{bestandsnaam}: {exc}"])
