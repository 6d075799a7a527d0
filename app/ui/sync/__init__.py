"""Sync screens: enrol dialog, background sync with progress, status-bar label, 冲突 page."""
