"""The county server's secret keys, kept out of its database in a file only the server's owner reads.

A copy of `county.db` (a backup, a disk sent for repair, a PostgreSQL dump) must not carry the keys
that sign the county's answers. They live in a key file, JSON `{name: value}`, created with mode
0600 and replaced atomically: by default beside a SQLite database (`county.db` → `county.db.keys`);
for PostgreSQL (or when the officer prefers another place, e.g. an encrypted volume) the path set
with `tonghu serve --keys PATH` or `TONGHU_SERVER_KEYS`; failing those, a per-database file in
`TONGHU_SERVER_KEYS_DIR` or the user's data folder.

`secret(db, name, make)` returns a key, making it on first use; a key still found in the database's
`srv_setting` (a server from before issue 15) is moved into the file and deleted from the database
the first time the server opens it (`move_out(db)` does it for every known key at start-up).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from pathlib import Path
from typing import Callable

from app.core.errors import TonghuError

log = logging.getLogger("tonghu.server")

ENV_FILE, ENV_DIR = "TONGHU_SERVER_KEYS", "TONGHU_SERVER_KEYS_DIR"
# Secrets other modules keep in srv_setting before issue 15, moved out on first open.
KNOWN = ("county_identity", "console_secret")
_lock = threading.Lock()


class ServerKeyError(TonghuError):
    code = "server_keys"
    default_message = "无法读写县级服务器的密钥文件"


def sqlite_file(url: str) -> Path | None:
    """The file of a `sqlite:///path` URL (None for memory databases and other servers)."""
    if not url.startswith("sqlite"):
        return None
    rest = url.split("://", 1)[1] if "://" in url else url
    path = rest[1:] if rest.startswith("/") else rest
    path = path.split("?", 1)[0]
    if not path or path == ":memory:":
        return None
    return Path(path)


def default_path(url: str) -> Path:
    explicit = os.environ.get(ENV_FILE)
    if explicit:
        return Path(explicit)
    db_file = sqlite_file(url)
    if db_file is not None:
        return db_file.with_name(db_file.name + ".keys")
    folder = os.environ.get(ENV_DIR)
    if not folder:
        from app.paths import user_data_dir

        folder = str(user_data_dir())
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]
    return Path(folder) / f"county-{digest}.keys"


def create_private(path: Path) -> None:
    """Create `path` empty with mode 0600 if it does not exist (never world-readable, not even briefly)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(str(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    os.close(fd)


def tighten(path: Path) -> bool:
    """Make an existing file readable by its owner only; True if it was more open before."""
    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        return False
    if mode & 0o077:
        try:
            os.chmod(path, 0o600)
        except OSError:
            log.warning("could not restrict the permissions of %s", path)
            return False
        return True
    return False


def _load(path: Path) -> dict:
    if not path.exists() or path.stat().st_size == 0:
        return {}
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ServerKeyError(f"县级服务器的密钥文件无法读取：{path}（{type(exc).__name__}）。"
                             "请从备份中恢复这个文件；不要删除它，否则已登记的设备需要重新登记。") from None
    if not isinstance(data, dict):
        raise ServerKeyError(f"县级服务器的密钥文件格式不对：{path}")
    return data


def _save(path: Path, data: dict) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    fd = os.open(str(tmp), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def path_of(db) -> Path:
    return Path(getattr(db, "keys_path", None) or default_path(db.url))


def secret(db, name: str, make: Callable[[], str]) -> str:
    """The key `name` of this server (made with `make()` the first time), from the key file."""
    path = path_of(db)
    with _lock:
        data = _load(path)
        if name in data:
            return data[name]
        value = _take_from_database(db, name)
        data[name] = value if value is not None else make()
        path.parent.mkdir(parents=True, exist_ok=True)
        _save(path, data)
        if value is not None:
            _forget_in_database(db, name)
            log.info("moved the server key %s out of the database into %s", name, path)
        return data[name]


def move_out(db) -> list[str]:
    """Move every known key still in the database into the key file; the names moved."""
    moved = []
    for name in KNOWN:
        if _take_from_database(db, name) is not None:
            secret(db, name, lambda: "")
            moved.append(name)
    return moved


def _take_from_database(db, name: str) -> str | None:
    from app.server.db import ServerSetting

    with db.sessions() as s:
        row = s.get(ServerSetting, name)
        return row.value if row is not None and row.value else None


def _forget_in_database(db, name: str) -> None:
    from app.server.db import ServerSetting

    with db.sessions() as s, s.begin():
        row = s.get(ServerSetting, name)
        if row is not None:
            s.delete(row)
