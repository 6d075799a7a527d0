"""Feature registrations for the main window (see app/ui/registry.py)."""
