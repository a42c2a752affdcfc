"""Bank statements in: importing camt.053 and MT940 files of the municipality's own
accounts (idempotent, atomic, balance-checked), the bank transactions they contain, and
the back-office screens, command and API for them. Booking transactions on agreements is
`boekhouding`'s job; the import calls it for the automatic matching."""
