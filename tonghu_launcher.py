"""The script PyInstaller freezes (build.spec): hands over to `app.__main__` (no args → GUI)."""

import multiprocessing
import sys

from app.__main__ import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
