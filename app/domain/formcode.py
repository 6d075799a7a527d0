"""The code printed as a QR on every visit form, and read back from the search box (issue 13).

`TONGHU:1:C:<child id>:V:<visit id>` names a recorded visit, `TONGHU:1:C:<child id>:P:<YYYYMMDD>`
a planned one (the child and the due date). The print module writes it upper case (QR's compact
alphanumeric mode); a USB barcode scanner "types" it into the focused box like a keyboard, often
followed by Enter. `parse` accepts any case and surrounding spaces and gives back the ids as stored
(lower case).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ID = r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
_CODE = re.compile(rf"^\s*TONGHU:1:C:({_ID})(?::(V):({_ID})|:(P):(\d{{8}}))?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class FormCode:
    child_id: str
    visit_id: str | None = None
    planned: str | None = None  # YYYYMMDD of a planned visit


def encode(child_id: str, visit_id: str | None = None, planned: str | None = None) -> str:
    second = f":V:{visit_id}" if visit_id else (f":P:{planned}" if planned else "")
    return f"TONGHU:1:C:{child_id}{second}".upper()


def parse(text: str) -> FormCode | None:
    """The ids in a scanned or typed form code, or None if `text` is not one."""
    m = _CODE.match(text or "")
    if not m:
        return None
    return FormCode(child_id=m.group(1).lower(), visit_id=m.group(3).lower() if m.group(3) else None,
                    planned=m.group(5))
