"""Reading one table line: which tokens are the label, the unit, the value cells and a footnote mark.

The layout lexicon (header words, n/a tokens, label rules) lives in ``data/table_layout.toml``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Callable

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# a number as printed in a KPI cell: thousands separators, decimals, a sign, a percent sign
_NUM = r"[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?[%％‰]?"
# a negative value printed in parentheses, "(640)": three digits at least, so "(1)" stays a footnote
_NEG = r"\((?:\d{1,3}(?:,\d{3})+|\d{3,})(?:\.\d+)?\)|\(\d+\.\d+\)"
# footnote marks printed after a value: (1), [2], (a), *, #, superscript digits
_MARK = r"(?:\(\d{1,2}\)|\[\d{1,2}\]|\([a-z]\)|[*#^†‡]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)"
_VALUE = re.compile(rf"(?P<num>{_NUM}|{_NEG})(?P<mark>{_MARK})?")
# a value with its unit glued on either side: "公噸13,863.25", "13,863.25公噸", "12公噸118.98" (note 12)
_GLUED = re.compile(
    rf"(?:(?P<fn>\d{{1,2}})(?=\D))?(?P<pre>[^\d\s,.%(\[*#]+)?(?P<num>{_NUM})(?P<mark>{_MARK})?(?P<post>[^\d\s]+)?"
)
# a value with its unit glued after it and a footnote number after the unit: "65.28公噸14"
_GLUED_TRAILING_NOTE = re.compile(rf"(?P<num>{_NUM})(?P<post>[^\d\s,.%()\[\]*#]+)(?P<fn>\d{{1,2}})")
# a comma-grouped number whose last group has extra digits: a footnote glued on ("3,8362")
_BROKEN_GROUP = re.compile(r"^(?P<num>[-+−]?\d{1,3}(?:,\d{3})+)(?P<mark>\d{1,2})$")
_LABEL_NOTE = re.compile(r"^(?P<label>.*?)(?P<sep>\s?)(?P<digits>\d{1,3})$")
# several footnotes after a label: "無害廢棄物10, 11"
_LABEL_NOTES = re.compile(r"^(?P<label>.*?\S)\s?(?P<notes>\d{1,2}(?:\s?[,，、]\s?\d{1,2})+)$")
_BRACKET_UNIT = re.compile(r"[（(]\s*(?P<unit>[^（()）]+?)\s*[）)]\s*$")


def _expand(words: list[str]) -> set[str]:
    """The lexicon in both scripts, so matching works whichever script a report uses."""
    out = {w.casefold() for w in words}
    try:
        from ..opencc_converters import converter

        for config in ("s2t", "s2hk", "s2tw"):
            conv = converter(config)
            out |= {conv.convert(w).casefold() for w in words}
    except Exception:  # OpenCC missing: Simplified only, still correct for Simplified reports
        pass
    return out


@dataclass(frozen=True)
class Lexicon:
    label_words: frozenset[str]
    unit_words: frozenset[str]
    value_words: frozenset[str]
    breakdown_words: frozenset[str]
    count_words: frozenset[str]
    share_words: frozenset[str]
    notes_words: frozenset[str]
    change_words: frozenset[str]
    period_column_words: frozenset[str]
    fiscal_words: frozenset[str]
    suffixes: tuple[str, ...]
    numerals: dict[str, str]
    na_tokens: frozenset[str]
    digit_keepers: dict[str, int]
    total_words: tuple[str, ...]
    bare_total_labels: frozenset[str]
    subrow_prefixes: tuple[str, ...]
    breakdown_headings: dict[str, str]
    measure_suffixes: tuple[str, ...]
    index_page_words: tuple[str, ...]
    everyone_phrases: tuple[str, ...]
    measure_qualifiers: frozenset[str]
    region_suffixes: tuple[str, ...]
    factor_words: tuple[str, ...]
    ratio_marks: tuple[str, ...]
    continue_starts: tuple[str, ...]
    continue_ends: tuple[str, ...]
    continue_words_en: frozenset[str]
    footnote_intros: frozenset[str]
    title_words: tuple[str, ...]
    sentence_ends: tuple[str, ...]
    max_label_chars: int
    max_gap_lines: int
    units: frozenset[str]
    ratio_separators: tuple[str, ...]


@cache
def lexicon() -> Lexicon:
    raw: dict[str, Any] = tomllib.loads(
        resources.files("esglens.data").joinpath("table_layout.toml").read_text(encoding="utf-8")
    )
    h, p, lab, b = raw["header"], raw["period"], raw["label"], raw["boundaries"]
    keepers: dict[str, int] = {}
    for word, top in lab["digit_keepers"].items():
        for form in _expand([word]):
            keepers[form] = int(top)
    return Lexicon(
        label_words=frozenset(_expand(h["label_words"])),
        unit_words=frozenset(_expand(h["unit_words"])),
        value_words=frozenset(_expand(h["value_words"])),
        breakdown_words=frozenset(_expand(h.get("breakdown_words", []))),
        count_words=frozenset(_expand(h.get("count_words", []))),
        share_words=frozenset(_expand(h.get("share_words", []))),
        notes_words=frozenset(_expand(h["notes_words"])),
        change_words=frozenset(_expand(h.get("change_words", []))),
        period_column_words=frozenset(_expand(h.get("period_column_words", []))),
        fiscal_words=frozenset(_expand(p["fiscal_words"])),
        suffixes=tuple(sorted(_expand(p["suffixes"]), key=len, reverse=True)),
        numerals=dict(p["numerals"]),
        na_tokens=frozenset(_expand(raw["cells"]["na_tokens"])),
        digit_keepers=keepers,
        total_words=tuple(_expand(lab["total_words"])),
        bare_total_labels=frozenset(_expand(lab["bare_total_labels"])),
        subrow_prefixes=tuple(sorted(_expand(lab["subrow_prefixes"]), key=len, reverse=True)),
        breakdown_headings={form: key for word, key in lab.get("breakdown_headings", {}).items() for form in _expand([word])},
        measure_suffixes=tuple(_expand(lab["measure_suffixes"])),
        index_page_words=tuple(_expand(lab.get("index_page_words", []))),
        everyone_phrases=tuple(_expand(lab.get("everyone_phrases", []))),
        measure_qualifiers=frozenset(_expand(lab.get("measure_qualifiers", []))),
        region_suffixes=tuple(_expand(lab.get("region_suffixes", []))),
        factor_words=tuple(_expand(lab.get("factor_words", []))),
        ratio_marks=tuple(_expand(lab["ratio_marks"])),
        continue_starts=tuple(_expand(lab["continue_starts"])),
        continue_ends=tuple(_expand(lab["continue_ends"])),
        continue_words_en=frozenset(lab["continue_words_en"]),
        footnote_intros=frozenset(_expand(b["footnote_intros"])),
        title_words=tuple(_expand(b["title_words"])),
        sentence_ends=tuple(b["sentence_ends"]),
        max_label_chars=int(b["max_label_chars"]),
        max_gap_lines=int(b["max_gap_lines"]),
        units=frozenset(_expand(raw["units"]["fallback"])),
        ratio_separators=tuple(raw["units"]["ratio_separators"]),
    )


def _shared_is_unit() -> Callable[[str], bool] | None:
    try:
        from ..units import is_unit  # written concurrently; the fallback list serves until it lands
    except Exception:
        return None
    return is_unit


@cache
def _unit_checker() -> Callable[[str], bool]:
    units = lexicon().units
    shared = _shared_is_unit()
    if shared is None:
        return lambda token: token.casefold() in units
    # the shared unit table first; the layout list adds counting words it may not know (分鐘, 場次)
    return lambda token: token.casefold() in units or shared(token)


def is_unit(token: str) -> bool:
    """A unit as printed, alone or as a ratio ("噸/營業收入（萬元）", "tCO2e/employee")."""
    token = token.strip()
    if not token or len(token) > 40 or _VALUE.fullmatch(token):
        return False
    return _is_unit_cached(token)


@lru_cache(maxsize=65536)
def _is_unit_cached(token: str) -> bool:
    bracket = _BRACKET_UNIT.search(token)
    ratio = any(sep.strip() and sep.strip() in token for sep in lexicon().ratio_separators)
    if bracket and bracket.start() > 0 and not ratio:
        return False  # "用水量（立方米）" is a label carrying its unit, not a unit
    check = _unit_checker()
    if _safe(check, token):
        return True
    inner = _BRACKET_UNIT.fullmatch(token) if token[:1] in "（(" else None
    if inner and _safe(check, inner.group("unit")):
        return True
    for sep in lexicon().ratio_separators:
        if sep in token:
            head = token.split(sep, 1)[0].strip()
            return bool(head) and _safe(check, head)
    return False


def _safe(check: Callable[[str], bool], token: str) -> bool:
    try:
        return bool(check(token))
    except Exception:  # a unit module bug must not stop table recognition
        return False


def is_na(token: str) -> bool:
    """A cell printed to say there is no value (``-``, ``—``, ``N/A``, ``不適用``)."""
    return token.strip().casefold() in lexicon().na_tokens


def split_value_mark(text: str) -> tuple[str, str | None]:
    """A printed value cell -> (the number as printed, a footnote mark glued to it or None).

    ``"525(1)"`` -> ``("525", "(1)")``; ``"3,8362"`` -> ``("3,836", "2")``; ``"12.5"`` -> ``("12.5", None)``.
    """
    text = text.strip()
    broken = _BROKEN_GROUP.match(text)
    if broken:
        return broken.group("num"), broken.group("mark")
    m = _VALUE.fullmatch(text)
    if m:
        return m.group("num").strip(), m.group("mark")
    return text, None


@dataclass(frozen=True)
class Token:
    text: str
    kind: str  # "value" | "na" | "unit" | "text"
    value: str | None = None  # the value as printed without a glued unit
    unit: str | None = None  # a unit glued to the value
    note: str | None = None  # a footnote number glued before a unit ("12公噸118.98")


_PLAIN_AREA_VOLUME = re.compile(r"[A-Za-z]/?m[23]$")


@lru_cache(maxsize=65536)
def classify(token: str) -> Token:
    if is_na(token):
        return Token(token, "na")
    if _VALUE.fullmatch(token) or _BROKEN_GROUP.match(token):
        return Token(token, "value", value=token)
    if _PLAIN_AREA_VOLUME.search(token) and is_unit(token):
        return Token(token, "unit")  # "kWh/m2" is kWh per square metre, not 2 printed after "kWh/m"
    m = _GLUED.fullmatch(token)
    if m and (m.group("pre") or m.group("post")):
        unit = (m.group("pre") or "") + (m.group("post") or "")
        if is_unit(unit) and not (m.group("pre") and m.group("post")):
            value = m.group("num") + (m.group("mark") or "")
            return Token(token, "value", value=value, unit=unit, note=m.group("fn"))
    m = _GLUED_TRAILING_NOTE.fullmatch(token)
    if m and is_unit(m.group("post")):
        # "65.28公噸14": a value, its unit, then footnote 14 (a note always ends the cell)
        return Token(token, "value", value=m.group("num"), unit=m.group("post"), note=m.group("fn"))
    if is_unit(token):
        return Token(token, "unit")
    return Token(token, "text")


@dataclass
class ParsedRow:
    """One line read as a table row; any part may be missing."""

    label: str = ""
    unit: str | None = None
    values: list[str | None] = field(default_factory=list)  # None for an n/a cell
    note: str | None = None
    notes_text: str | None = None  # free text printed after the values (a notes column)
    # How many cells the line holds when no header can change that reading (its unit, if any, before
    # or after all the cells); None otherwise. Lets a row read once be re-read cheaply under a header.
    width: int | None = field(default=None, compare=False, repr=False)

    @property
    def kind(self) -> str:
        if self.values:
            return "row" if self.label else "values"
        if self.unit:
            return "label_unit" if self.label else "unit"
        return "text"


def parse_row(text: str, ncols: int | None = None, notes_column: bool = False,
              unit_column: bool = False) -> ParsedRow:
    """Split a line from the right: trailing value cells, then the unit, the rest is the label.

    ``unit_column``: the header names a unit column, so a unit printed in several words
    ("tonnes CO2e", "tonnes per employee") is taken whole from the end of the label."""
    if " | " in text or text.lstrip().startswith("|"):
        return _parse_pipe_row(text, ncols)
    raw_tokens = text.split()
    if not raw_tokens:
        return ParsedRow()
    notes_text = None
    if notes_column:
        tokens = [classify(t) for t in raw_tokens]
        cut = _notes_cut(tokens, ncols)
        if cut is not None:
            notes_text = " ".join(raw_tokens[cut:]) or None
            raw_tokens = raw_tokens[:cut]
    raw_tokens = _trailing_unit_words(_without_letter_marks(raw_tokens))
    tail = _classify_tail(raw_tokens)
    if not tail or tail[-1].kind == "text":
        return ParsedRow(label=" ".join(raw_tokens), notes_text=notes_text)  # ends in text: no cells
    if len(tail) == 1 and tail[0].kind == "na" and tail[0].text in _DASHES and len(raw_tokens) > 1 \
            and (ncols is None or ncols > 1):
        return ParsedRow(label=" ".join(raw_tokens), notes_text=notes_text)  # "Scope 2 emissions –" wraps on
    label_tokens = raw_tokens[: len(raw_tokens) - len(tail)]
    width = _fixed_width(tail) if notes_text is None else None
    if ncols and sum(t.kind in ("value", "na") for t in tail) > ncols:
        tail = _join_open_ratio(tail)
    if ncols and sum(t.kind in ("value", "na") for t in tail) > ncols:
        tail = _join_space_groups(tail, ncols, label_tokens)
    row = _read_tail(tail, label_tokens, ncols)
    if unit_column:
        _widen_unit(row)
    row.notes_text = notes_text
    row.width = width
    return row


def reread_row(first: ParsedRow, text: str, ncols: int | None, notes_column: bool = False,
               unit_column: bool = False) -> ParsedRow:
    """``parse_row(text, ncols, notes_column, unit_column)`` for a line ``first`` read without a header.

    A line whose cells fill exactly the header's columns, with no unit between them, reads the same
    under the header but for a unit printed in several words; it is not split again (every table
    row would be read twice otherwise)."""
    if notes_column or not ncols or ncols < 2 or first.width != ncols:
        return parse_row(text, ncols, notes_column, unit_column)
    row = ParsedRow(first.label, first.unit, list(first.values), first.note, first.notes_text, first.width)
    if unit_column:
        _widen_unit(row)
    return row


def _fixed_width(tail: list[Token]) -> int | None:
    """The number of cells in ``tail`` when its units all stand before or after the cells (so no
    header decides which side of a unit column a value is on); None otherwise."""
    cells = [i for i, t in enumerate(tail) if t.kind in ("value", "na")]
    if not cells:
        return None
    if any(t.kind == "unit" and cells[0] < i < cells[-1] for i, t in enumerate(tail)):
        return None
    return len(cells)


_MAX_UNIT_WORDS = 4
_DASHES = frozenset("-–—")
_BRACKET_CHARS = re.compile(r"[()（）\[\]【】]")


def _widen_unit(row: ParsedRow) -> None:
    """Move the last words of the label into the unit when together they read as one unit
    ("Scope 1 emissions | tonnes CO2e", "GHG intensity | tonnes CO2e/employee"); the label keeps
    at least one word, and the longest unit wins."""
    if not row.label or not row.values:
        return
    if row.unit and unit_in_label(row.label) == row.unit:
        return  # the label carries its unit in brackets
    words = row.label.split()
    tail = [row.unit] if row.unit else []
    for k in range(min(_MAX_UNIT_WORDS, len(words) - 1), 0, -1):
        if any(_BRACKET_CHARS.search(w) for w in words[-k:]):
            continue  # "(location-based)" qualifies the label; the unit reader would drop it
        if row.unit and row.unit in words[-k:]:
            continue  # "Average training hours per employee | hours": the unit column's word ends the label
        candidate = " ".join(words[-k:] + tail)
        if (k + len(tail) > 1) and is_unit(candidate):
            label, note = detach_note(" ".join(words[:-k]))
            row.label, row.unit = label, candidate
            row.note = row.note or note
            return


def _classify_tail(raw_tokens: list[str]) -> list[Token]:
    """The tokens after the last text token, classified (the label before them needs no reading);
    ``[text token]`` when the line ends in text."""
    tail: list[Token] = []
    for i in range(len(raw_tokens) - 1, -1, -1):
        tok = classify(raw_tokens[i])
        if tok.kind == "text":
            return tail[::-1] if tail else [tok]
        tail.append(tok)
    return tail[::-1]


_HEAD_GROUP = re.compile(r"[-−]?\d{1,3}")
_TAIL_GROUP = re.compile(rf"\d{{3}}(?:\.\d+)?(?:{_MARK})?")


def _without_letter_marks(tokens: list[str]) -> list[str]:
    """"3,915 R 4,026": a lone capital letter between two values marks the one before (R restated,
    P preliminary, E estimated); it is no cell."""
    out = []
    for i, tok in enumerate(tokens):
        if (len(tok) == 1 and tok.isupper() and 0 < i < len(tokens) - 1
                and _VALUE.fullmatch(tokens[i - 1]) and (_VALUE.fullmatch(tokens[i + 1]) or is_unit(tokens[i + 1]))):
            continue
        out.append(tok)
    return out


def _trailing_unit_words(tokens: list[str]) -> list[str]:
    """"412.6 398.1 405.3 kt CO2e": a unit printed in several words after the values is one token."""
    for k in (3, 2):
        if len(tokens) > k + 1 and _VALUE.fullmatch(tokens[-k - 1]) and not any(_VALUE.fullmatch(t) for t in tokens[-k:]):
            words = " ".join(tokens[-k:])
            # "…, 2023 (tonnes CO2e)" closes a caption: a year and a unit in brackets are no row
            if re.fullmatch(r"(?:19|20)\d\d", tokens[-k - 1]) or "(" in words or "（" in words:
                return tokens
            if is_unit(words):
                return tokens[:-k] + [words]
    return tokens


def _join_space_groups(tail: list[Token], ncols: int, label_tokens: list[str]) -> list[Token]:
    """"50 143 51 799" under two columns: thousands separated by spaces. Adjacent groups are joined
    only when that leaves exactly as many cells as the header has columns, counted after the unit;
    a number right after "Scope" or "範圍" is the label's, never a thousands group."""
    units = [k for k, t in enumerate(tail) if t.kind == "unit"]
    start = units[-1] + 1 if units else 0
    if start == 0 and label_tokens and _keeper_limit(label_tokens[-1]) is not None:
        start = 1
    head, tail = tail[:start], tail[start:]
    n_cells = sum(t.kind in ("value", "na") for t in tail)
    if n_cells <= ncols:
        return head + tail
    out: list[Token] = list(head)
    i = 0
    while i < len(tail):
        tok = tail[i]
        nxt = tail[i + 1] if i + 1 < len(tail) else None
        if (n_cells > ncols and nxt is not None and tok.kind == nxt.kind == "value" and not tok.unit
                and _HEAD_GROUP.fullmatch(tok.text) and _TAIL_GROUP.fullmatch(nxt.text)):
            joined = tok.text + "," + nxt.text
            out.append(Token(joined, "value", value=nxt.value and tok.text + "," + nxt.value))
            n_cells -= 1
            i += 2
            continue
        out.append(tok)
        i += 1
    return out if n_cells == ncols else head + tail


