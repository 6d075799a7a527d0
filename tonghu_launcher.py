"""The script PyInstaller freezes (build.spec): hands over to `app.__main__` (no args → GUI).

The Windows program is built windowed (no console window pops up for users), so it has no
stdout. When it is started with arguments from a command prompt (`tonghu --self-check`,
`tonghu --version`), attach to that prompt's console so the output is visible there.
"""

import multiprocessing
import os
import sys


def _attach_parent_console() -> None:
    if os.name != "nt" or sys.stdout is not None or len(sys.argv) < 2:
        return
    try:
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
            sys.stdout = open("CONOUT$", "w", encoding="utf-8", errors="replace")
            sys.stderr = open("CONOUT$", "w", encoding="utf-8", errors="replace")
            sys.stdin = open("CONIN$", "r", encoding="utf-8", errors="replace")
    except Exception:  # no console to attach to: stay silent, as a windowed program is
        pass


if __name__ == "__main__":
    multiprocessing.freeze_support()
    _attach_parent_console()
    from app.__main__ import main

    sys.exit(main())
