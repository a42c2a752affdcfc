"""A third, held-out statement generator: a municipality written without looking at the
matcher, to measure it on data nobody tuned it to (HOUSE.md rule 12, issue 7).

Its people, parties, amounts and description texts are its own; only plumbing is shared
with `benchmarks.onafhankelijk`: the statement writers (`camt`, `mt940`, `boeking`),
identifier generators (`nummers`), the name lists (`namen`), the import through the real
service and the scorer (`evaluatie`).

Modules:
- `personen`: participants and the ways payers write their names.
- `instanties`: the paying and receiving parties, with their bank habits.
- `regelingen`: the agreements as staff enter them (amount, schedule, search terms).
- `zinnen`: description texts per kind of party, with the identifying parts marked.
- `posten`: every bank line of the period, with its intended agreement and category.
- `beeld`: a line as the bank presents it (folded, upper case, cut).
- `oordeel`: the ground truth, decided from the presented text and what staff know.
- `laden`: the world into the database (bulk).
- `bouw`: everything together, the statement files and `waarheid.jsonl`.
"""