def _join_open_ratio(tail: list[Token]) -> list[Token]:
    """A unit followed by a lone slash ("kWh /") is a ratio whose denominator wrapped onto the next
    line; the slash is part of the unit, not an empty cell. Called only when the row has one cell
    more than the header has columns ("人 / 212" under two periods is an n/a cell and a value)."""
    out: list[Token] = []
    for tok in tail:
        if out and out[-1].kind == "unit" and tok.text in lexicon().ratio_separators:
            out[-1] = Token(f"{out[-1].text} {tok.text}", "unit")
        else:
            out.append(tok)
    return out


def _notes_cut(tokens: list[Token], ncols: int | None) -> int | None:
    """Where the first value run ends, when free text follows it (a notes column)."""
    need = ncols or 1
    i = 0
    while i < len(tokens):
        if tokens[i].kind == "text":
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j].kind != "text":
            j += 1
        run = tokens[i:j]
        n_values = sum(t.kind in ("value", "na") for t in run)
        if j < len(tokens) and (n_values >= need or any(t.kind == "unit" for t in run[:-1])):
            return j
        i = j
    return None


def _read_tail(tail: list[Token], label_tokens: list[str], ncols: int | None) -> ParsedRow:
    # the unit column is the unit printed right before the values; units earlier on the line are
    # part of the label ("Generation emissions per GWh tCO2e/ 11 23")
    units = [i for i, t in enumerate(tail) if t.kind == "unit"]
    unit_at = next((i for i in reversed(units) if any(t.kind != "unit" for t in tail[i + 1 :])), None)
    if unit_at is None and units:
        unit_at = units[0]  # values printed before their unit ("4,210 tCO2e")
    note = None
    if unit_at is None:
        cells = tail
    else:
        before, after = tail[:unit_at], [t for t in tail[unit_at + 1 :] if t.kind != "unit"]
        if not after:
            cells = [t for t in before if t.kind != "unit"]
        elif before and all(t.kind != "unit" for t in before) and _both_sides(before, after, ncols):
            cells = before + after  # values printed on both sides of the unit column
        else:
            label_tokens = label_tokens + [t.text for t in before]
            cells = after
    if ncols and len(cells) > ncols and (label_tokens or len(cells) > ncols + 1):
        extra = len(cells) - ncols  # leading numbers belong to the label ("Scope 1 4,210 3,900")
        label_tokens = label_tokens + [t.text for t in cells[:extra]]
        cells = cells[extra:]
    unit = tail[unit_at].text if unit_at is not None else None
    if unit is None:
        unit = next((t.unit for t in cells if t.unit), None)
    glued_notes = [t.note for t in cells if t.note]
    if glued_notes:
        note = ",".join(glued_notes)
    label, label_note = detach_note(" ".join(label_tokens))
    if unit is not None and unit_at is not None and label and (_dangles(label) or _bare_total(label, unit)):
        # "Total number of | employees", "Total | employees": the word ends the label
        label, unit = f"{label} {unit}", None
    if unit is None and label:
        unit = unit_in_label(label)
    values = [t.value if t.kind == "value" else None for t in cells]
    return ParsedRow(label=label, unit=unit, values=values, note=label_note or note)


