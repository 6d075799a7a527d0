"""`python -m app` and the frozen program (dist/tonghu/tonghu): no arguments opens the window.

With arguments it is the command line (`tonghu --version`, `tonghu --self-check`, `tonghu init …`).
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from app.cli import main as cli_main

    return cli_main(args or ["run"])


if __name__ == "__main__":
    sys.exit(main())
