"""Sync: hybrid logical clock, change capture, the one merge, network client and USB bundles."""