_PLAIN_COUNT_UNITS = frozenset({"persons", "person", "people", "pax", "headcount", "number", "no."})


def _bare_total(label: str, unit: str) -> bool:
    """"Total employees" read as label "Total" and unit "employees": an English noun, not a unit
    column ("總數 | 家", "Overall | %" keep their units)."""
    if label.strip().casefold() not in lexicon().bare_total_labels or not (unit.isascii() and unit.isalpha()):
        return False
    if unit.casefold() in _PLAIN_COUNT_UNITS:
        return False  # "Total | persons | 218": a unit column's entry, not the end of "Total employees"
    from ..units import UnitError, parse_unit

    try:
        return parse_unit(unit).kind == "persons"  # "employees", "staff", "people"
    except UnitError:
        return False


def _dangles(label: str) -> bool:
    """An English label that cannot end here ("Total number of"): the unit-like word after it is its
    last word. (A Chinese label ending in "及" wraps onto the next line instead.)"""
    words = label.split()
    return bool(words) and words[-1].casefold() in lexicon().continue_words_en


def _both_sides(before: list[Token], after: list[Token], ncols: int | None) -> bool:
    """Values printed on both sides of the unit ("13,662 - kg N/A"), not a number ending the label
    ("Scope 1 tCO2e 4,210")."""
    if ncols:
        return len(before) + len(after) == ncols
    return len(before) >= 2 or any(t.kind == "na" or not (t.value or "").isdigit() for t in before)


