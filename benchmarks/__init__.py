"""Benchmarks (`make bench`): figures, never asserts. See benchmarks/__main__.py."""
