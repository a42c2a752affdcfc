"""Matching rules, each with its reason text: IBAN, direction, search terms, amount,
date, validity, learned rules, duplicates, thresholds and large shared-IBAN groups."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from huishoudboekje.core.afletteren import (
    GROTE_GROEP,
    Afspraakindex,
    AfspraakInfo,
    Leerregel,
    Marges,
    TeMatchen,
    beoordeel,
    besluit,
    stel_zoekterm_voor,
    tekst_van,
)
from huishoudboekje.core.schedules import Betaalschema, Frequentie

D = dt.date
ENECO = "NL20INGB0001234567"
UWV = "NL91ABNA0417164300"
MARGES = Marges(dagen=3, bedrag=1000)


def afspraak(i: int = 1, **kw: object) -> AfspraakInfo:
    basis: dict[str, object] = dict(
        id=i,
        burger_id=100 + i,
        richting="uitgaven",
        bedrag=12500,
        geldig_van=D(2026, 1, 1),
        geldig_tot=None,
        zoektermen=("contract 77",),
        tegen_iban=ENECO,
        partijnaam="Eneco",
        schema=Betaalschema(Frequentie.MAANDELIJKS, D(2026, 1, 1), dag_van_maand=28),
        rubriek_id=5,
    )
    basis.update(kw)
    return AfspraakInfo(**basis)  # type: ignore[arg-type]


def tx(**kw: object) -> TeMatchen:
    basis: dict[str, object] = dict(
        bedrag=-12500,
        boekdatum=D(2026, 5, 28),
        tegen_iban=ENECO,
        omschrijving="Termijn Contract 77 mei",
    )
    basis.update(kw)
    return TeMatchen(**basis)  # type: ignore[arg-type]


def test_alles_klopt_wordt_automatisch_geboekt_met_redenen_in_woorden():
    b = besluit(tx(), Afspraakindex.bouw([afspraak()]), marges=MARGES)
    assert b.automatisch and b.afspraak_id == 1 and b.uitkomst == "geboekt"
    assert b.toelichting == (
        "IBAN bekend bij Eneco, zoekterm gevonden: contract 77, bedrag gelijk, verwacht op 28-05"
    )
    assert b.kandidaten[0].score == 100


def test_andere_richting_is_nooit_een_kandidaat():
    # a refund from the energy company: money IN from an IBAN that only has a cost agreement
    b = besluit(tx(bedrag=4321), Afspraakindex.bouw([afspraak()]), marges=MARGES)
    assert not b.automatisch and b.kandidaten == ()
    assert b.toelichting.startswith(
        "IBAN bekend, maar geen afspraak voor een inkomst met deze tegenrekening: "
        "een terugbetaling of storno?"
    )


def test_terugbetaling_wordt_beoordeeld_maar_altijd_geblokkeerd():
    k = beoordeel(tx(bedrag=4321), afspraak(), marges=MARGES)
    assert k.blokkade == "terugbetaling of storno: de afspraak is voor uitgaven"
    assert k.redenen[0] == "IBAN bekend bij Eneco" and k.redenen[-1] == k.blokkade


def test_onbekend_iban_en_geen_iban():
    index = Afspraakindex.bouw([afspraak()])
    onbekend = besluit(tx(tegen_iban="NL02ABNA0123456789"), index, marges=MARGES)
    assert onbekend.uitkomst == "geen_kandidaat" and "IBAN onbekend" in onbekend.toelichting
    geen = besluit(tx(tegen_iban=""), index, marges=MARGES)
    assert geen.uitkomst == "geen_kandidaat" and "geen tegenrekening" in geen.toelichting


def test_bedrag_binnen_en_buiten_de_marge():
    index = Afspraakindex.bouw([afspraak()])
    binnen = besluit(tx(bedrag=-12900), index, marges=MARGES)
    assert binnen.automatisch
    assert "bedrag €\u00a04,00 hoger (binnen marge)" in binnen.toelichting
    # a raised instalment (+20%), named by its contract number: still this agreement
    buiten = besluit(tx(bedrag=-15000), index, marges=MARGES)
    assert buiten.automatisch
    assert "bedrag €\u00a025,00 hoger dan afgesproken" in buiten.toelichting
    # twice the amount: a human looks first
    dubbel = besluit(tx(bedrag=-25000), index, marges=MARGES)
    assert not dubbel.automatisch and dubbel.uitkomst == "te_laag"
    assert dubbel.toelichting.startswith("de omschrijving past, maar het bedrag wijkt te veel af")


def test_datum_ver_van_verwachting_en_zoektermen_ontbreken():
    index = Afspraakindex.bouw([afspraak()])
    k = beoordeel(
        tx(boekdatum=D(2026, 5, 13), omschrijving="iets anders"), index.afspraken[1], marges=MARGES
    )
    assert "zoektermen niet gevonden" in k.redenen
    assert not any(r.startswith("verwacht op") for r in k.redenen)
    dichtbij = beoordeel(tx(boekdatum=D(2026, 6, 2)), index.afspraken[1], marges=MARGES)
    assert "verwacht op 28-05 (5 dagen verschil)" in dichtbij.redenen


def test_niet_geldige_afspraak_blokkeert():
    # income for someone who has left: the agreement ended before the booking date
    a = afspraak(geldig_tot=D(2026, 3, 31))
    b = besluit(tx(), Afspraakindex.bouw([a]), marges=MARGES)
    assert not b.automatisch and b.uitkomst == "geblokkeerd"
    assert "afspraak geldt niet op 28-05-2026" in b.toelichting


def test_tweede_betaling_voor_dezelfde_verwachte_datum_wordt_niet_automatisch_geboekt():
    index = Afspraakindex.bouw([afspraak()])
    b = besluit(
        tx(boekdatum=D(2026, 5, 29)),
        index,
        marges=MARGES,
        eerder_geboekt={1: [(D(2026, 5, 28), 12000, "Termijn Contract 77 mei")]},
    )
    assert (
        b.uitkomst == "geblokkeerd"
        and "al een betaling geboekt rond 28-05 (op 28-05)" in b.toelichting
    )
    # last month's payment does not count
    vorige = besluit(
        tx(),
        index,
        marges=MARGES,
        eerder_geboekt={1: [(D(2026, 4, 28), 12500, "Termijn Contract 77 april")]},
    )
    assert vorige.automatisch


def test_twee_gelijke_kandidaten_geven_twijfel():
    index = Afspraakindex.bouw([afspraak(1), afspraak(2)])
    b = besluit(tx(), index, marges=MARGES)
    assert b.uitkomst == "twijfel" and not b.automatisch
    assert [k.afspraak_id for k in b.kandidaten] == [1, 2]


def test_gedeeld_iban_wordt_onderscheiden_door_zoektermen():
    afspraken = [
        afspraak(
            i,
            richting="inkomsten",
            tegen_iban=UWV,
            partijnaam="UWV",
            bedrag=98000,
            zoektermen=(f"Klantnummer {500000 + i}",),
        )
        for i in range(1, GROTE_GROEP * 3)
    ]
    index = Afspraakindex.bouw(afspraken)
    b = besluit(
        tx(bedrag=98000, tegen_iban=UWV, omschrijving="UWV WW mei klantnummer 500007"),
        index,
        marges=MARGES,
    )
    assert b.afspraak_id == 7, b.toelichting
    alleen = tx(bedrag=98000, tegen_iban=UWV, omschrijving="klantnummer 500007")
    kandidaten, _ = index.kandidaten(alleen, tekst_van(alleen))
    assert [a.id for a in kandidaten] == [7]  # narrowed by the word index
    # without a known word the 119 agreements with exactly this amount do not narrow
    # anything: nothing is booked and the party is named
    twijfel = besluit(
        tx(bedrag=98000, tegen_iban=UWV, omschrijving="UWV WW mei"), index, marges=MARGES
    )
    assert not twijfel.automatisch and twijfel.kandidaten == ()
    assert twijfel.toelichting.startswith("IBAN bekend bij UWV (119 afspraken)")


def test_zoekterm_wint_van_lotgenoten_met_hetzelfde_bedrag():
    """30 participants get the same standard benefit from UWV (fewer than GROTE_GROEP,
    in a group larger than it): the search term in the text names one of them, and the
    others with the same amount but other search terms do not stand beside it (they
    would make every standard benefit a doubt). An agreement without search terms with
    this amount is still offered."""
    uwv = dict(richting="inkomsten", tegen_iban=UWV, partijnaam="UWV")
    zelfde = [
        afspraak(i, **uwv, bedrag=98000, zoektermen=(f"Klantnummer {500000 + i}",))
        for i in range(1, 31)
    ]
    anders = [
        afspraak(i, **uwv, bedrag=50000 + i, zoektermen=(f"Klantnummer {500000 + i}",))
        for i in range(31, 31 + GROTE_GROEP)
    ]
    zonder = afspraak(99, **uwv, bedrag=98000, zoektermen=())
    index = Afspraakindex.bouw([*zelfde, *anders, zonder])
    melding = tx(bedrag=98000, tegen_iban=UWV, omschrijving="UWV WW mei klantnummer 500007")
    kandidaten, _ = index.kandidaten(melding, tekst_van(melding))
    assert sorted(a.id for a in kandidaten) == [7, 99]
    b = besluit(melding, index, marges=MARGES)
    assert b.automatisch and b.afspraak_id == 7, b.toelichting


def _uwv_groep(extra: list[AfspraakInfo] = []) -> Afspraakindex:  # noqa: B006
    afspraken = [
        afspraak(
            i,
            richting="inkomsten",
            tegen_iban=UWV,
            partijnaam="UWV",
            bedrag=90000 + i,
            zoektermen=(f"Klantnummer {500000 + i}",),
        )
        for i in range(1, GROTE_GROEP + 5)
    ]
    return Afspraakindex.bouw(afspraken + extra)


def test_groot_gedeeld_iban_zonder_herkenbaar_woord_of_bedrag_noemt_de_partij():
    b = besluit(
        tx(bedrag=12345, tegen_iban=UWV, omschrijving="UWV nabetaling"),
        _uwv_groep(),
        marges=MARGES,
    )
    assert b.uitkomst == "geen_kandidaat" and not b.automatisch
    assert b.toelichting == (
        f"IBAN bekend bij UWV ({GROTE_GROEP + 4} afspraken), maar geen zoekterm in de "
        "omschrijving en geen bedrag wijst een afspraak aan"
    )
    onbekend = besluit(tx(tegen_iban="NL02ABNA0123456789"), _uwv_groep(), marges=MARGES)
    assert onbekend.toelichting.startswith("IBAN onbekend")


def test_groot_gedeeld_iban_vindt_afspraak_zonder_zoekterm_op_bedrag_maar_boekt_niet():
    zonder_termen = afspraak(
        999, richting="inkomsten", tegen_iban=UWV, partijnaam="UWV", bedrag=45678, zoektermen=()
    )
    index = _uwv_groep([zonder_termen])
    # the text names another participant's customer number, the amount is this one's
    ander = tx(bedrag=45678, tegen_iban=UWV, omschrijving="klantnummer 500003")
    kandidaten, _ = index.kandidaten(ander, tekst_van(ander))
    assert sorted(a.id for a in kandidaten) == [3, 999]
    # it leads the suggestions, but in a group this large an amount alone books nothing:
    # the line of someone whose reference is missing would look just like it
    b = besluit(tx(bedrag=45678, tegen_iban=UWV, omschrijving="WW mei"), index, marges=MARGES)
    assert not b.automatisch and b.uitkomst == "twijfel"
    assert b.kandidaten[0].afspraak_id == 999
    assert "UWV betaalt veel deelnemers" in b.toelichting


def test_hhb_nummer_in_de_omschrijving_telt_mee_met_reden():
    met = afspraak(1, zoektermen=(), hhb_nummer="HHB-000123")
    k = beoordeel(tx(omschrijving="Retour HHB-000123 mei"), met, marges=MARGES)
    zonder = beoordeel(tx(omschrijving="Retour mei"), met, marges=MARGES)
    assert "HHB-nummer HHB-000123 gevonden" in k.redenen
    assert k.score - zonder.score == 15


def test_twijfel_en_meervoud_van_zoektermen_in_woorden():
    twee = afspraak(1, zoektermen=("contract 77", "mei"))
    k = beoordeel(tx(), twee, marges=MARGES)
    assert "zoektermen gevonden: contract 77, mei" in k.redenen
    b = besluit(tx(), Afspraakindex.bouw([afspraak(1), afspraak(2)]), marges=MARGES)
    assert b.toelichting == (
        "past bij meer dan één deelnemer van Eneco: deelnemer 101 (zoektermen gevonden); "
        "deelnemer 102 (zoektermen gevonden). Geen referentie, HHB-nummer, naam of "
        "voorletter in de omschrijving wijst er één aan"
    )


def test_geleerde_regel_maakt_het_verschil_en_werkt_zonder_iban():
    a1, a2 = afspraak(1, zoektermen=()), afspraak(2, zoektermen=())
    regel = Leerregel(id=9, tegen_iban=ENECO, patroon="klant 4411", afspraak_id=2)
    b = besluit(
        tx(omschrijving="Eneco klant 4411"), Afspraakindex.bouw([a1, a2], [regel]), marges=MARGES
    )
    assert b.afspraak_id == 2 and "eerder zo geboekt ('klant 4411')" in b.toelichting
    assert b.kandidaten[0].leerregel_id == 9
    overal = Leerregel(id=10, tegen_iban="", patroon="kasstorting hhb7", afspraak_id=1)
    zonder = besluit(
        tx(tegen_iban="", bedrag=-12500, omschrijving="KASSTORTING HHB7"),
        Afspraakindex.bouw([a1], [overal]),
        marges=MARGES,
    )
    assert zonder.kandidaten and zonder.kandidaten[0].afspraak_id == 1
    assert not zonder.automatisch  # 30 + 25 + 10: a rule alone is not enough without the IBAN


def test_zoekterm_voorstel():
    assert stel_zoekterm_voor("SALARIS P5 2026 pers.nr 884512 Bouwbedrijf") == "884512"
    assert stel_zoekterm_voor("Loon mei Bouwbedrijf", ["bouwbedrijf"]) == "loon"
    assert stel_zoekterm_voor("ab cd") is None


@settings(max_examples=200)
@given(
    bedrag=st.integers(1, 10_000_000),
    richting=st.sampled_from(["inkomsten", "uitgaven"]),
    dagen=st.integers(-60, 60),
)
def test_nooit_automatisch_op_een_afspraak_van_de_andere_richting(bedrag, richting, dagen):
    index = Afspraakindex.bouw([afspraak(richting=richting, bedrag=bedrag)])
    teken = 1 if richting == "uitgaven" else -1  # the opposite direction
    b = besluit(
        tx(bedrag=teken * bedrag, boekdatum=D(2026, 5, 28) + dt.timedelta(days=dagen)),
        index,
        marges=MARGES,
    )
    assert not b.automatisch and b.kandidaten == ()


@settings(max_examples=200)
@given(bedrag=st.integers(1, 10_000_000), dagen=st.integers(-60, 60), tekst=st.text(max_size=40))
def test_automatisch_alleen_van_de_rekening_van_de_partij_en_zonder_blokkade(bedrag, dagen, tekst):
    index = Afspraakindex.bouw([afspraak(), afspraak(2, bedrag=bedrag, zoektermen=())])
    b = besluit(
        tx(bedrag=-bedrag, boekdatum=D(2026, 5, 28) + dt.timedelta(days=dagen), omschrijving=tekst),
        index,
        marges=MARGES,
    )
    if b.automatisch:
        beste = b.kandidaten[0]
        assert beste.bewijs.iban and not beste.blokkade
        assert b.afspraak_id == beste.afspraak_id


def test_ontbrekende_zoekterm_blokkeert_ook_als_het_bedrag_toevallig_past():
    # one participant, two allowances from one IBAN with one toeslagnummer; the
    # huurtoeslag arrives with a changed amount that happens to be near the zorgtoeslag:
    # the text names the huurtoeslag, so it is booked there, never on the zorgtoeslag
    gemeen = dict(
        richting="inkomsten", tegen_iban=UWV, partijnaam="Belastingdienst/Toeslagen", burger_id=7
    )
    zorg = afspraak(1, bedrag=12638, zoektermen=("ZORGTOESLAG", "Toeslagnummer 8208"), **gemeen)
    huur = afspraak(2, bedrag=15186, zoektermen=("HUURTOESLAG", "Toeslagnummer 8208"), **gemeen)
    b = besluit(
        tx(bedrag=12300, tegen_iban=UWV, omschrijving="Toeslagnummer 8208 HUURTOESLAG SEPTEMBER"),
        Afspraakindex.bouw([zorg, huur]),
        marges=MARGES,
    )
    assert b.afspraak_id == 2, b.toelichting
    zorg_k = next(k for k in b.kandidaten if k.afspraak_id == 1)
    assert "niet gevonden: ZORGTOESLAG" in zorg_k.toelichting
    # the zorgtoeslag's own text with an amount near the huurtoeslag: zorgtoeslag
    z = besluit(
        tx(bedrag=15000, tegen_iban=UWV, omschrijving="ZORGTOESLAG 8208 sept"),
        Afspraakindex.bouw([zorg, huur]),
        marges=MARGES,
    )
    assert z.afspraak_id == 1, z.toelichting
