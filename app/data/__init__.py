"""Data layer: the encrypted store, its models and migrations, key handling, queries, audit log."""
