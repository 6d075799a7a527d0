"""A small streaming .xlsx writer for the console's exports (30,000-row rosters in seconds, where
openpyxl's writer needs a minute on a county's old server).

It writes only what the exports need: sheets with a bold, shaded header row frozen at the top,
column widths, and cells that are text (inline strings: never a formula, whatever they start
with), numbers, booleans, dates and date-times. Characters XML cannot hold are dropped.
openpyxl (and Excel, WPS, LibreOffice) read the result.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from xml.sax.saxutils import escape

_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SPECIAL = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_EPOCH = dt.datetime(1899, 12, 30)
_EPOCH_ORDINAL = _EPOCH.toordinal()
STYLE_DATE, STYLE_DATETIME, STYLE_HEADER = 1, 2, 3
BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})

STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>
<numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd\\ hh:mm"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFDCE6F1"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>"""


def column_letter(i: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


def text(value: str) -> str:
    if _SPECIAL.search(value) is None:
        return value
    return escape(_BAD_XML.sub("", value))


MAX_COLUMNS = 16384


class Sheet:
    def __init__(self, book: "Workbook", index: int, title: str, headers: list[str], widths: list[int] | None):
        self.title = title
        self.path = f"xl/worksheets/sheet{index}.xml"
        self.stream = book.zip.open(self.path, "w", force_zip64=True)
        self.n = 0
        self.buffer: list[str] = []
        cols = "".join(f'<col min="{i + 1}" max="{i + 1}" width="{w}" customWidth="1"/>'
                       for i, w in enumerate(widths or [max(8, len(h) * 2 + 2) for h in headers]))
        self.stream.write((
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
            'state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/>{"<cols>" + cols + "</cols>" if cols else ""}<sheetData>').encode())
        self.append(headers, style=STYLE_HEADER)

    def append(self, values, style: int = 0) -> None:
        """One row. Cells carry no reference: each follows the one before (an empty one is `<c/>`)."""
        self.n += 1
        if len(values) > MAX_COLUMNS:
            raise ValueError("too many columns")
        s = f' s="{style}"' if style else ""
        parts = [f'<row r="{self.n}">']
        add = parts.append
        for v in values:
            kind = type(v)
            if kind is str:
                if v:
                    add(f'<c t="inlineStr"{s}><is><t xml:space="preserve">{text(v)}</t></is></c>' if v[0] == " " or
                        v[-1] == " " else f'<c t="inlineStr"{s}><is><t>{text(v)}</t></is></c>')
                else:
                    add("<c/>")
            elif v is None:
                add("<c/>")
            elif kind is int or kind is float:
                add(f"<c{s}><v>{v}</v></c>")
            elif kind is dt.date:
                add(f'<c s="{STYLE_DATE}"><v>{v.toordinal() - _EPOCH_ORDINAL}</v></c>')
            else:
                add(self._other(v, s))
        parts.append("</row>")
        self.buffer.append("".join(parts))
        if len(self.buffer) >= 2000:
            self.flush()

    @staticmethod
    def _other(v, s: str) -> str:
        if isinstance(v, bool):
            return f'<c t="b"{s}><v>{int(v)}</v></c>'
        if isinstance(v, (int, float)):
            return f"<c{s}><v>{v}</v></c>"
        if isinstance(v, dt.datetime):
            serial = (v.replace(tzinfo=None) - _EPOCH).total_seconds() / 86400
            return f'<c s="{STYLE_DATETIME}"><v>{serial:.10f}</v></c>'
        if isinstance(v, dt.date):
            return f'<c s="{STYLE_DATE}"><v>{v.toordinal() - _EPOCH_ORDINAL}</v></c>'
        return f'<c t="inlineStr"{s}><is><t xml:space="preserve">{text(str(v))}</t></is></c>'

    def flush(self) -> None:
        if self.buffer:
            self.stream.write("".join(self.buffer).encode())
            self.buffer = []

    def close(self) -> None:
        self.flush()
        self.stream.write(b"</sheetData></worksheet>")
        self.stream.close()


class Workbook:
    """Sheets are written one after another: adding a sheet finishes the one before."""

    def __init__(self):
        self.buf = io.BytesIO()
        self.zip = zipfile.ZipFile(self.buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1)
        self.sheets: list[Sheet] = []
        self.titles: set[str] = set()

    def _title(self, title: str) -> str:
        name = (title.translate(BAD_SHEET_CHARS).strip("'") or "Sheet")[:31]
        n = 2
        while name.lower() in self.titles:
            suffix = f"({n})"
            name = (title.translate(BAD_SHEET_CHARS) or "Sheet")[:31 - len(suffix)] + suffix
            n += 1
        self.titles.add(name.lower())
        return name

    def add_sheet(self, title: str, headers: list[str], widths: list[int] | None = None) -> Sheet:
        if self.sheets:
            self.sheets[-1].close()
        sheet = Sheet(self, len(self.sheets) + 1, self._title(title), headers, widths)
        self.sheets.append(sheet)
        return sheet

    def close(self) -> bytes:
        if self.sheets:
            self.sheets[-1].close()
        else:
            self.add_sheet("Sheet", []).close()
        z = self.zip
        sheets = "".join(f'<Override PartName="/{s.path}" ContentType="application/vnd.openxmlformats-officedocument.'
                         f'spreadsheetml.worksheet+xml"/>' for s in self.sheets)
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.styles+xml"/>' + sheets + '</Types>'))
        z.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        entries = "".join(f'<sheet name="{escape(s.title, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
                          for i, s in enumerate(self.sheets, 1))
        z.writestr("xl/workbook.xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<bookViews><workbookView/></bookViews><sheets>{entries}</sheets></workbook>'))
        rels = "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                       f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(self.sheets) + 1))
        n = len(self.sheets) + 1
        z.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + rels +
            f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'styles" Target="styles.xml"/></Relationships>'))
        z.writestr("xl/styles.xml", STYLES)
        z.close()
        return self.buf.getvalue()
