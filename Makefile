# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Debian packages the tests and the app need (PDF tools, Chinese fonts, Qt's xcb libraries).
DEB_PACKAGES := poppler-utils zbar-tools fonts-wqy-microhei xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 chromium

.PHONY: run test bench sysdeps venv clean translations package docs

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev,server]'
	touch $(STAMP)

venv: $(STAMP)

sysdeps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo apt-get update -q && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	  else echo "Please install these Debian packages first: sudo apt-get install$$missing"; exit 1; fi; \
	fi

run: sysdeps venv translations
	$(PY) -m app.cli run

# Slow tests (the PyInstaller bundle build) run only under CI=true. The suite runs on up to four
# workers (pytest-xdist; TEST_JOBS=1 for one process), each test on its own stores and schema.
TEST_JOBS ?= $(shell $(PYTHON) -c "import os; print(min(4, os.cpu_count() or 1))")
test: sysdeps venv translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n $(TEST_JOBS) --durations=15 $(if $(filter true,$(CI)),,-m "not slow")

# UI translations: resources/translations/*.ts → .qm (the .qm files are not committed).
translations: venv
	$(PY) scripts/update_translations.py --compile >/dev/null

# The village program: dist/tonghu/ (one folder), its size in dist/tonghu-size.txt.
package: sysdeps venv translations
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN build.spec
	echo "$$(du -sh dist/tonghu | cut -f1) ($$(du -sb dist/tonghu | cut -f1) bytes, $$(find dist/tonghu -type f | wc -l) files)" > dist/tonghu-size.txt
	@echo "dist/tonghu: $$(cat dist/tonghu-size.txt)"

# The user guide's screenshots (docs/images/*.png) from the demo store.
docs: sysdeps venv translations
	QT_QPA_PLATFORM=offscreen $(PY) scripts/make_docs_screenshots.py

bench: venv
	$(PY) -m bench

clean:
	rm -rf $(VENV) build dist .pytest_cache
