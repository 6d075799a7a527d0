"""The county's visit policy as it travels (县级走访政策): one row per version, written by the
county (`tonghu server policy set`) with the county's 6-digit code as its `village_code`, so every
laptop of the county receives it by network sync or USB answer. Laptops never create or edit
these rows (the server refuses such a push). Which version a laptop applied is its own setting
(`app/data/county_policy.py`): an invalid or older version that arrives is kept but not applied.
"""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.data.base import AppendOnlyMixin, Base


class CountyPolicyVersion(AppendOnlyMixin, Base):
    __tablename__ = "county_policy"
    __county_only__ = True
    village_code: Mapped[str] = mapped_column(String(12), index=True)  # the county's code (6 digits)
    version: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text, default="")  # the policy file (TOML) as the county issued it
    issued_by: Mapped[str] = mapped_column(String(64), default="")
