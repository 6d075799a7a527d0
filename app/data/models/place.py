"""Places (county, township, village) named by their statistical division code."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.data.base import Base, SyncMixin


class Place(SyncMixin, Base):
    __tablename__ = "place"
    code: Mapped[str] = mapped_column(String(12), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(64))
    level: Mapped[str] = mapped_column(String(16))  # county / township / village
