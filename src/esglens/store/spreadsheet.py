"""Writing report text into files that spreadsheet programs open: text never runs as a formula.

A quote or label from a report that starts with ``=``, ``@``, ``+`` or ``-`` would be read by Excel or
LibreOffice as a formula when the CSV is opened (CSV injection). CSV cells that could be read so get a
leading apostrophe; plain numbers such as ``-12.5`` are left alone. In xlsx the cell type says text.
"""

from __future__ import annotations

import re
from typing import Any

_NUMBER = re.compile(r"[+\-−]?\s*[\d.,]+\s*%?")
_RISKY_START = ("=", "@", "+", "-", "\t", "\r")


def csv_safe(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_RISKY_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def put_xlsx(cell, value: Any) -> None:
    """Set an openpyxl cell: strings as text (never a formula), without characters xlsx cannot hold."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"
    else:
        cell.value = value


def write_xlsx_sheet(path, sheet: str, headers: list[str], rows: list[list[Any]]) -> None:
    """One sheet with a bold header row, frozen panes and a filter."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row, start=1):
            put_xlsx(ws.cell(row=r, column=c), value)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    for i, header in enumerate(headers, start=1):
        widest = max([len(header)] + [len(str(row[i - 1] or "")) for row in rows[:200]])
        ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, widest + 2))
    wb.save(path)