def _parse_pipe_row(text: str, ncols: int | None) -> ParsedRow:
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    if all(re.fullmatch(r":?-{2,}:?", c) or not c for c in cells):
        return ParsedRow()  # a separator row
    label, rest = cells[0], cells[1:]
    unit = None
    if rest and not _VALUE.fullmatch(rest[0]):
        both_scripts = has_cjk(rest[0]) and re.search(r"[A-Za-z]", rest[0])
        bilingual = _unit_of_bilingual_cell(rest[0]) if both_scripts else None
        if bilingual:
            unit, rest = bilingual, rest[1:]
        elif is_unit(rest[0]) or rest[0] == "":
            unit, rest = rest[0] or None, rest[1:]
    values: list[str | None] = []
    for c in rest:
        tok = classify(c) if c else Token(c, "na")
        if tok.kind == "text":
            return ParsedRow(label=" ".join(cells))
        values.append(tok.value if tok.kind == "value" else None)
        unit = unit or tok.unit
    label, note = detach_note(label)
    if unit is None and label:
        unit = unit_in_label(label)
    return ParsedRow(label=label, unit=unit, values=values, note=note)


def _unit_of_bilingual_cell(cell: str) -> str | None:
    """"兆瓦時 MWh", "兆瓦時/員工 MWh per employee": a unit printed in two languages; the first
    reading that is a unit."""
    words = cell.split()
    for k in range(1, len(words)):
        for part in (" ".join(words[:k]), " ".join(words[k:])):
            if is_unit(part):
                return part
    return None


