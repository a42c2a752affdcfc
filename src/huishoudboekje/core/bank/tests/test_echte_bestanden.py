"""Real statement files from other open-source MT940/camt projects (HOUSE.md rule 12):
each one parses with the number of statements and entries we counted, and its
balances add up (opening + entries = closing per statement) exactly where they add up
in the file itself; MT942 and camt.052/054 files are refused with their own message.

The files are data of other projects, kept with their origin and licence in the
README.md of their folder. The folder is found, in this order, at
$HHB_ECHTE_BESTANDEN, next to this module (`echte_bestanden/`), or in the shared
folder beside the checkout (`../shared/echte_bestanden/`). Where none is there, the
tests say so and skip; the quirks these files showed are also tested on snippets of
our own in `test_mt940_echt.py`, which always run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from huishoudboekje.core.bank.lezen import lees
from huishoudboekje.core.bank.model import Afschriftkop, Bestandsfout, Transactie

from ._hulp import klopt_saldo


def _map() -> Path | None:
    hier = Path(__file__).resolve()
    kandidaten = [
        Path(os.environ.get("HHB_ECHTE_BESTANDEN", "/nonexistent")),
        hier.parent / "echte_bestanden",
        hier.parents[6] / "shared" / "echte_bestanden",
    ]
    return next((pad for pad in kandidaten if (pad / "README.md").is_file()), None)


MAP = _map()
GEEN_MAP = pytest.mark.skipif(MAP is None, reason="map met echte bestanden niet gevonden")

VERWACHT: dict[str, tuple[int, int, bool] | str] = {
    "wolph_ASNB_0708271685_09022020_164516.940.txt": (31, 8, True),
    "wolph_betterplace_sepa_mt9401.sta": (26, 97, True),
    "wolph_betterplace_sepa_snippet.sta": (2, 11, False),
    "wolph_betterplace_sepa_snippet_broken.sta": (1, 1, False),
    "wolph_betterplace_with_binary_character.sta": (2, 4, True),
    "wolph_cmxl_mt940.sta": (3, 16, True),
    "wolph_jejik_abnamro.sta": (2, 10, False),
    "wolph_jejik_generic.sta": (2, 2, True),
    "wolph_jejik_ing.sta": (1, 7, False),
    "wolph_jejik_postfinance.sta": (2, 4, False),
    "wolph_jejik_rabobank-iban.sta": (2, 4, True),
    "wolph_jejik_rabobank.sta": (4, 5, False),
    "wolph_jejik_sns.sta": (2, 2, True),
    "wolph_jejik_triodos.sta": (1, 2, False),
    "wolph_mBank_mt940.sta": (1, 3, True),
    "wolph_mBank_mt942.sta": "MT942",
    "wolph_mBank_with_newline_in_tnr.sta": (1, 2, False),
    "wolph_self-provided_details_60-63.sta": (1, 1, False),
    "wolph_self-provided_long_statement_number.sta": (1, 0, True),
    "wolph_self-provided_malformed_details.sta": (1, 1, False),
    "wolph_self-provided_mt942.sta": "MT942",
    "wolph_self-provided_overly_long_details.sta": (1, 1, False),
    "wolph_self-provided_raiffeisen-cmi.sta": (1, 7, False),
    "wolph_self-provided_whitespace.sta": (1, 1, False),
    "dovadi_abnamro.txt": (2, 10, False),
    "dovadi_abnamro_sepa.txt": (1, 1, True),
    "dovadi_ing.txt": (1, 6, False),
    "dovadi_ing_sepa.txt": (1, 9, False),
    "dovadi_rabobank.txt": (3, 3, False),
    "dovadi_rabobank_sepa.txt": (2, 12, False),
    "dovadi_triodos_sepa.txt": (2, 8, True),
    "dovadi_unknown.txt": (1, 6, False),
    "fruitl00p_example_test.mta": (1, 3, True),
    "fruitl00p_Abn_issue48": (1, 2, True),
    "fruitl00p_Abn_sample": (4, 5, True),
    "fruitl00p_Abn_sample2": (1, 4, False),
    "fruitl00p_Asn_sample": (7, 3, True),
    "fruitl00p_Bunq_sample": (1, 111, True),
    "fruitl00p_Hsbc_sample": (1, 1, False),
    "fruitl00p_Ing_sample": (1, 7, False),
    "fruitl00p_Kbs_sample": (1, 3, True),
    "fruitl00p_Kbs_sample2": (1, 7, True),
    "fruitl00p_Knab_sample": (1, 5, False),
    "fruitl00p_Knab_sample2": (1, 1, True),
    "fruitl00p_Knab_sample3": (1, 1, False),
    "fruitl00p_Kontist_sample": (1, 6, True),
    "fruitl00p_Penta_sample": (1, 29, True),
    "fruitl00p_Rabo_sample3": (2, 12, False),
    "fruitl00p_Rabo_sample4": (1, 3, False),
    "fruitl00p_Spk_sample": (4, 10, True),
    "fruitl00p_Triodos_sample": (2, 8, True),
    "genkgo_camt052.v1.xml": "camt.052",
    "genkgo_camt052.v2.other-account.xml": "camt.052",
    "genkgo_camt052.v2.with-account-name.xml": "camt.052",
    "genkgo_camt052.v2.xml": "camt.052",
    "genkgo_camt052.v4.xml": "camt.052",
    "genkgo_camt052.v6.Amt-zero.xml": "camt.052",
    "genkgo_camt052.v6.xml": "camt.052",
    "genkgo_camt052.v8.xml": "camt.052",
    "genkgo_camt053.v2.all-balance-types.xml": (1, 1, False),
    "genkgo_camt053.v2.five.decimals.xml": (1, 1, False),
    "genkgo_camt053.v2.multi.statement.xml": (2, 2, True),
    "genkgo_camt053.v2.with-account-name.xml": (1, 1, True),
    "genkgo_camt054.v2.with-account-name.xml": "camt.054",
    "genkgo_camt054.v2.xml": "camt.054",
    "genkgo_camt054.v4.xml": "camt.054",
    "genkgo_camt054.v8-with-UETR.xml": "camt.054",
    "genkgo_camt054.v8-with-financial-institution.xml": "camt.054",
    "genkgo_camt054.v8.xml": "camt.054",
    "genkgo_camt53.only-Dt-with-DtTm.xml": (1, 0, False),  # no opening balance
    "gingerpayments_ibp-structured-ing-provided-example-edited.txt": (1, 3, True),
    "gingerpayments_ibp-structured-ing-provided-example.txt": (1, 3, True),
    "gingerpayments_ibp-unstructured-ing-provided-example.txt": (1, 5, True),
    "gingerpayments_ming-from-spec.txt": (1, 8, True),
    "gingerpayments_ming-ing-provided-example-multiple-messages.txt": (2, 2, False),
    "gingerpayments_ming-ing-provided-example-single-message.txt": (1, 9, False),
    "sandermarechal_abnamro.txt": (2, 10, False),
    "sandermarechal_generic.txt": (2, 2, True),
    "sandermarechal_ing-dos.txt": (1, 7, False),
    "sandermarechal_lbbw.txt": (1, 2, True),
    "sandermarechal_oldenburgischelandesbank.txt": (1, 1, False),
    "sandermarechal_oldenburgischelandesbankmitbindestrich.txt": (1, 1, False),
    "sandermarechal_postfinance.txt": (2, 4, False),
    "sandermarechal_rabobank-iban.txt": (2, 4, True),
    "sandermarechal_rabobank.txt": (4, 5, False),
    "sandermarechal_sns.txt": (2, 2, True),
    "sandermarechal_sparkasse.txt": (2, 2, True),
    "sandermarechal_sparkasse2.txt": (1, 1, False),
    "sandermarechal_sparkasse3.txt": (1, 1, False),
    "sandermarechal_sparkasse_interim_balance.txt": (3, 2, True),
    "sandermarechal_triodos.txt": (1, 2, False),
    "sandermarechal_volksbankenraiffeisenbanken.txt": (8, 12, True),
    "webschik_tests_cases_abn-amro-1.STA": (1, 1, False),
    "webschik_tests_cases_base-1.mta": (3, 9, True),
    "webschik_tests_cases_base-2.mta": (1, 2, True),
    "webschik_tests_cases_base-3.mta": (2, 2, True),
    "webschik_tests_cases_ing-1.mta": (1, 3, True),
    "webschik_tests_cases_ing-2.mta": (1, 0, True),
    "zilverline_14aug2014.swi": (1, 2, False),
    "zilverline_abn_abn_sepa_incasso_doorlopend.txt": (1, 1, False),
    "zilverline_abn_abn_sepa_overboeking.txt": (1, 1, False),
    "zilverline_abn_abn_sepa_periodieke_overboeking.txt": (1, 1, False),
    "zilverline_abn_abn_structured_sepa_acceptgiro.txt": (1, 1, False),
    "zilverline_abn_abn_structured_sepa_ideal.txt": (1, 1, False),
    "zilverline_abn_abn_structured_sepa_overboeking.txt": (1, 1, False),
    "zilverline_abn_abnamro_structured.txt": (2, 10, False),
    "zilverline_abn_anb_sepa_overboeking_belastingdienst.txt": (1, 2, False),
    "zilverline_abn_moneyou.txt": (1, 2, True),
    "zilverline_deutsche_bank.txt": (1, 2, False),
    "zilverline_import-16-06-2014.txt": (1, 2, False),
    "zilverline_ing.txt": (1, 6, False),
    "zilverline_ing_cntp_without_description.txt": (1, 1, True),
    "zilverline_ing_eu_incasso.txt": (1, 1, True),
    "zilverline_ing_eu_incasso_foreign_transaction.txt": (1, 1, False),
    "zilverline_ing_eu_incasso_with_spaces_in_sepa.txt": (1, 1, True),
    "zilverline_ing_failing.txt": (1, 1, True),
    "zilverline_ing_ing_00_00.txt": (1, 1, True),
    "zilverline_ing_ing_dash_in_customer_reference.txt": (1, 1, True),
    "zilverline_ing_ing_purp.txt": (1, 1, True),
    "zilverline_ing_ing_references.txt": (1, 1, True),
    "zilverline_ing_ing_references_fix.txt": (1, 1, True),
    "zilverline_ing_mt940_iban.txt": (1, 21, True),
    "zilverline_ing_unstructured_remi.txt": (1, 2, True),
    "zilverline_ing_unstructured_remi_2.txt": (1, 1, True),
    "zilverline_ing_unstructured_remi_with_space_in_remi.txt": (1, 1, True),
    "zilverline_ing_structured.txt": (1, 7, False),
    "zilverline_knab_knab.txt": (1, 2, True),
    "zilverline_knab_knab_date_and_accounting_date_different_year.txt": (1, 1, True),
    "zilverline_knab_knab_empty.txt": (1, 0, True),
    "zilverline_knab_knab_pin.txt": (1, 1, False),
    "zilverline_knab_knab_sepa_acceptgiro.txt": (1, 1, True),
    "zilverline_knab_knab_sepa_doorlopend_incasso.txt": (1, 1, True),
    "zilverline_knab_knab_sepa_ideal.txt": (1, 1, True),
    "zilverline_knab_knab_sepa_overboeking.txt": (1, 1, True),
    "zilverline_knab_knab_two_blocks.txt": (2, 3, True),
    "zilverline_knab_knab_with_iban.txt": (1, 2, True),
    "zilverline_rabobank.txt": (23, 11, True),
    "zilverline_rabobank_dash_as_start_of_line.txt": (1, 1, True),
    "zilverline_rabobank_fix_rabo_twice_remi.txt": (1, 1, True),
    "zilverline_rabobank_line_break_in_remi.txt": (1, 1, True),
    "zilverline_rabobank_mt940_structured.txt": (2, 9, True),
    "zilverline_rabobank_mt940_structured_dutch_tax.txt": (1, 1, True),
    "zilverline_rabobank_mt940_structured_multi_line.txt": (1, 2, False),
    "zilverline_rabobank_mt940_structured_savings_account.txt": (1, 1, True),
    "zilverline_rabobank_mt940_structured_to_savings_account.txt": (1, 1, True),
    "zilverline_rabobank_with_debet_previous_balance.txt": (1, 0, True),
    "zilverline_sns_sns.txt": (16, 4, True),
    "zilverline_sns_sns_customer_reference.txt": (1, 1, True),
    "zilverline_triodos_iban.txt": (1, 3, True),
    "zilverline_triodos_iban_2.txt": (1, 4, True),
    "zilverline_triodos_multiline_bug.txt": (1, 1, False),
    "zilverline_two_accounts.txt": (4, 3, True),
    "zilverline_van_lanschot_to_private_account_86.txt": (1, 1, True),
    "zilverline_van_lanschot_unspecified_contra_account.txt": (1, 1, True),
    "zilverline_van_lanschot_van_lanschot.txt": (3, 4, True),
}
"""Per file: (statements, entries, balances add up), or the kind of refusal."""

WEIGERINGEN = {
    "MT942": "Dit is een MT942-bestand: een tussentijds rapport, geen afschrift",
    "camt.052": "Dit is een tussentijds rekeningrapport (camt.052), geen bankafschrift",
    "camt.054": "Dit is een debet-/creditnotificatie (camt.054), geen bankafschrift",
}


@GEEN_MAP
@pytest.mark.parametrize("naam", sorted(VERWACHT))
def test_echt_bestand(naam: str) -> None:
    assert MAP is not None
    verwacht = VERWACHT[naam]
    with open(MAP / naam, "rb") as bestand:
        if isinstance(verwacht, str):
            with pytest.raises(Bestandsfout) as fout:
                list(lees(bestand))
            assert fout.value.melding.startswith(WEIGERINGEN[verwacht])
            return
        gebeurtenissen = list(lees(bestand))
    afschriften = sum(isinstance(g, Afschriftkop) for g in gebeurtenissen)
    boekingen = sum(isinstance(g, Transactie) for g in gebeurtenissen)
    assert (afschriften, boekingen, klopt_saldo(gebeurtenissen)) == verwacht


@GEEN_MAP
def test_elk_bestand_in_de_map_wordt_getest() -> None:
    assert MAP is not None
    aanwezig = {pad.name for pad in MAP.iterdir() if pad.name != "README.md"}
    assert aanwezig == set(VERWACHT)
    readme = (MAP / "README.md").read_text(encoding="utf-8")
    assert all(f"`{naam}`" in readme for naam in VERWACHT)
