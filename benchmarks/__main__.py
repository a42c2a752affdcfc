"""`make bench`: run every benchmark and print its figures.

Benchmarks report numbers (rates, memory); they never fail on a threshold. Targets and
the last measured figures are in the README.
"""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = [
    "benchmarks.schema", "benchmarks.parsen", "benchmarks.demodata", "benchmarks.afschriften",
    "benchmarks.onafhankelijk_bench", "benchmarks.derde_bench", "benchmarks.paginas",
]


def main(argv: list[str]) -> int:
    gekozen = [b for b in BENCHMARKS if not argv or any(a in b for a in argv)]
    for naam in gekozen:
        module = importlib.import_module(naam)
        print(f"== {naam} ==", flush=True)
        module.run()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
