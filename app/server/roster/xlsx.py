"""A fast reader for the first sheet of an .xlsx roster: cell values only (text, numbers,
booleans), streamed with the C XML parser. A 30,000-row national export reads in a few seconds
instead of openpyxl's half a minute. Dates stored as Excel serial numbers stay numbers (the row
checks read them); anything this reader does not understand raises `XlsxUnreadable` and the caller
falls back to openpyxl.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import xml.etree.ElementTree as ET

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REF = re.compile(r"([A-Z]+)(\d+)")


class XlsxUnreadable(ValueError):
    pass


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _first_sheet(z: zipfile.ZipFile) -> str:
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    sheet = wb.find(f"{NS}sheets/{NS}sheet")
    if sheet is None:
        raise XlsxUnreadable("no sheet")
    rid = sheet.get(f"{REL_NS}id")
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    for rel in rels.iter(f"{PKG_REL}Relationship"):
        if rel.get("Id") == rid:
            target = rel.get("Target") or ""
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
    raise XlsxUnreadable("no sheet target")


def _shared(z: zipfile.ZipFile) -> list[str]:
    try:
        data = z.read("xl/sharedStrings.xml")
    except KeyError:
        return []
    out = []
    for _, el in ET.iterparse(io.BytesIO(data)):
        if el.tag == f"{NS}si":
            out.append("".join(t.text or "" for t in el.iter(f"{NS}t")))
            el.clear()
    return out


def _number(text: str):
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _value(el, strings: list[str]):
    kind = el.get("t")
    v = el.find(f"{NS}v")
    if kind == "s":
        return strings[int(v.text)] if v is not None and v.text else ""
    if kind == "inlineStr":
        return "".join(t.text or "" for t in el.iter(f"{NS}t"))
    if kind in ("str", "e"):
        return v.text if v is not None else ""
    if kind == "b":
        return v is not None and v.text == "1"
    return _number(v.text) if v is not None and v.text else None


def read_rows(data: bytes, max_rows: int, max_columns: int) -> list[tuple[int, list]]:
    """(row number, values) for every row of the first sheet; `max_rows` more raise XlsxUnreadable
    ("too_many")."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        strings = _shared(z)
        sheet = z.open(_first_sheet(z))
    except (KeyError, zipfile.BadZipFile, ET.ParseError) as exc:
        raise XlsxUnreadable(str(exc)) from None
    rows: list[tuple[int, list]] = []
    try:
        row_no, cells = 0, {}
        for _, el in ET.iterparse(sheet):
            tag = el.tag
            if tag == f"{NS}c":
                ref = el.get("r")
                col = _column(_REF.match(ref).group(1)) if ref else len(cells)
                if col < max_columns:
                    cells[col] = _value(el, strings)
                el.clear()
            elif tag == f"{NS}row":
                row_no = int(el.get("r") or row_no + 1)
                if len(rows) >= max_rows:
                    raise XlsxUnreadable("too_many")
                width = max(cells) + 1 if cells else 0
                rows.append((row_no, [cells.get(i) for i in range(width)]))
                cells = {}
                el.clear()
    except (ET.ParseError, IndexError, ValueError, AttributeError) as exc:
        if isinstance(exc, XlsxUnreadable):
            raise
        raise XlsxUnreadable(str(exc)) from None
    return rows