_SUPERSCRIPT_NOTE = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+$")
_LETTER_NOTE = re.compile(r"^(?P<label>.*\S)\s?\((?P<note>[a-z])\)$")
_UNIT_BEFORE_SUPERSCRIPT = re.compile(r"(?:^|[\s/(（])(?:k?m|cm|mm|ft)$")
_FROM_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def detach_note(label: str) -> tuple[str, str | None]:
    """Take a footnote number off the end of a label, keeping digits that belong to it.

    ``綜合能源消耗量9`` -> note 9; ``員工流失比率 17`` -> note 17; ``Scope 12`` -> ``Scope 1`` note 2;
    ``Scope 1``, ``範圍 1``, ``PM2.5``, ``CO2`` stay as they are.
    """
    letter = _LETTER_NOTE.match(label)
    if letter:  # "Land use, net(c)", "Direct energy from fuels (MWh)(a)"
        return letter.group("label").rstrip(), letter.group("note")
    sup = _SUPERSCRIPT_NOTE.search(label)
    if sup and label[: sup.start()].strip() and not _UNIT_BEFORE_SUPERSCRIPT.search(label[: sup.start()]):
        # "Scope 1 emissions¹": a superscript number is a footnote mark (but "m³", "km²" are units)
        return label[: sup.start()].rstrip(), sup.group(0).translate(_FROM_SUPERSCRIPT)
    several = _LABEL_NOTES.match(label)
    if several and (_CJK.match(several.group("label")[-1]) or several.group("label")[-1] in ")）"):
        return several.group("label"), several.group("notes")
    m = _LABEL_NOTE.match(label)
    if not m or not m.group("label").strip():
        return label, None
    head, digits = m.group("label"), m.group("digits")
    keeper = _keeper_limit(head)
    if keeper is not None:
        if int(digits) <= keeper:
            return label, None
        for cut in range(len(digits) - 1, 0, -1):
            if 0 < int(digits[:cut]) <= keeper:
                return head + m.group("sep") + digits[:cut], digits[cut:]
        return label, None
    last = head.rstrip()[-1]
    if len(digits) <= 2 and (_CJK.match(last) or last in ")）]】"):
        return head.rstrip(), digits
    word = re.search(r"([a-z]+)$", head)
    if not m.group("sep") and word and len(word.group(1)) >= 4 and len(digits) <= 2:
        return head, digits  # "emissions2"; chemical formulas (CO2, CH4, N2O) are upper case
    return label, None


def _keeper_limit(head: str) -> int | None:
    folded = head.rstrip().casefold()
    for word, top in lexicon().digit_keepers.items():
        if folded.endswith(word):
            return top
    return None


def unit_in_label(label: str) -> str | None:
    """A unit printed in brackets at the end of the label: ``用水量（噸）``, ``Electricity (MWh)``."""
    m = _BRACKET_UNIT.search(label)
    if m and is_unit(m.group("unit")):
        return m.group("unit")
    return None


@lru_cache(maxsize=16384)
def is_unit_piece(text: str) -> bool:
    """A line (or wrapped piece) that is a unit, or starts a ratio unit ("噸二氧化碳當量/營業收")."""
    text = text.strip()
    if not text:
        return False
    if is_unit(text):
        return True
    for sep in lexicon().ratio_separators:
        if sep.strip() and sep in text:
            head = text.split(sep, 1)[0].strip()
            return bool(head) and " " not in head and is_unit(head)
    return False


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))
