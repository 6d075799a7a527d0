"""Fixtures: a small synthetic county on a live server, over SQLite and over PostgreSQL (one per
test module: building it is most of the cost; tests that change rows put them back)."""

from __future__ import annotations

import pytest

from tests.server.console.helpers import fill
from tests.sync.live import LiveServer, server_db


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def county(request, tmp_path_factory):
    with server_db(request.param, tmp_path_factory.mktemp("county")) as db:
        fill(db)
        with LiveServer(db) as srv:
            yield srv
