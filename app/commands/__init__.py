"""Subcommands of `tonghu`, one module per feature; each exposes `register(subparsers)`."""
