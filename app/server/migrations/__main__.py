"""`python -m app.server.migrations revision -m "what changed"`: write a new server revision.

A scratch SQLite database is upgraded to the current head, compared with the models, and what the
server's own tables (srv_*) lack is written as a revision on the current head (the desktop copies
follow the models by themselves: app/server/migrations/__init__.py). Read it before committing.
`heads` prints the current head(s): there must be exactly one.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from app.server import migrations


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.server.migrations")
    sub = parser.add_subparsers(dest="cmd", required=True)
    rev = sub.add_parser("revision")
    rev.add_argument("-m", "--message", required=True)
    sub.add_parser("heads")
    args = parser.parse_args(argv)
    if args.cmd == "heads":
        print("\n".join(migrations.script_heads()))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'scratch.db'}")
        migrations.upgrade_only(engine)
        with engine.begin() as conn:
            cfg = migrations.config(conn)
            cfg.attributes["server_only"] = True
            heads = migrations.script_heads()
            number = len(list(migrations.HERE.joinpath("versions").glob("[0-9]*.py"))) + 1
            command.revision(cfg, message=args.message, autogenerate=True, head=heads[0], rev_id=f"{number:04d}")
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
