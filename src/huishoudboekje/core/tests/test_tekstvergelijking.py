"""Normalised comparison of references, search terms, names and amount ranges."""

from hypothesis import given
from hypothesis import strategies as st

from huishoudboekje.core.bedragbereik import normaal_bereik, ruim_bereik
from huishoudboekje.core.tekstvergelijking import (
    achternaam_sleutel,
    eerste_voorletter,
    initialen_bij,
    normaliseer,
    term,
    vouw,
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
    assert eerste_voorletter("Ç.A.", "Can") == "c"
    assert eerste_voorletter("", "Piet") == "p"


def test_voorletters_naast_de_achternaam():
    assert initialen_bij(normaliseer("loon J.P. Jansen"), "Jansen") == {"j"}
    assert initialen_bij(normaliseer("loon Jansen, K."), "Jansen") == {"k"}
    assert initialen_bij(normaliseer("loon J. de Vries"), "de Vries") == {"j"}
    assert initialen_bij(normaliseer("loon mei Jansen"), "Jansen") == set()


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
    assert ruim_bereik(nieuw).bevat(250000) and not ruim_bereik(nieuw).bevat(30000)
    # staff just raised the agreed amount: it fits, whatever the history says
    verhoogd = normaal_bereik(
        afgesproken=80000, geschiedenis=[72000] * 5, inkomen=False, marge=1000
    )
    assert verhoogd.bevat(80000)
