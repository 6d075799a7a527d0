"""The page cache is sized from the store and the machine (issue 17), not fixed at 64 MiB."""

from __future__ import annotations

from sqlalchemy import text

from app.data import cache_size

MIB = 1024
GIB = 1024 * MIB


def test_cache_grows_with_the_store_within_bounds():
    eight_gib = 8 * GIB
    assert cache_size.cache_kib(0, eight_gib) == 64 * MIB  # a village: the floor
    assert cache_size.cache_kib(800 * 1024 * MIB, eight_gib) == 100 * MIB  # a township: an eighth
    assert cache_size.cache_kib(2300 * 1024 * MIB, eight_gib) == 128 * MIB  # a county: the ceiling
    assert cache_size.cache_kib(2300 * 1024 * MIB, GIB) == 64 * MIB  # an old 1 GiB laptop
    assert cache_size.cache_kib(2300 * 1024 * MIB, None) == 128 * MIB  # memory unknown


def test_an_open_store_uses_the_sized_cache(store):
    expected = cache_size.for_store(store.path)
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA cache_size")).scalar() == -expected
    assert cache_size.machine_memory_kib()
    with store.read_session() as s:
        with cache_size.one_pass(s, 2048):  # a read over a big table: a small cache meanwhile
            assert s.connection().exec_driver_sql("PRAGMA cache_size").scalar() == -2048
        assert s.connection().exec_driver_sql("PRAGMA cache_size").scalar() == -expected


def test_a_connection_used_off_the_ui_thread_gets_a_small_cache(store):
    import threading

    from app.data import cache_size

    with store.read_session() as s:
        main = -s.connection().exec_driver_sql("PRAGMA cache_size").scalar()
    seen = []

    def worker():
        with store.read_session() as s:
            seen.append(-s.connection().exec_driver_sql("PRAGMA cache_size").scalar())

    t = threading.Thread(target=worker)
    t.start()
    t.join()
    assert seen == [cache_size.worker(main)] and seen[0] <= cache_size.WORKER_KIB
    with store.read_session() as s:  # back on the UI thread: the full cache again
        assert -s.connection().exec_driver_sql("PRAGMA cache_size").scalar() == main
