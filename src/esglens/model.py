"""The document model: one typed representation of a report that every stage reads.

Ingestion fills it, extraction reads lines and tables from it, checks and the library cite
its line numbers. Every piece of text keeps the line it came from, so any number esglens
reports can be traced back to the page.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Iterator


@dataclass
class Line:
    """One line of the report as a reader sees it.

    ``no`` is 1-based and unique in the document. For text and Markdown files it is the line
    number in the source file; for PDFs lines are numbered continuously across pages and
    ``page`` holds the 1-based PDF page index.
    """

    no: int
    raw: str  # exactly as read from the source (after decoding), for provenance
    text: str = ""  # repaired: compatibility forms mapped, spaced-out characters joined
    match: str = ""  # text in one script (Simplified) and case-folded, for lexicon matching
    page: int | None = None
    role: str = "body"  # body | blank | header | footer | heading

    @property
    def is_content(self) -> bool:
        return self.role in ("body", "heading")


@dataclass
class Period:
    """A reporting period. ``label`` is ``"2024"`` for a calendar year, ``"FY2024"`` for a fiscal
    year named after the calendar year in which it ends."""

    label: str
    start: str | None = None  # ISO date
    end: str | None = None
    fiscal: bool = False


@dataclass
class Metadata:
    title: str | None = None
    company: str | None = None
    period: Period | None = None
    language: str | None = None  # "zh" | "en"
    script: str | None = None  # "hant" | "hans" for Chinese, None otherwise
    standards: list[str] = field(default_factory=list)  # e.g. "HKEX ESG Code", "GRI", "TCFD"
    hkex_code_version: str | None = None  # e.g. "Appendix 27", "Appendix C2"
    date: str | None = None  # publication date when the source says (front matter)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Section:
    title: str
    level: int  # 1 = top
    line: int
    page: int | None = None
    children: list[Section] = field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Cell:
    text: str  # as printed in the (normalised) line, footnote marks included
    line: int


@dataclass
class Column:
    """A value column of a table: usually one period."""

    label: str  # as printed, e.g. "2024 年數據", "FY2023"
    period: str | None = None  # "2024", "FY2024" when the header names a period
    line: int | None = None


@dataclass
class TableRow:
    label: str  # the row label with wrapped parts joined
    label_lines: list[int]
    cells: list[Cell | None]  # aligned with Table.columns; None where the row has no cell
    unit: str | None = None  # the unit as printed (unit column, or taken out of the label)
    unit_line: int | None = None
    level: int = 0  # 0 for a top row, 1+ for sub-rows (indented or otherwise marked)
    parent: int | None = None  # index in Table.rows of the row this one breaks down
    note: str | None = None  # footnote marker detached from the label
    is_section: bool = False  # a row with a label only, naming a group of rows below it

    @property
    def lines(self) -> list[int]:
        seen = list(self.label_lines)
        if self.unit_line is not None:
            seen.append(self.unit_line)
        seen.extend(c.line for c in self.cells if c is not None)
        return sorted(set(seen))


@dataclass
class Table:
    id: int
    first_line: int
    last_line: int
    columns: list[Column]
    rows: list[TableRow]
    layout: str = "rows"  # "rows": one row per line; "columns": dumped column by column; "transposed": one row per period
    page: int | None = None
    title: str | None = None
    header_line: int | None = None
    unit: str | None = None  # a unit that the header or title gives for the whole table
    section: str | None = None  # the section heading the table sits under


@dataclass
class Document:
    path: str
    format: str  # "pdf" | "text" | "markdown" | "html"
    sha256: str
    lines: list[Line]
    metadata: Metadata = field(default_factory=Metadata)
    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    pages: int | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)  # e.g. a PDF page whose text could not be read

    def __post_init__(self) -> None:
        self._by_no: dict[int, Line] | None = None

    def line(self, no: int) -> Line:
        if self._by_no is None or len(self._by_no) != len(self.lines):
            self._by_no = {ln.no: ln for ln in self.lines}
        return self._by_no[no]

    def context(self, no: int, before: int = 3, after: int = 3) -> list[Line]:
        """The lines around line ``no`` (for showing evidence)."""
        idx = {ln.no: i for i, ln in enumerate(self.lines)}.get(no)
        if idx is None:
            return []
        return self.lines[max(0, idx - before) : idx + after + 1]

    @property
    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("_by_no", None)
        return data

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        meta = dict(data.get("metadata") or {})
        if meta.get("period"):
            meta["period"] = Period(**meta["period"])

        def section(d: dict[str, Any]) -> Section:
            return Section(
                title=d["title"], level=d["level"], line=d["line"], page=d.get("page"),
                children=[section(c) for c in d.get("children", [])],
            )

        def table(d: dict[str, Any]) -> Table:
            rows = []
            for r in d["rows"]:
                r = dict(r)
                r["cells"] = [Cell(**c) if c else None for c in r["cells"]]
                rows.append(TableRow(**r))
            d = dict(d)
            d["columns"] = [Column(**c) for c in d["columns"]]
            d["rows"] = rows
            return Table(**d)

        return cls(
            path=data["path"], format=data["format"], sha256=data["sha256"],
            lines=[Line(**ln) for ln in data["lines"]],
            metadata=Metadata(**meta),
            sections=[section(s) for s in data.get("sections", [])],
            tables=[table(t) for t in data.get("tables", [])],
            pages=data.get("pages"), encoding=data.get("encoding"),
            warnings=list(data.get("warnings", [])),
        )
