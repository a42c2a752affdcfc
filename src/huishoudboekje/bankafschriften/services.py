"""Importing bank statement files: one file completely or not at all.

The file is read as a stream (`core.bank.lezen.lees`), so memory stays flat however
large it is. Per statement: the account must be one of the municipality's own, the
currency EUR, and opening balance + entries must equal the closing balance; otherwise the
whole file is refused and nothing changes. A statement must have an opening and a closing
balance (unless its account is set to `zonder_saldi`), must not end after today, and must
not contradict the same statement imported before (same period and opening balance,
another closing balance). The very same file again (same SHA-256) is reported as "al
ingelezen" and stores nothing at all.

Each transaction gets a key from its bank reference, end-to-end id and content (plus an
occurrence number for identical lines in one statement; for a line without bank
reference and end-to-end id also the statement's identity), unique in the database:
importing a file twice, or two overlapping statements, never creates a duplicate, and
identical reference-less lines on two statements of one day stay two. What the key
cannot recognise (the same day in the other format, an identical line on another
statement) is decided in `dubbel`: dropped only when certain, otherwise kept and marked
"mogelijk dubbel". The account row is locked for the import, so two imports of the same
account at the same moment run one after the other.

New transactions are matched as they are stored (`boekhouding.afletteren`): the clear
cases are booked at once by the ledger (`boekhouding.grootboek`, one run per file that
records who imported it), every decision is recorded on the transaction.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections import Counter
from typing import Any, BinaryIO

from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from huishoudboekje.boekhouding import grootboek
from huishoudboekje.boekhouding.afletteren import Afletteraar, als_te_matchen
from huishoudboekje.boekhouding.models import Afletterrun, Runsoort
from huishoudboekje.configuratie.models import GemeenteRekening
from huishoudboekje.core.bank.lezen import lees
from huishoudboekje.core.bank.model import Afschriftkop, Afschriftslot, Bestandsfout, Transactie
from huishoudboekje.core.identificatie import formatteer_iban
from huishoudboekje.core.money import formatteer_bedrag
from huishoudboekje.door import Door, medewerker_van, naam_van

from . import meldingen
from .bestand import Meelezer, eerder_ingelezen, schemacontrole, sha256_vooraf
from .controles import Importfout, geen_andere_versie, niet_in_de_toekomst
from .dubbel import beoordeel_nieuwe
from .meldingen import BOTSING, DATABASE_ONBESCHIKBAAR, databasefout, waarschuwingen
from .models import Afletteruitkomst, Bankafschrift, Banktransactie, Importbestand, Importbron
from .resultaat import AlIngelezen, Bestandsresultaat, al_ingelezen_resultaat, nieuwe_rij
from .sleutels import (
    afschrift_identiteit,
    heeft_kenmerk,
    inhoud_van,
    oude_sleutels_gevonden,
    sleutel_voor,
)

logger = logging.getLogger(__name__)

BATCH = 2000

class _Import:
    """State of one file's import (inside one database transaction)."""

    def __init__(
        self, *, bestandsnaam: str, door: Door | None, bron: str, afletteraar: Afletteraar | None
    ) -> None:
        self.resultaat = Bestandsresultaat(bestandsnaam=bestandsnaam)
        self.door = door
        self.bron = bron
        self.afletteraar = afletteraar
        self.bestand: Importbestand | None = None
        self.run: Afletterrun | None = None  # the matching run of this file
        self.afschrift: Bankafschrift | None = None
        self.kop: Afschriftkop | None = None
        self.rekening: GemeenteRekening | None = None
        self.buffer: list[Transactie] = []
        self.som = 0
        self.aantal = 0
        self.gezien: Counter[tuple[object, ...]] = Counter()
        self.identiteit = ""  # afschrift_identiteit of the statement being read
        self.gebruikt: set[int] = set()  # stored lines a new line of this file was matched to
        self.eerste_boekdatum: dt.date | None = None
        self.laatste_boekdatum: dt.date | None = None
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
                geimporteerd_door=medewerker_van(self.door),
                geimporteerd_door_naam=naam_van(self.door),
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
        self.identiteit = afschrift_identiteit(kop)
        self.eerste_boekdatum = self.laatste_boekdatum = None
        self.resultaat.afschriften += 1

    def transactie(self, t: Transactie) -> None:
        if self.afschrift is None:
            raise Bestandsfout("Transactie buiten een afschrift.")
        self.buffer.append(t)
        self.som += t.bedrag
        self.aantal += 1
        if self.laatste_boekdatum is None or t.boekdatum > self.laatste_boekdatum:
            self.laatste_boekdatum = t.boekdatum
        if self.eerste_boekdatum is None or t.boekdatum < self.eerste_boekdatum:
            self.eerste_boekdatum = t.boekdatum
        if len(self.buffer) >= BATCH:
            self.schrijf()

    def einde(self, slot: Afschriftslot) -> None:
        self.schrijf()
        assert self.afschrift is not None and self.kop is not None and self.rekening
        afschrift, kop = self.afschrift, self.kop
        beginsaldo = kop.beginsaldo if kop.beginsaldo is not None else slot.beginsaldo
        eindsaldo = slot.eindsaldo if slot.eindsaldo is not None else kop.eindsaldo
        # without balance dates (an account without balances) the bookings give the period
        afschrift.beginsaldo = beginsaldo
        afschrift.begindatum = kop.begindatum or slot.begindatum or self.eerste_boekdatum
        afschrift.eindsaldo = eindsaldo
        afschrift.einddatum = slot.einddatum or kop.einddatum or self.laatste_boekdatum
        afschrift.aantal_transacties = self.aantal
        naam = meldingen.afschriftnaam(kop.afschrift_id, kop.volgnummer, afschrift.einddatum)
        niet_in_de_toekomst(afschrift, self.laatste_boekdatum, naam)
        if beginsaldo is not None and eindsaldo is not None:
            afschrift.saldo_verschil = beginsaldo + self.som - eindsaldo
            if afschrift.saldo_verschil != 0:
                raise Importfout(
                    _(
                        "Het saldo van afschrift %(afschrift)s klopt niet: beginsaldo %(begin)s + "
                        "transacties %(som)s = %(totaal)s, maar het eindsaldo is %(eind)s. Het "
                        "bestand is niet ingelezen."
                    )
                    % {
                        "afschrift": kop.afschrift_id or afschrift.pk,
                        "begin": formatteer_bedrag(beginsaldo),
                        "som": formatteer_bedrag(self.som),
                        "totaal": formatteer_bedrag(beginsaldo + self.som),
                        "eind": formatteer_bedrag(eindsaldo),
                    }
                )
            geen_andere_versie(afschrift, naam)
        elif self.rekening.zonder_saldi:
            self.zonder_saldi.append(kop.afschrift_id or kop.volgnummer or "?")
        else:
            raise Importfout(
                meldingen.zonder_saldi_geweigerd(
                    naam, begin=beginsaldo is not None, eind=eindsaldo is not None
                )
            )
        afschrift.save()
        self.afschrift = self.kop = None

    # -- storing ----------------------------------------------------------------------------
    def schrijf(self) -> None:
        if not self.buffer:
            return
        assert self.afschrift is not None and self.rekening is not None and self.kop
        sleutels, oude = self._sleutels()
        bestaand = set(
            Banktransactie.objects.filter(sleutel__in=sleutels)
            .order_by()  # no ordering: the unique index answers this alone
            .values_list("sleutel", flat=True)
        )
        bestaand |= oude_sleutels_gevonden(
            oude, rekening_id=self.rekening.pk, kop=self.kop, afschrift_id=self.afschrift.pk
        )
        nieuw = [(s, t) for s, t in zip(sleutels, self.buffer, strict=True) if s not in bestaand]
        beoordeeld = beoordeel_nieuwe(
            nieuw,
            rekening_id=self.rekening.pk,
            afschrift_id=self.afschrift.pk,
            formaat=self.afschrift.formaat,
            gebruikt=self.gebruikt,
        )
        self.ander_formaat += beoordeeld.ander_formaat
        bewaren = beoordeeld.bewaren
        self.resultaat.transacties += len(self.buffer)
        self.resultaat.dubbel += len(self.buffer) - len(bewaren)
        self.resultaat.nieuw += len(bewaren)
        self.afschrift.aantal_nieuw += len(bewaren)
        self.buffer = []
        rijen = [
            nieuwe_rij(
                s, t, van, afschrift_id=self.afschrift.pk, rekening_id=self.rekening.pk,
                afgeletterd=self.nu if self.afletteraar else None,
            )
            for s, t, van in bewaren
        ]  # fmt: skip
        self.resultaat.mogelijk_dubbel += sum(1 for _s, _t, van in bewaren if van is not None)
        # a possible duplicate is never booked automatically: staff decide
        te_matchen = [i for i, (_s, _t, van) in enumerate(bewaren) if van is None]
        besluiten: dict[int, Any] = {}
        if self.afletteraar is not None:
            uitkomsten = self.afletteraar.beslis(
                [als_te_matchen(bewaren[i][1]) for i in te_matchen]
            )
            besluiten = dict(zip(te_matchen, uitkomsten, strict=True))
            for i, b in besluiten.items():
                rij = rijen[i]
                rij["afletter_uitkomst"] = Afletteruitkomst.van(b.uitkomst)
                rij["afletter_toelichting"] = b.toelichting
        posten = {
            i: self.afletteraar.post_voor(
                None, rijen[i]["bedrag"], rijen[i]["boekdatum"], b, self.nu
            )
            for i, b in besluiten.items()
            if b.afspraak_id is not None and self.afletteraar is not None
        }
        if posten and self.run is None:  # recorded with the file's first automatic booking
            assert self.bestand is not None
            self.run = grootboek.run_starten(
                door=self.door, soort=Runsoort.IMPORT, importbestand_id=self.bestand.pk
            )
        _ids, geweigerd = grootboek.transacties_met_boekingen_invoegen(
            rijen, posten, run=self.run
        )
        self.resultaat.automatisch += len(posten) - len(geweigerd)

    def _sleutels(self) -> tuple[list[str], dict[str, str]]:
        """The keys of the buffered lines, and for the reference-less ones the key as it
        was before the statement's identity was part of it (new key -> old key)."""
        assert self.rekening is not None
        iban = self.rekening.iban
        sleutels: list[str] = []
        oude: dict[str, str] = {}
        for t in self.buffer:
            inhoud = inhoud_van(iban, t)
            self.gezien[inhoud] += 1
            volgnummer = self.gezien[inhoud]
            if heeft_kenmerk(t):
                sleutels.append(sleutel_voor(iban, t, volgnummer))
            else:
                sleutel = sleutel_voor(iban, t, volgnummer, self.identiteit)
                sleutels.append(sleutel)
                oude[sleutel] = sleutel_voor(iban, t, volgnummer)
        return sleutels, oude


