"""Fixtures for the county server tests: a live server over SQLite and over PostgreSQL."""

from __future__ import annotations

import pytest

from tests.sync.live import LiveServer, server_db


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def live(request, tmp_path):
    with server_db(request.param, tmp_path) as db, LiveServer(db) as srv:
        yield srv
