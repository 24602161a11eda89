"""Line repairs for what PDF extraction breaks, and the one-script matching form.

``normalize_line`` turns a raw line into the text a reader sees: compatibility code points
(Kangxi radicals, CJK Radicals Supplement, compatibility ideographs, full-width digits and
letters, Latin ligatures, squared unit symbols) become ordinary characters, invisible
characters go, whitespace runs become one space, and characters spaced out by the layout
are joined. Units keep their exponents (m³ stays m³; ㎡ becomes m²), which plain NFKC breaks.

``matching_form`` / ``matching_forms`` give the same text in Simplified script, case-folded,
with full-width ASCII punctuation folded to ASCII — always the same length as the input, so a
span found in the matching form is the same span in the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

_DATA = "esglens.data"

# Spaces that layout tools emit as separators; they become one ordinary space.
_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Invisible characters that only break matching.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"


def _load_radicals() -> dict[int, str]:
    table: dict[int, str] = {}
    text = resources.files(_DATA).joinpath("cjk_radicals.tsv").read_text(encoding="utf-8")
    for row in text.splitlines():
        if not row or row.startswith("#"):
            continue
        radical, target = row.split("\t")[:2]
        table[ord(radical)] = target
    return table


def _nfkc_single(cp: int) -> str | None:
    """The NFKC form of one code point when it is one different character."""
    ch = chr(cp)
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 and folded != ch else None


def _squared_unit(cp: int) -> str | None:
    """㎡ -> m², ㎥ -> m³, ㎏ -> kg: NFKC would write the exponent as a plain digit."""
    name = unicodedata.name(chr(cp), "")
    folded = unicodedata.normalize("NFKC", chr(cp))
    if not name.startswith("SQUARE ") or folded == chr(cp):
        return None
    if name.endswith(" SQUARED") and folded.endswith("2"):
        return folded[:-1] + "²"
    if name.endswith(" CUBED") and folded.endswith("3"):
        return folded[:-1] + "³"
    return folded


def _build_table() -> dict[int, Any]:
    table: dict[int, Any] = {}
    for cp in range(0x2F00, 0x2FD6):  # Kangxi radicals
        table[cp] = _nfkc_single(cp)
    for lo, hi in ((0xF900, 0xFB00), (0x2F800, 0x2FA20)):  # CJK compatibility ideographs
        for cp in range(lo, hi):
            folded = _nfkc_single(cp)
            if folded:
                table[cp] = folded
    for lo, hi in ((0xFF10, 0xFF1A), (0xFF21, 0xFF3B), (0xFF41, 0xFF5B)):  # full-width 0-9 A-Z a-z
        for cp in range(lo, hi):
            table[cp] = chr(cp - 0xFEE0)
    for cp in range(0xFB00, 0xFB07):  # Latin ligatures (ﬁ, ﬂ) from English PDFs
        table[cp] = unicodedata.normalize("NFKC", chr(cp))
    for cp in range(0x3371, 0x33E0):  # squared unit symbols
        unit = _squared_unit(cp)
        if unit:
            table[cp] = unit
    table[0x00B5] = "μ"  # micro sign -> Greek mu, so μg has one spelling
    table.update(_load_radicals())
    for ch in _SPACES:
        table[ord(ch)] = " "
    for ch in _INVISIBLE:
        table[ord(ch)] = None
    return {cp: v for cp, v in table.items() if v is not None or chr(cp) in _INVISIBLE}


def _char_class(code_points: Iterable[int]) -> str:
    """A regex character class of the code points, consecutive ones written as ranges."""
    cps = sorted(code_points)
    parts: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        lo, hi = re.escape(chr(cps[i])), re.escape(chr(cps[j]))
        parts.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "[" + "".join(parts) + "]"


_TABLE = _build_table()
# str.translate with a dict looks up every character, which costs more than the rest of the
# repair; most lines hold no character the table changes, and a regex finds that out fast.
_REPAIRABLE = re.compile(_char_class(_TABLE))
_SPACE_RUN = re.compile(r" {2,}")

# Spaced-out text: single CJK characters (or CJK punctuation) separated by single spaces.
_CJK_CHAR = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
_CJK_PUNCT = r"[\u3001-\u3003\u3008-\u3011\u3014-\u301b\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f]"
_SINGLE = rf"(?:{_CJK_CHAR}|{_CJK_PUNCT})"
_SPACED_RUN = re.compile(rf"(?<!\S){_SINGLE}(?: {_SINGLE}){{2,}}(?!\S)")
# What every spaced run contains; unlike the run (which opens with a look-behind and is tried at
# every position) it starts with a character class, so lines without one are passed over fast.
_SPACED_HINT = re.compile(rf"{_SINGLE} {_SINGLE} {_SINGLE}")
_IDEOGRAPH = re.compile(_CJK_CHAR)


@lru_cache(maxsize=1)
def _measure_chars() -> frozenset[str]:
    """Single-character units and yes/no marks that table rows put side by side (人 噸 有 無)."""
    text = resources.files(_DATA).joinpath("spaced_cells.txt").read_text(encoding="utf-8")
    chars = "".join(ln for ln in text.splitlines() if ln and not ln.startswith("#"))
    return frozenset(chars.replace(" ", ""))


def _join_if_spaced_text(m: re.Match[str]) -> str:
    run = m.group(0)
    tokens = run.split(" ")
    ideographs = [t for t in tokens if _IDEOGRAPH.fullmatch(t)]
    # Table rows of single-character cells (有 有 無, 人 噸 次) repeat characters or are made of
    # units; prose that the layout spaced out has mostly distinct characters.
    if len(set(ideographs)) < 3 or len(set(ideographs)) < 0.75 * len(ideographs):
        return run
    cells = _measure_chars()
    if sum(t in cells for t in ideographs) * 2 > len(ideographs):
        return run
    return run.replace(" ", "")


def normalize_line(raw: str) -> str:
    """The repaired text of one raw line (see the module docstring)."""
    text = (raw.translate(_TABLE) if _REPAIRABLE.search(raw) else raw).strip()
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    if " " in text and not text.isascii() and _SPACED_HINT.search(text):
        text = _SPACED_RUN.sub(_join_if_spaced_text, text)
    return text


# --- matching form -------------------------------------------------------------------------

def _t2s() -> Any:
    from ..opencc_converters import converter

    return converter("t2s")


def to_simplified(text: str) -> str:
    """``text`` converted to Simplified script by OpenCC (length may change)."""
    return _t2s().convert(text)


def _fold_table() -> dict[int, str]:
    table = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}  # full-width ASCII
    table[0x3000] = " "
    return table


_FOLD = _fold_table()
# Like the repair table, folding only touches a few characters: translate the runs of them.
# (Written "[..][..]*", not "[..]+": a pattern opening with a plain class is scanned much faster.)
_FOLDABLE_RUN = re.compile(_char_class(_FOLD) * 2 + "*")


def _fold_run(m: re.Match[str]) -> str:
    return m.group().translate(_FOLD)


def _casefold_same_length(text: str) -> str:
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    # A few letters (İ) lower-case to two characters; keep those as they are.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _by_character(text: str) -> str:
    """Convert one character at a time, so the result has the text's length."""
    if not text:
        return text
    parts = _t2s().convert("\n".join(text)).split("\n")
    if len(parts) != len(text):
        return text
    return "".join(p if len(p) == 1 else c for p, c in zip(parts, text))


def _finish(text: str) -> str:
    return _casefold_same_length(_FOLDABLE_RUN.sub(_fold_run, text))


def matching_form(text: str) -> str:
    """``text`` in Simplified script, case-folded, full-width ASCII folded; same length."""
    converted = _t2s().convert(text)
    if len(converted) != len(text):
        converted = _by_character(text)
    return _finish(converted)


def matching_forms(texts: list[str]) -> list[str]:
    """``matching_form`` for many lines at once: one OpenCC call and one fold for the whole
    document, falling back to line-by-line only for lines whose length would change."""
    if not texts:
        return []
    if any("\n" in t for t in texts):
        return [matching_form(t) for t in texts]
    joined = "\n".join(texts)
    converted = _finish(_t2s().convert(joined)).split("\n")
    if len(converted) != len(texts):
        return [matching_form(t) for t in texts]
    return [c if len(c) == len(t) else matching_form(t) for t, c in zip(texts, converted)]
