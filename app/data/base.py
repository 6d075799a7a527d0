"""Declarative base and the sync columns every synced table carries (DESIGN §3).

`SyncMixin` rows have a UUIDv7 `id`, the `hlc` and `origin` of their latest change, a `deleted`
tombstone and `versions`: a JSON map `field -> [hlc, origin]` holding each field's own version,
which the merge compares field by field. `AppendOnlyMixin` marks event rows (visits, assessments,
reports, payments) that are never edited once written; a correction is a new row.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, MetaData, String, Text, event
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.data.ids import new_id
from app.core import clock as wallclock
from app.core.hlc import ZERO

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


# Column info marking a value each device derives itself: never captured, never synced.
DERIVED = {"derived": True}

SYNC_COLUMNS = frozenset({"id", "hlc", "origin", "deleted", "versions"})


class SyncMixin:
    """Columns of every synced row. Never hard-delete: set `deleted = True`."""

    __synced__ = True
    __append_only__ = False

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    hlc: Mapped[str] = mapped_column(String(21), default=ZERO, index=True)
    origin: Mapped[str] = mapped_column(String(64), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    versions: Mapped[str] = mapped_column(Text, default="{}")


class AppendOnlyMixin(SyncMixin):
    """An event row: written once, never edited; amendments are new rows pointing at it."""

    __append_only__ = True


def utcnow() -> dt.datetime:
    return wallclock.utcnow()


def synced_tables() -> dict[str, type]:
    """Every synced model class by table name, including those later modules add (a new dict
    each call; the scan of the registry is cached until another class is mapped, because the
    sync checks every change against it)."""
    global _SYNCED
    found = _SYNCED
    if found is None:
        found = {}
        for mapper in Base.registry.mappers:
            cls = mapper.class_
            if getattr(cls, "__synced__", False) and hasattr(cls, "__tablename__"):
                found[cls.__tablename__] = cls
        _SYNCED = found
    return dict(found)


_SYNCED: dict[str, type] | None = None


def _forget_synced(*_args) -> None:
    global _SYNCED
    _SYNCED = None


event.listen(Base, "instrument_class", _forget_synced, propagate=True)
event.listen(Base, "after_mapper_constructed", _forget_synced, propagate=True)
