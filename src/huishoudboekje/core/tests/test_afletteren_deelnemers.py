"""Never to the wrong participant: common surnames at one employer, references written in
other ways, amounts that vary, a payroll bureau, a party on a new IBAN. The last test
generates whole employers with look-alike employees and asserts the one property that
matters: an automatic booking is always on the participant the line belongs to."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from huishoudboekje.core.afletteren import (
    GROTE_GROEP,
    Afspraakindex,
    AfspraakInfo,
    Marges,
    TeMatchen,
    besluit,
)
from huishoudboekje.core.schedules import Betaalschema, Frequentie

D = dt.date
WERKGEVER = "NL20INGB0001234567"
NIEUW = "NL44RABO0123456789"
MARGES = Marges(dagen=3, bedrag=1000)


def loon(
    i: int, *, achternaam: str = "Jansen", voorletter: str = "j", **kw: object
) -> AfspraakInfo:
    basis: dict[str, object] = dict(
        id=i,
        burger_id=100 + i,
        richting="inkomsten",
        bedrag=150000,
        geldig_van=D(2026, 1, 1),
        geldig_tot=None,
        zoektermen=(),
        tegen_iban=WERKGEVER,
        partijnaam="Bouwbedrijf Smit",
        schema=Betaalschema(Frequentie.MAANDELIJKS, D(2026, 1, 1), dag_van_maand=25),
        afdeling_id=1,
        burger_naam=f"{voorletter.upper()}. {achternaam}",
        achternaam=achternaam,
        voorletter=voorletter,
    )
    basis.update(kw)
    return AfspraakInfo(**basis)  # type: ignore[arg-type]


def regel(omschrijving: str, bedrag: int = 150000, **kw: object) -> TeMatchen:
    basis: dict[str, object] = dict(
        bedrag=bedrag, boekdatum=D(2026, 5, 25), tegen_iban=WERKGEVER, omschrijving=omschrijving
    )
    basis.update(kw)
    return TeMatchen(**basis)  # type: ignore[arg-type]


def beslis(tx: TeMatchen, *afspraken: AfspraakInfo, **kw: object):
    return besluit(tx, Afspraakindex.bouw(afspraken), marges=MARGES, **kw)  # type: ignore[arg-type]


def test_twee_jansens_met_alleen_de_achternaam_worden_niet_automatisch_geboekt():
    jan, piet = loon(1, zoektermen=("Jansen",)), loon(2, zoektermen=("Jansen",), voorletter="p")
    b = beslis(regel("Salaris mei JANSEN"), jan, piet)
    assert not b.automatisch and b.uitkomst == "twijfel"
    assert "J. Jansen (zoektermen gevonden); P. Jansen (zoektermen gevonden)" in b.toelichting
    # the exact amount of one of them does not tell them apart either
    assert not beslis(
        regel("Salaris mei JANSEN", bedrag=150000),
        jan,
        loon(2, zoektermen=("Jansen",), bedrag=90000, voorletter="p"),
    ).automatisch


def test_de_voorletter_wijst_de_juiste_jansen_aan():
    jan, piet = loon(1, zoektermen=("Jansen",)), loon(2, zoektermen=("Jansen",), voorletter="p")
    for tekst in ("Salaris mei P. Jansen", "SALARIS P JANSEN", "loon Jansen, P."):
        b = beslis(regel(tekst), jan, piet)
        assert b.afspraak_id == 2, (tekst, b.toelichting)
        assert "voorletter P. bij Jansen" in b.toelichting


def test_een_personeelsnummer_in_elke_schrijfwijze():
    jan = loon(1, zoektermen=("pers.nr. 2204441",))
    piet = loon(2, zoektermen=("Jansen",), voorletter="p")
    for tekst in (
        "Salaris 2204441", "SALARIS 2 204 441", "salaris 2.204.441", "klantnr. 0002204441",
        "Loon Jansen PERSNR 2204441",
    ):  # fmt: skip
        b = beslis(regel(f"{tekst} mei"), jan, piet)
        assert b.afspraak_id == 1, (tekst, b.toelichting)
    # another number that merely contains it is not it
    assert beslis(regel("Salaris 22044415 mei"), jan, piet).afspraak_id is None


def test_ontbrekende_referentie_maakt_een_andere_jansen_niet_de_juiste():
    # Piet's agreement has his personnel number; this month's line lost it and carries
    # only the surname, which Jan's agreement has as search term
    jan = loon(1, zoektermen=("Jansen",))
    piet = loon(2, zoektermen=("3301222",), voorletter="p")
    b = beslis(regel("Salaris mei Jansen"), jan, piet)
    assert not b.automatisch and "P. Jansen (naam in de omschrijving)" in b.toelichting


def test_regel_zonder_referentie_of_naam_gaat_niet_naar_wie_geen_zoektermen_heeft():
    # a bureau line without any reference: it may be Piet's (reference missing), so the
    # agreement without search terms whose amount fits is not booked
    zonder = loon(1, achternaam="Bakker")
    piet = loon(2, zoektermen=("3301222",), achternaam="Visser", voorletter="p")
    b = beslis(regel("SALARIS"), zonder, piet)
    assert not b.automatisch and b.uitkomst == "twijfel"
    # alone at the employer it is booked on the amount and the date
    assert beslis(regel("SALARIS"), zonder).afspraak_id == 1


def test_een_voornaam_die_de_achternaam_van_een_ander_is():
    # Eritrean names: one participant's first name is another one's surname
    kowalski = loon(
        1, zoektermen=("Kowalski",), achternaam="Kowalski", voornaam="tesfay", voorletter="t"
    )
    tesfay = loon(2, zoektermen=("Tesfay",), achternaam="Tesfay", voornaam="yonas", voorletter="y")
    assert beslis(regel("loon juni Tesfay Kowalski"), kowalski, tesfay).afspraak_id == 1
    assert beslis(regel("loon juni Y. Tesfay"), kowalski, tesfay).afspraak_id == 2


def test_een_andere_voornaam_naast_de_achternaam_blokkeert():
    # "pnr 9064 Lotte Mulder": E. Mulder has 9064 as search term at another employer of
    # the bureau, but the first name is another participant's
    emma = loon(1, zoektermen=("9064",), achternaam="Mulder", voornaam="emma", voorletter="e")
    lotte = loon(2, zoektermen=("3301",), achternaam="Mulder", voornaam="lotte", voorletter="l")
    b = beslis(regel("Loon pnr 9064 Lotte Mulder"), emma, lotte)
    assert b.afspraak_id != 1


def test_diakrieten_worden_door_de_bank_weggelaten():
    celik = loon(1, zoektermen=("Çelik",), achternaam="Çelik", voorletter="e")
    ander = loon(2, zoektermen=("Özdemir",), achternaam="Özdemir", voorletter="a")
    assert beslis(regel("SALARIS MEI E CELIK"), celik, ander).afspraak_id == 1
    assert beslis(regel("Salaris mei Ozdemir"), celik, ander).afspraak_id == 2


def test_variabel_loon_wordt_geboekt_een_verdubbelde_vaste_last_niet():
    jan = loon(1, zoektermen=("2204441",))
    assert beslis(regel("Salaris 2204441", bedrag=180000), jan).automatisch  # +20%
    vakantie = beslis(regel("Salaris + vakantiegeld 2204441", bedrag=290000), jan)
    assert vakantie.automatisch  # holiday pay: still the salary, named by its reference
    assert not beslis(regel("Correctie 2204441", bedrag=4500), jan).automatisch
    huur = AfspraakInfo(
        id=5, burger_id=101, richting="uitgaven", bedrag=72000, geldig_van=D(2026, 1, 1),
        geldig_tot=None, zoektermen=("contract 4471",), tegen_iban="NL02ABNA0123456789",
        partijnaam="Woonstad",
        schema=Betaalschema(Frequentie.MAANDELIJKS, D(2026, 1, 1), dag_van_maand=1),
    )  # fmt: skip
    dubbel = TeMatchen(-144000, D(2026, 5, 1), "NL02ABNA0123456789", "Huur contract 4471")
    b = beslis(dubbel, huur, geschiedenis={5: [72000, 72000, 72000]})
    assert not b.automatisch and b.uitkomst == "te_laag"
    assert (
        "buiten €\u00a0710,00 tot €\u00a0730,00 (geleerd uit 3 eerdere boekingen)" in b.toelichting
    )


def test_het_geleerde_bereik_van_een_loon_zonder_zoektermen():
    jan = loon(1, achternaam="Bakker")
    geschiedenis = {1: [110000, 190000, 150000, 170000]}
    # 205,000 is 37% above the agreed amount, but within what this salary really does
    assert beslis(regel("SALARIS", bedrag=205000), jan, geschiedenis=geschiedenis).automatisch
    assert not beslis(regel("SALARIS", bedrag=205000), jan).automatisch


def test_bekende_partij_op_een_nieuwe_rekening_wordt_een_suggestie():
    jan = loon(1, zoektermen=("2204441",))
    tx = regel("Salaris 2204441", tegen_iban=NIEUW, tegen_naam="BOUWBEDRIJF SMIT BV")
    b = beslis(tx, jan)
    assert not b.automatisch and b.uitkomst == "nieuwe_rekening"
    assert b.kandidaten[0].afspraak_id == 1
    assert f"bekende partij Bouwbedrijf Smit op een nieuwe rekening {NIEUW}" in b.toelichting
    # once staff linked the account to the department, it books itself
    gekoppeld = loon(1, zoektermen=("2204441",), extra_ibans=(NIEUW,))
    assert beslis(tx, gekoppeld).afspraak_id == 1


def test_een_bureau_met_honderden_deelnemers_en_vijf_jansens():
    mensen = [
        loon(i, zoektermen=(f"{7000000 + i}",), achternaam=f"Naam{i}", bedrag=100000 + 100 * i)
        for i in range(1, 200)
    ]
    jansens = [
        loon(200 + i, zoektermen=("Jansen",), voorletter="jpkmr"[i], bedrag=140000 + i)
        for i in range(5)
    ]
    index = Afspraakindex.bouw([*mensen, *jansens])
    assert len(index.per_iban[WERKGEVER]) > GROTE_GROEP
    # the exact amount of one Jansen, but only the surname in the text
    b = besluit(regel("Loon Jansen", bedrag=140002), index, marges=MARGES)
    assert not b.automatisch and b.toelichting.count("Jansen (zoektermen gevonden)") == 5
    assert besluit(regel("Loon K Jansen", bedrag=150000), index, marges=MARGES).afspraak_id == 202
    assert besluit(regel("Loon 7000042"), index, marges=MARGES).afspraak_id == 42
    # without anything in the text, an amount picks nobody in a group this large
    assert not besluit(regel("Loon", bedrag=104200), index, marges=MARGES).automatisch


ACHTERNAMEN = ["Jansen", "de Vries", "Smit", "Dijkstra", "Bakker"]


@st.composite
def werkgever(draw: st.DrawFn) -> tuple[list[AfspraakInfo], list[tuple[int, TeMatchen]]]:
    """Employees with look-alike names; each agreement carries what staff happened to
    know (surname, personnel number in some format, or nothing); each line what the
    payroll happened to print."""
    aantal = draw(st.integers(2, 8))
    afspraken, regels = [], []
    for i in range(1, aantal + 1):
        achternaam = draw(st.sampled_from(ACHTERNAMEN))
        voorletter = draw(st.sampled_from("jpk"))
        nummer = str(4400000 + i * 17)
        zoekterm = draw(st.sampled_from([(), (achternaam,), (nummer,), (f"pers {nummer}",)]))
        bedrag = draw(st.integers(80000, 300000))
        vertrokken = draw(st.integers(0, 9)) == 0  # left; the employer still pays
        afspraken.append(
            loon(
                i,
                zoektermen=zoekterm,
                achternaam=achternaam,
                voorletter=voorletter,
                bedrag=bedrag,
                geldig_tot=D(2026, 4, 30) if vertrokken else None,
            )
        )
        delen = ["Salaris"]
        if draw(st.booleans()):
            delen.append(draw(st.sampled_from([voorletter.upper() + ".", ""])) + " " + achternaam)
        if draw(st.booleans()):
            delen.append(
                draw(st.sampled_from([nummer, f"{nummer[:1]} {nummer[1:4]} {nummer[4:]}"]))
            )
        factor = draw(st.sampled_from([0.8, 0.95, 1.0, 1.1, 1.25, 2.0]))
        dag = draw(st.integers(20, 30))
        regels.append(
            (i, regel(" ".join(delen), bedrag=int(bedrag * factor), boekdatum=D(2026, 5, dag)))
        )
    return afspraken, regels


@settings(max_examples=400, deadline=None)
@given(werkgever(), st.booleans())
def test_nooit_op_een_andere_deelnemer(gegevens, groot):
    """Also in a large group (a payroll bureau), where only the narrowed part is scored:
    the look-alikes must all be among the candidates."""
    afspraken, regels = gegevens
    vulling = [
        loon(1000 + i, zoektermen=(f"{8800000 + i}",), achternaam=f"Vulling{i}", bedrag=150000)
        for i in range(GROTE_GROEP + 5 if groot else 0)
    ]
    index = Afspraakindex.bouw([*afspraken, *vulling])
    for juist, tx in regels:
        b = besluit(tx, index, marges=MARGES)
        if b.automatisch:
            assert b.afspraak_id == juist, (tx.omschrijving, b.toelichting)


def test_tweede_betaling_herkend_aan_dezelfde_omschrijving():
    week = loon(
        1,
        zoektermen=("2204441",),
        achternaam="Çelik",
        bedrag=50000,
        schema=Betaalschema(Frequentie.WEKELIJKS, D(2026, 1, 2), weekdag=4),
    )
    eerder = {1: [(D(2026, 6, 26), 51200, "Loon week 26 2026 pnr 2204441 Çelik")]}
    # the same week again, as the other bank writes it (folded, upper case)
    nog_eens = regel("LOON WEEK 26 2026 PNR 2204441 CELIK", bedrag=51200, boekdatum=D(2026, 6, 29))
    b = beslis(nog_eens, week, eerder_geboekt=eerder)
    assert not b.automatisch and "al een betaling geboekt rond 26-06" in b.toelichting
    # last week's wage paid late, beside this week's: another description, booked
    laat = regel("Loon week 25 2026 pnr 2204441 Çelik", bedrag=49800, boekdatum=D(2026, 6, 29))
    assert beslis(laat, week, eerder_geboekt=eerder).afspraak_id == 1
    # a line that names nothing of the agreement is a second payment for that week
    kaal = TeMatchen(12000, D(2026, 6, 26), WERKGEVER, "CORRECTIE")
    assert not beslis(kaal, week, eerder_geboekt=eerder).automatisch


def test_ten_name_van_is_geen_voorletter():
    # "t.n.v. S. Muller": not the initials T.N.V.S.; the T. Müller beside her is not it
    sanne = loon(1, zoektermen=("zorgtoeslag",), achternaam="Müller", voorletter="s")
    tom = loon(2, zoektermen=("zorgtoeslag",), achternaam="Müller", voorletter="t")
    for tekst in ("ZORGTOESLAG JUN 2026 T.N.V. S. MULLER", "zorgtoeslag t.b.v. Dhr. S Muller"):
        assert beslis(regel(tekst), sanne, tom).afspraak_id == 1, tekst
    assert not beslis(regel("ZORGTOESLAG JUN 2026 T.N.V. MULLER"), sanne, tom).automatisch


def test_voorletters_zonder_punten_en_achter_de_naam():
    jm = loon(1, zoektermen=("Janssen",), achternaam="Janssen", voorletter="jm")
    yo = loon(2, zoektermen=("Janssen",), achternaam="Janssen", voorletter="yk")
    assert beslis(regel("UWV WW 06-2026 JM JANSSEN"), jm, yo).afspraak_id == 1
    assert beslis(regel("UWV WW 06-2026 JANSSEN YK"), jm, yo).afspraak_id == 2
    # "mei" beside the name is a month, not initials
    assert not beslis(regel("loon mei Janssen"), jm, yo).automatisch


def test_een_kleine_vaste_last_die_verdubbelt_gaat_naar_een_mens():
    telefoon = AfspraakInfo(
        id=9, burger_id=109, richting="uitgaven", bedrag=1300, geldig_van=D(2026, 1, 1),
        geldig_tot=None, zoektermen=("87439423",), tegen_iban="NL02ABNA0123456789",
        partijnaam="KPM Telecom",
        schema=Betaalschema(Frequentie.MAANDELIJKS, D(2026, 1, 1), dag_van_maand=28),
    )  # fmt: skip
    tx = TeMatchen(-2650, D(2026, 9, 28), "NL02ABNA0123456789", "Factuur klantnummer 87439423")
    assert not beslis(tx, telefoon, geschiedenis={9: [1290, 1300, 1310]}).automatisch
    gewoon = TeMatchen(-1320, D(2026, 9, 28), "NL02ABNA0123456789", "Factuur klantnummer 87439423")
    assert beslis(gewoon, telefoon, geschiedenis={9: [1290, 1300, 1310]}).automatisch


def test_een_afgekapte_achternaam_is_geen_andere_deelnemer():
    # "P. Eikmans" cut by the bank at 140 characters ends in "P. Eikman"
    eikman = loon(1, zoektermen=("3300000",), achternaam="Eikman", voorletter="p")
    eikmans = loon(2, zoektermen=("5602802",), achternaam="Eikmans", voorletter="p")
    tekst = ("UWV WW uitkering periode 01-09-2026 tm 22-09-2026 bruto 1741.67 ingehouden "
             "loonheffing 401.20 vakantietoeslag opgebouwd 78.00 P. Eikman")[:140]
    assert len(tekst) >= 135
    assert beslis(regel(tekst), eikman, eikmans).afspraak_id is None
