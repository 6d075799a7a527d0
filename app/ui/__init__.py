"""PySide6 front end: windows, dialogs and Qt models. No business rules live here."""
