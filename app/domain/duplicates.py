"""Rules for 疑似重复档案: two files of one child (the same ID number registered on two laptops)
and how they merge into one. Pure rules: no Qt, no SQL (`app/data/duplicates.py` applies them).

* Files are duplicates when their ID numbers are the same after `idnumber.normalise`.
* A merge keeps one file (the survivor); for each field where the two files differ, the person
  chooses which value stays. Without a choice the survivor's value stays, unless it is empty and
  the other file's is not.
* Rows of the other file that describe the same thing twice are folded into the survivor's: a
  guardian with the same relation and name, a category the survivor already holds (current), a
  screening record of the same round. Everything else moves to the survivor as it is.
"""

from __future__ import annotations

from typing import Any, Iterable

from app.domain import idnumber

KEEP, DROP = "keep", "drop"

# Fields of the child a merge compares, in the order the dialog shows them. `birth_date` and
# `sex` follow from the ID number; `status` carries `status_date` and `status_note` along.
MERGE_FIELDS = [
    "name", "id_number", "village_code", "status", "ethnicity", "hukou_place", "hukou_type", "address",
    "group_name", "phone", "school", "school_stage", "grade", "health", "illness", "disability_type",
    "disability_grade", "disability_cert_no", "guardianship_state", "photo", "notes",
]
STATUS_FIELDS = ("status", "status_date", "status_note")


def duplicate_key(number: str | None) -> str:
    """The key two files share when they belong to one child ('' = no number, never a duplicate)."""
    if number and number.isascii() and number.isalnum() and number == number.upper():
        return number  # already normalised (as saved by this app): the register is scanned whole
    return idnumber.normalise(number or "")


def group_duplicates(rows: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """(row id, ID number) pairs -> {normalised number: [ids]} for the numbers held more than once."""
    groups: dict[str, list[str]] = {}
    for row_id, number in rows:
        key = duplicate_key(number)
        if key:
            groups.setdefault(key, []).append(row_id)
    return {k: v for k, v in sorted(groups.items()) if len(v) > 1}


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == b""


def same(field: str, a: Any, b: Any) -> bool:
    if field == "id_number":
        return duplicate_key(a) == duplicate_key(b)
    return (None if _empty(a) else a) == (None if _empty(b) else b)


def differing_fields(keep: dict[str, Any], drop: dict[str, Any]) -> list[str]:
    """The merge fields whose values differ between the two files, in `MERGE_FIELDS` order."""
    return [f for f in MERGE_FIELDS if not same(f, keep.get(f), drop.get(f))]


def default_choice(field: str, keep_value: Any, drop_value: Any) -> str:
    """KEEP the survivor's value, unless it is empty and the other file has one."""
    if _empty(keep_value) and not _empty(drop_value):
        return DROP
    return KEEP


def merged_values(keep: dict[str, Any], drop: dict[str, Any], choices: dict[str, str] | None = None) -> dict[str, Any]:
    """The values the survivor takes from the other file: {field: value} for each differing field
    whose choice (given, else `default_choice`) is DROP. `status` brings its date and note."""
    choices = choices or {}
    out: dict[str, Any] = {}
    for f in differing_fields(keep, drop):
        choice = choices.get(f) or default_choice(f, keep.get(f), drop.get(f))
        if choice not in (KEEP, DROP):
            raise ValueError(f"unknown choice for {f}: {choice!r}")
        if choice == DROP:
            if f == "status":
                out.update({k: drop.get(k) for k in STATUS_FIELDS})
            else:
                out[f] = drop.get(f)
    return out


def guardian_key(relation: str, name: str) -> tuple[str, str]:
    """Two guardian rows with this key describe the same person."""
    return ((relation or "").strip(), "".join((name or "").split()))


def fill_blanks(keep: dict[str, Any], drop: dict[str, Any]) -> dict[str, Any]:
    """Values of `drop` for the fields `keep` leaves empty (folding a row into its twin)."""
    return {k: v for k, v in drop.items() if _empty(keep.get(k)) and not _empty(v)}
