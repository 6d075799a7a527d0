"""Validation errors carrying the field they concern and a message fit to show a user (Chinese)."""

from __future__ import annotations

from app.core.errors import TonghuError


class ValidationError(TonghuError, ValueError):
    """Bad input for one field. `message` is shown to the user next to that field."""

    code = "invalid"

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class ValidationErrors(TonghuError, ValueError):
    """Several field errors found at once, so a form can mark every bad field."""

    code = "invalid"

    def __init__(self, errors: list[ValidationError]):
        super().__init__("; ".join(str(e) for e in errors))
        self.errors = errors
        self.message = "；".join(e.message for e in errors)

    def by_field(self) -> dict[str, str]:
        return {e.field: e.message for e in self.errors}
