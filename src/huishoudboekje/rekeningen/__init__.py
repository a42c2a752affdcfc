"""Bank accounts (IBAN, holder, BIC) of participants and organisation departments."""
