"""A second, independent generator of a municipality and its bank statements.

Why: the matcher was tuned on the project's own demo generator (`demogegevens`), so its
figures there prove little (HOUSE.md rule 12, issue 7). This package shares no code with
that generator nor with the project's statement writers (`core.bank.schrijven*`): it
has its own people, parties, description styles, noise and its own camt.053.001.02 and
MT940 writers, written from the formats' descriptions. Only the database plumbing
(models, `huishoudboekje.bulk.invoegen`) and the real import service are shared.

Entry points:
- `bouw_gemeente(map_, deelnemers=..., maanden=..., seed=...)` (in `bouwen`): writes
  the municipality into the current database and the statement files plus ground truth
  into `map_`.
- `importeer_bestanden(map_)` (in `bouwen`): imports every file through
  `bankafschrift_importeren` with one reused `Afletteraar`.
- `evalueer_gemeente(map_)` (in `evaluatie`): the figures against the ground truth, for
  the matcher's automatic bookings and for the old VNG rule as a baseline.
"""
