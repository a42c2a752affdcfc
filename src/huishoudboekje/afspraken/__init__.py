"""Agreements (afspraken): expected incomes, fixed costs and the leefgeld payout of a
participant, each with counterparty, amount, rubriek, validity, search terms and a
payment schedule (betaalinstructie)."""
