"""Fixtures for the roster-import tests: the county's place list loaded into a server database,
and the 30,000-row rosters made once and kept in pytest's cache directory."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.server.roster import places
from tests.server.roster import rosters

SAMPLES = Path(__file__).resolve().parent / "samples"


def load_places(db) -> None:
    places.save_places(db, places.read_places(SAMPLES / "places.csv"))


@pytest.fixture(scope="session")
def big_rosters(request, tmp_path_factory) -> dict[str, Path]:
    """{'national': 30,000-row xlsx, 'county': the same children as a 30,000-row 台账 CSV}."""
    cache = getattr(request.config, "cache", None)
    folder = Path(cache.mkdir("roster30k-v2")) if cache is not None else tmp_path_factory.mktemp("roster30k")
    made = {"national": folder / "national_30000.xlsx", "county": folder / "county_30000.csv"}
    if not made["national"].exists():
        rosters.national_xlsx(folder / "national.tmp.xlsx", 30000).rename(made["national"])
    if not made["county"].exists():
        rosters.county_csv(folder / "county.tmp.csv", 30000).rename(made["county"])
    return made
