"""Outputs a page cannot act through: spreadsheet-safe CSV cells and terminal-safe text.

Everything newsgraph prints or writes may come from a hostile page: a title, a site name, a quote, a file name.

* **CSV** (:func:`csv_cell`, :func:`csv_writer`): a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return is a formula to Excel, LibreOffice and Google Sheets (``=HYPERLINK(…)``, ``+cmd|' /C calc'!A0``).
  Such a cell is written with a leading apostrophe, as spreadsheet-safe exporters do: every spreadsheet shows it
  as text, and a program reading the CSV sees the apostrophe and can strip it. Numbers stay numbers.
* **Terminal** (:func:`terminal_line`, :func:`terminal_text`): control characters (C0 and C1, DEL) and the Unicode
  bidirectional overrides are written as visible escapes (``\\x1b``, ``\\u202e``), so an ESC or OSC sequence in an
  article cannot clear the screen or set the window title, and a newline in an id cannot forge a row. JSON outputs
  need none of this: JSON escapes C0 controls itself, and :func:`json_safe` escapes the rest losslessly.
"""
from __future__ import annotations

import csv
import re
from typing import Any, Iterable, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates, line/paragraph separators.
_CONTROLS_KEEP_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def csv_cell(value: Any) -> Any:
    """A cell a spreadsheet will not evaluate: text that starts like a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _SafeWriter:
    """A ``csv.writer`` whose every row passes through :func:`csv_cell`."""

    def __init__(self, out: TextIO, **kwargs: Any):
        self._writer = csv.writer(out, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([csv_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(out: TextIO, **kwargs: Any) -> _SafeWriter:
    """Like ``csv.writer(out)``, with formula-like cells neutralised (the header row too)."""
    return _SafeWriter(out, **kwargs)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_line(value: Any) -> str:
    """One field or line for a terminal: every control character, newlines included, as a visible escape."""
    return _CONTROLS.sub(_escape, "" if value is None else str(value))


def terminal_text(value: Any) -> str:
    """Multi-line text (an article body) for a terminal: newlines and tabs kept, other controls escaped."""
    return _CONTROLS_KEEP_LINES.sub(_escape, "" if value is None else str(value))


def json_safe(text: str) -> str:
    """JSON text with DEL, C1 controls and bidi overrides as ``\\u`` escapes (the same value, decoded)."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
