"""Benchmarks (`make bench`): figures, never asserts. See benchmarks/__main__.py.

They run on generated data in demo mode (the demo secret key, plain http for the
test client); every benchmark step in a fresh process inherits it."""

import os

os.environ.setdefault("HHB_DEMO", "true")
