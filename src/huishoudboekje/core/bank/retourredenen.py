"""The SEPA return reason codes a Dutch municipality meets on returned transfers and
reversed direct debits (ISO 20022 ExternalReturnReason1Code), in Dutch words."""

from __future__ import annotations

REDENEN: dict[str, str] = {
    "AC01": "rekeningnummer onjuist",
    "AC04": "rekening opgeheven",
    "AC06": "rekening geblokkeerd",
    "AC13": "rekening van een consument (niet toegestaan)",
    "AG01": "transactie niet toegestaan op deze rekening",
    "AG02": "ongeldige bankcode",
    "AM04": "onvoldoende saldo",
    "AM05": "dubbele betaling",
    "BE05": "incassant onbekend",
    "CNOR": "bank van de begunstigde onbekend",
    "DNOR": "bank van de betaler onbekend",
    "DUPL": "dubbele betaling",
    "FF01": "ongeldig bestandsformaat",
    "FOCR": "terugbetaling op verzoek (na annulering)",
    "MD01": "geen machtiging",
    "MD02": "machtigingsgegevens ontbreken of zijn onjuist",
    "MD06": "terugboeking op verzoek van de betaler",
    "MD07": "rekeninghouder overleden",
    "MS02": "geweigerd door de klant",
    "MS03": "geweigerd door de bank (reden niet opgegeven)",
    "RC01": "BIC onjuist",
    "RR01": "gegevens van de betaler ontbreken (regelgeving)",
    "RR02": "naam of adres van de betaler ontbreekt (regelgeving)",
    "RR03": "naam of adres van de begunstigde ontbreekt (regelgeving)",
    "RR04": "regelgeving",
    "SL01": "specifieke dienst van de bank",
}


def omschrijf_retourreden(code: str) -> str:
    """"AC04 – rekening opgeheven"; an unknown code as it is; "" for none."""
    code = code.strip().upper()
    if not code:
        return ""
    tekst = REDENEN.get(code)
    return f"{code} – {tekst}" if tekst else code
