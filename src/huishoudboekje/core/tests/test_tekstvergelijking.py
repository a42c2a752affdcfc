"""Normalised comparison of references, search terms, names and amount ranges."""

from hypothesis import given
from hypothesis import strategies as st

from huishoudboekje.core.bedragbereik import normaal_bereik, ruim_bereik
from huishoudboekje.core.tekstvergelijking import (
    achternaam_sleutel,
    eerste_voornaam,
    initialen_bij,
    naast_achternaam,
    normaliseer,
    term,
    voorletters_van,
    vouw,
    woorden_van,
)


def test_schrijfwijzen_van_een_referentie_zijn_dezelfde():
    for tekst in ("2204441", "2 204 441", "2.204.441", "klantnr. 0002204441", "KLANTNR2204441"):
        t = normaliseer(tekst)
        assert term("2204441").in_tekst(t), tekst
        assert term("klantnr. 2204441").in_tekst(t), tekst
        assert "2204441" in t.sleutels, tekst


def test_alleen_op_grenzen_van_woorden_en_getallen():
    assert not term("2204441").in_tekst(normaliseer("22044415"))
    assert not term("2204441").in_tekst(normaliseer("122044410"))
    assert not term("Smit").in_tekst(normaliseer("Salaris R. Smits"))
    assert term("Smit").in_tekst(normaliseer("Salaris R. SMIT mei"))
    assert term("contract 77").in_tekst(normaliseer("Termijn Contract 77 mei"))
    assert not term("contract 77").in_tekst(normaliseer("Termijn Contract 778"))


def test_diakrieten_en_hoofdletters():
    assert vouw("Çelik Özdemir Groß Müller Łukasz") == "celik ozdemir gross muller lukasz"
    assert term("Çelik").in_tekst(normaliseer("SALARIS CELIK"))
    assert achternaam_sleutel("de Vries") == "vries"
    assert voorletters_van("Ç.A.", "Can") == "ca"
    assert voorletters_van("", "Piet Jan") == "pj"
    assert eerste_voornaam("Anne-Marie Sophie") == "anne"


def test_voorletters_naast_de_achternaam():
    assert initialen_bij("loon J.P. Jansen", "Jansen") == {"jp"}
    assert initialen_bij("loon Jansen, K.", "Jansen") == {"k"}
    assert initialen_bij("loon J. de Vries", "de Vries") == {"j"}
    assert initialen_bij("pers.nr. 26310 I.G. Al Khatib", "Al Khatib") == {"ig"}
    assert initialen_bij("JANSEN H Installatiebedrijf", "Jansen") == {"h"}
    assert initialen_bij("loon mei Jansen", "Jansen") == set()
    assert initialen_bij("loon W2 Jansen", "Jansen") == set()
    assert naast_achternaam(woorden_van("pnr 9064 Lotte Mulder"), "Mulder") == (set(), {"lotte"})


def test_getallen_in_groepen_houden_hun_nullen():
    for tekst in ("590 058 823", "590.058.823", "0590058823", "ref 590058823 juni"):
        assert term("590058823").in_tekst(normaliseer(tekst)), tekst
        assert term("0590 058 823").in_tekst(normaliseer(tekst)), tekst
    assert not term("59058823").in_tekst(normaliseer("590 058 823"))


@given(st.text(max_size=60), st.text(min_size=1, max_size=20))
def test_een_term_die_er_letterlijk_staat_wordt_gevonden(voor, kern):
    t = term(kern)
    if t.vorm:
        assert t.in_tekst(normaliseer(f"{voor} {kern} einde"))


def test_bereik_van_een_wisselend_loon_en_van_een_vaste_last():
    loon = normaal_bereik(
        afgesproken=150000, geschiedenis=[120000, 180000, 150000], inkomen=True, marge=1000
    )
    assert (loon.laag, loon.hoog) == (90000, 210000)
    assert loon.bron == "geleerd uit 3 eerdere boekingen"
    huur = normaal_bereik(afgesproken=72000, geschiedenis=[72000] * 5, inkomen=False, marge=1000)
    assert huur.bevat(72900) and not huur.bevat(144000)
    nieuw = normaal_bereik(afgesproken=100000, geschiedenis=[], inkomen=True, marge=1000)
    assert (nieuw.laag, nieuw.hoog) == (75000, 125000)
    # a month with holiday pay (8% of a year) still fits, a one-off correction does not
    assert ruim_bereik(nieuw).bevat(240000) and not ruim_bereik(nieuw).bevat(30000)
    assert ruim_bereik(nieuw, perioden_per_jaar=52).bevat(600000)  # weekly wage + holiday pay
    assert not ruim_bereik(huur, inkomen=False).bevat(144000)
    # staff just raised the agreed amount: it fits, whatever the history says
    verhoogd = normaal_bereik(
        afgesproken=80000, geschiedenis=[72000] * 5, inkomen=False, marge=1000
    )
    assert verhoogd.bevat(80000)
