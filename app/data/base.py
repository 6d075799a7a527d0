"""Declarative base and the sync columns every synced table carries (DESIGN §3).

`SyncMixin` rows have a UUIDv7 `id`, the `hlc` and `origin` of their latest change, a `deleted`
tombstone and `versions`: a JSON map `field -> [hlc, origin]` holding each field's own version,
which the merge compares field by field. `AppendOnlyMixin` marks event rows (visits, assessments,
reports, payments) that are never edited once written; a correction is a new row.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import Boolean, MetaData, String, Table, Text, event
from sqlalchemy.orm import DeclarativeBase, InstrumentedAttribute, Mapped, mapped_column
from sqlalchemy.sql import FromClause

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

    if TYPE_CHECKING:  # what `Base` gives every synced model (the mixin is always used beside it)
        __tablename__: str
        __table__: ClassVar[FromClause]

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    hlc: Mapped[str] = mapped_column(String(21), default=ZERO, index=True)
    origin: Mapped[str] = mapped_column(String(64), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    versions: Mapped[str] = mapped_column(Text, default="{}")


class AppendOnlyMixin(SyncMixin):
    """An event row: written once, never edited; amendments are new rows pointing at it."""

    __append_only__ = True


def table_of(model: type[Base] | type[SyncMixin]) -> Table:
    """The `Table` a model is mapped to (SQLAlchemy types `__table__` as any FromClause, which `insert()` and
    `update()` do not take; every model here is declared with `__tablename__`, so it is a Table)."""
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to a table")
    return table


def mapped(model: type[SyncMixin], name: str) -> InstrumentedAttribute[Any]:
    """The mapped attribute `name` of `model`, for a column picked at run time (e.g. the `child_id` of every
    model that has one); `AttributeError` if the model maps no such column."""
    found = getattr(model, name, None)
    if not isinstance(found, InstrumentedAttribute):
        raise AttributeError(f"{model.__name__} maps no column {name}")
    return found


def utcnow() -> dt.datetime:
    return wallclock.utcnow()


def synced_tables() -> dict[str, type[SyncMixin]]:
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


_SYNCED: dict[str, type[SyncMixin]] | None = None


def child_linked() -> list[tuple[type[SyncMixin], InstrumentedAttribute[Any]]]:
    """Every synced model with a `child_id` column (the rows of a child's file), with that attribute."""
    return [(cls, mapped(cls, "child_id")) for cls in synced_tables().values() if "child_id" in cls.__table__.columns]


def _forget_synced(*_args: object) -> None:
    global _SYNCED
    _SYNCED = None


event.listen(Base, "instrument_class", _forget_synced, propagate=True)
event.listen(Base, "after_mapper_constructed", _forget_synced, propagate=True)
