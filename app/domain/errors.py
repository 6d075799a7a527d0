"""Validation errors carrying the field they concern and a message fit to show a user (Chinese)."""

from __future__ import annotations


class ValidationError(ValueError):
    """Bad input for one field. `message` is shown to the user next to that field."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class ValidationErrors(ValueError):
    """Several field errors found at once, so a form can mark every bad field."""

    def __init__(self, errors: list[ValidationError]):
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors

    def by_field(self) -> dict[str, str]:
        return {e.field: e.message for e in self.errors}
