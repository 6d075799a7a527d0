"""Keep resources/translations/tonghu_en.ts in step with the UI strings in app/**/*.py.

    .venv/bin/python scripts/update_translations.py              # lupdate: add new strings, drop vanished ones
    .venv/bin/python scripts/update_translations.py --unfinished # list strings still to translate (JSON)
    .venv/bin/python scripts/update_translations.py --apply F.json  # fill translations, then lupdate
    .venv/bin/python scripts/update_translations.py --check      # exit 1 if the .ts is stale or unfinished
    .venv/bin/python scripts/update_translations.py --compile    # .ts → .qm with lrelease

Source strings are Chinese (zh_CN is the source language, so it needs no .ts). The mapping file
for `--apply` is JSON: {"源文": "English", "Context\u0004源文": "context-specific English", ...};
for a plural (%n) message the value may be a list [singular, plural].
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ["en"]
SOURCE_LANGUAGE = "zh_CN"


def ts_file(lang: str) -> Path:
    return TRANSLATIONS / f"tonghu_{lang}.ts"


def tool(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    found = str(candidate) if candidate.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (run inside the project's venv)")
    return found


def source_files() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app").rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(ts: Path, lang: str) -> None:
    """Merge the strings of every app/**/*.py into `ts` (created if missing)."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    cmd = [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none",
           "-source-language", SOURCE_LANGUAGE, "-target-language", lang, *source_files(), "-ts", str(ts)]
    subprocess.run(cmd, cwd=ROOT, check=True)


# -- reading and writing .ts files -------------------------------------------------------
def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <message> element) for every message in the file."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            out.append((name, msg.findtext("source") or "", msg))
    return out


def is_unfinished(msg: ET.Element) -> bool:
    tr = msg.find("translation")
    if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete"):
        return tr is None or tr.get("type") == "unfinished"
    forms = tr.findall("numerusform")
    if forms:
        return any(not (f.text or "").strip() for f in forms)
    return not (tr.text or "").strip()


def source_set(ts: Path) -> set[tuple[str, str]]:
    return {(ctx, src) for ctx, src, msg in messages(ts)
            if (msg.find("translation") is None or msg.find("translation").get("type") not in ("vanished", "obsolete"))}


def unfinished(ts: Path) -> list[tuple[str, str]]:
    return [(ctx, src) for ctx, src, msg in messages(ts) if is_unfinished(msg)]


def apply(ts: Path, mapping: dict) -> int:
    tree = ET.parse(ts)
    count = 0
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            src = msg.findtext("source") or ""
            value = mapping.get(f"{name}\u0004{src}", mapping.get(src))
            if value is None or not is_unfinished(msg):
                continue
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            tr.attrib.pop("type", None)
            if msg.get("numerus") == "yes":
                forms = value if isinstance(value, list) else [value, value]
                for child in list(tr):
                    tr.remove(child)
                tr.text = None
                for form in forms:
                    ET.SubElement(tr, "numerusform").text = form
            else:
                tr.text = value if isinstance(value, str) else value[-1]
            count += 1
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8")
    return count


# -- checks used by the tests ---------------------------------------------------------------
def stale_entries(lang: str) -> tuple[set, set]:
    """(strings in the code but not the .ts, strings in the .ts no longer in the code)."""
    committed = ts_file(lang)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / committed.name
        if committed.exists():
            shutil.copy(committed, fresh)
        run_lupdate(fresh, lang)
        now = source_set(fresh)
    before = source_set(committed) if committed.exists() else set()
    return now - before, before - now


def compile_all() -> list[Path]:
    out = []
    for lang in LANGUAGES:
        ts = ts_file(lang)
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--unfinished", action="store_true", help="print untranslated strings as JSON")
    parser.add_argument("--apply", type=Path, help="JSON mapping of translations to fill in")
    parser.add_argument("--check", action="store_true", help="fail if a .ts is stale or unfinished")
    parser.add_argument("--compile", action="store_true", help="compile .ts to .qm")
    args = parser.parse_args(argv)

    if args.check:
        bad = 0
        for lang in LANGUAGES:
            missing, vanished = stale_entries(lang)
            todo = unfinished(ts_file(lang))
            for ctx, src in sorted(missing):
                print(f"{lang}: not in .ts: [{ctx}] {src}")
            for ctx, src in sorted(vanished):
                print(f"{lang}: no longer in the code: [{ctx}] {src}")
            for ctx, src in todo:
                print(f"{lang}: untranslated: [{ctx}] {src}")
            bad += len(missing) + len(vanished) + len(todo)
        return 1 if bad else 0
    if args.compile:
        for qm in compile_all():
            print(qm.relative_to(ROOT))
        return 0
    for lang in LANGUAGES:
        ts = ts_file(lang)
        run_lupdate(ts, lang)
        if args.apply:
            mapping = json.loads(args.apply.read_text("utf-8"))
            print(f"{lang}: {apply(ts, mapping)} translations filled")
            run_lupdate(ts, lang)  # normalise the file's layout
        todo = unfinished(ts)
        if args.unfinished:
            grouped: dict[str, str] = {}
            for ctx, src in todo:
                grouped.setdefault(src, "")
            print(json.dumps(grouped, ensure_ascii=False, indent=1))
        else:
            print(f"{lang}: {len(source_set(ts))} strings, {len(todo)} untranslated -> {ts.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
