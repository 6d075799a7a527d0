"""Odd characters in typed or imported text: what the store, the search index and the printer accept.

Text reaches the app from keyboards, Chinese input methods, Word and spreadsheets. A NUL, a
lone UTF-16 surrogate (a half emoji from a broken paste) or a control character cannot be stored
as UTF-8 or searched with FTS5, so they are dropped here; full-width letters and digits in a
search become ASCII (NFKC) so "３２０１" finds "3201". Nothing here raises.
"""

from __future__ import annotations

import unicodedata

MAX_QUERY = 100  # characters of a search that are used; nobody types more into a search box

_KEEP_CONTROLS = {"\n", "\t"}


def is_surrogate(ch: str) -> bool:
    return 0xD800 <= ord(ch) <= 0xDFFF


def clean_text(value: str, multiline: bool = True) -> str:
    """`value` without NUL, other control characters (newline and tab kept if multiline) or lone surrogates."""
    value = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    keep = _KEEP_CONTROLS if multiline else set()
    return "".join(ch for ch in value
                   if not is_surrogate(ch) and (ch in keep or unicodedata.category(ch) not in ("Cc", "Cs")))


def clean_query(value: str) -> str:
    """A search as typed → what is searched: one line, NFKC (full-width → ASCII), single spaces, bounded."""
    text = clean_text(value, multiline=False)
    text = unicodedata.normalize("NFKC", text)
    text = clean_text(text, multiline=False)  # NFKC may expose nothing new, but stay safe
    return " ".join(text.split())[:MAX_QUERY]
