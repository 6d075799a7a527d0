"""Benchmarks for the speed targets of DESIGN §6. Never part of `make test`."""
