"""Tonghu (童护): offline-first case files for village child directors, and the county sync server."""

__version__ = "0.1.0"