def bankafschrift_importeren(
    *,
    stream: BinaryIO,
    bestandsnaam: str,
    door: Door | None,
    bron: str = Importbron.SCHERM,
    afletteraar: Afletteraar | None = None,
    afletteren: bool = True,
) -> Bestandsresultaat:
    """Import one file: all of it, or (with the reasons in `fouten`) nothing at all.

    `door` started it (the staff member; a `Systeem` for a command, None for the
    system): recorded on the file and on its matching run. Pass one `afletteraar` when
    importing several files in a row (it loads the agreements once)."""
    vooraf = sha256_vooraf(stream)
    if vooraf is not None:
        eerder = eerder_ingelezen(vooraf)
        if eerder is not None:
            return al_ingelezen_resultaat(bestandsnaam, eerder)
    if afletteren and afletteraar is None:
        afletteraar = Afletteraar()
    imp = _Import(
        bestandsnaam=bestandsnaam,
        door=door,
        bron=bron,
        afletteraar=afletteraar if afletteren else None,
    )
    schemameldingen = schemacontrole(stream)
    meelezer = Meelezer(stream)
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
            sha256 = meelezer.sha.hexdigest()
            eerder = eerder_ingelezen(sha256, behalve=imp.bestand.pk)
            if eerder is not None:  # a stream we could not hash first, or a concurrent twin
                raise AlIngelezen(eerder)
            Importbestand.objects.filter(pk=imp.bestand.pk).update(
                sha256=sha256,
                grootte=meelezer.grootte,
                aantal_transacties=r.transacties,
                aantal_nieuw=r.nieuw,
                aantal_dubbel=r.dubbel,
                aantal_automatisch=r.automatisch,
                schemameldingen="\n".join(schemameldingen),
            )
            if imp.run is not None:
                imp.run.bekeken, imp.run.klaar = r.nieuw - r.mogelijk_dubbel, timezone.now()
                imp.run.save(update_fields=["bekeken", "geboekt", "klaar"])
            r.waarschuwingen.extend(
                waarschuwingen(
                    bestandsnaam,
                    ander_formaat=imp.ander_formaat,
                    zonder_saldi=imp.zonder_saldi,
                    schemameldingen=schemameldingen,
                    dubbel=r.mogelijk_dubbel,
                )
            )
            r.importbestand_id = imp.bestand.pk
            r.gelukt = True
            return r
    except AlIngelezen as al:
        return al_ingelezen_resultaat(bestandsnaam, al.eerder)
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
