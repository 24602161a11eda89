"""Facts from KPI tables: each value cell of a recognised row becomes one fact per period.

A row's metric comes from its own label when that label names a metric whose unit fits the
row's unit. Otherwise the row is a breakdown: the metric comes from its context (the parent
row, the group heading row above it, the latest total row, the table title) and the row's own
label becomes the breakdown (gender, age, region, category ...). A breakdown row therefore
never stands as a total.
"""

from __future__ import annotations

import re
import tomllib
import dataclasses
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .. import numbers
from ..facts import Fact
from ..ingest.table_cells import lexicon
from ..ingest.tables import split_value_mark
from ..model import Document, Table, TableRow
from . import periods
from .resolve import normalise, unit_fits
from .taxonomy import MetricDef, Taxonomy
from .taxonomy import normalise as matching_form

MIN_SCORE = 0.5
# Footnote numbers are already detached by the table reader (TableRow.note); only marks remain.
_FOOTNOTE_TAIL = re.compile(r"[\s*#†‡^]+$")


@dataclass
class _Resolved:
    metric: MetricDef
    dims: dict[str, str]
    confidence: float
    part: bool = False  # a part of a broader metric by construction (two fuels in one row): never its total


@dataclass
class _Context:
    """What the rows read so far say about the rows to come: the group heading row and the
    latest total row. A table continued on the next page starts with its predecessor's."""

    group_label: str | None = None
    latest_total: _Resolved | None = None
    described: list[Fact] = field(default_factory=list)  # facts whose category is only their label's brackets
    breakdown: str | None = None  # dims key named by the last group heading ("按地區劃分": region)


def from_tables(doc: Document, tax: Taxonomy) -> list[Fact]:
    facts: list[Fact] = []
    described: list[Fact] = []
    previous: tuple[Table, _Context] | None = None
    for table in doc.tables:
        start = previous[1] if previous and _continues(previous[0], table) else _Context(described=described)
        rows_facts, end = _facts_of_table(doc, table, tax, start)
        facts.extend(rows_facts)
        previous = (table, end)
    return _keep_rows_apart(_sole_rows_are_totals(facts, described))


def _keep_rows_apart(facts: list[Fact]) -> list[Fact]:
    """Two rows of one table that read as the same breakdown ("外購的商品和服務-自用商品" and
    "其他外購的商品和服務", both scope 3 category 1) are different parts: each keeps its own label as a
    category, so that neither is lost when facts are merged by metric, period and breakdown."""
    groups: dict[tuple, list[Fact]] = {}
    for f in facts:
        if f.dims and "category" not in f.dims:
            groups.setdefault((f.table, *f.key()), []).append(f)
    for same in groups.values():
        if len({f.line for f in same}) > 1 and len({f.value for f in same}) > 1:
            for f in same:
                f.dims = {**f.dims, "category": _clean_label(f.label or "")}
    return facts


def _sole_rows_are_totals(facts: list[Fact], described: list[Fact]) -> list[Fact]:
    """"Diesel (vehicles)" as the report's only diesel figure is its diesel total: the words in
    brackets describe it (they stay in `label`), they do not split it. Only a top-level row whose
    own label gave the category, and only when nothing else in the report has that metric and period."""
    counts: dict[tuple[str, str | None], int] = {}
    for f in facts:
        counts[(f.metric, f.period)] = counts.get((f.metric, f.period), 0) + 1
    for f in described:
        if counts[(f.metric, f.period)] == 1:
            f.dims = {}
    # "Total Scope 1 and 2 emissions (location-based)" as the only total of its year is the total; the
    # basis stays in its label. Scope 2 keeps its basis always: it is what the basis splits.
    for f in facts:
        if f.metric != "ghg_scope2" and f.dims == {"basis": "location"} and counts[(f.metric, f.period)] == 1:
            f.dims = {}  # location is the default basis; a market-based total keeps saying so
    return facts


def _continues(before: Table, table: Table) -> bool:
    """A table split by a page break: same period columns, on the next page, no header of its own
    or the same one repeated."""
    if before.page is None or table.page != before.page + 1:
        return False
    return [c.period for c in before.columns] == [c.period for c in table.columns]


def _facts_of_table(doc: Document, table: Table, tax: Taxonomy, ctx_in: _Context) -> tuple[list[Fact], _Context]:
    out: list[Fact] = []
    group_label, latest_total, breakdown = ctx_in.group_label, ctx_in.latest_total, ctx_in.breakdown
    # every row's own reading first: a total printed below its parts is their parent too
    rows, continued = _labels_finished_below(table, tax)
    own = {i: _own_metric(row, row.unit or table.unit, tax) for i, row in enumerate(rows)
           if not row.is_section and any(c is not None for c in row.cells)}
    read: dict[int, _Resolved] = {}
    for i, row in enumerate(rows):
        if i in continued or _is_index_entry(row.label) or _is_index_row(row) or _names_factor(row.label):
            continue
        if row.is_section or not any(c is not None for c in row.cells):
            breakdown = _breakdown_heading(row.label)
            if breakdown is None or _heading_names_metric(row.label) and _context_metric(row.label, None, tax):
                # a heading that names a metric ("按性別劃分的員工受訓百分比") opens a group of its own
                group_label, latest_total = row.label, None
            # a bare "按性別劃分" / "By gender" keeps the total and the group above: their parts follow
            continue
        raw_unit = row.unit or table.unit
        heading = _heading_prefix(row.label)
        if heading is not None and latest_total is not None and unit_fits(raw_unit, latest_total.metric):
            # "By rank – Directors" (a group cell spanning rows): a breakdown of the total above
            key, rest = heading
            dims = {**latest_total.dims, **(tax.match_dims(rest) or {key: rest})}
            out.extend(_row_facts(doc, table, row, raw_unit, _Resolved(latest_total.metric, dims,
                                                                        min(latest_total.confidence, 0.9))))
            continue
        mine = own[i]
        # a part's parent is read as it was resolved: "of which: fugitive methane" under "Fugitive
        # emissions", itself a scope 1 part named only by the total below it
        parent = (read.get(row.parent) or own.get(row.parent)) if row.parent is not None else None
        resolved = None
        if mine is not None and not _is_breakdown_of(mine, parent):
            resolved = mine
            if not mine.dims and row.level == 0:
                latest_total = mine
        else:
            contexts: list[tuple[str, _Resolved | None]] = [("parent", parent)]
            if group_label:
                contexts.append(("group", _context_metric(group_label, raw_unit, tax)))
            contexts.append(("total", latest_total if latest_total and unit_fits(raw_unit, latest_total.metric) else None))
            for text in (table.title, table.section):
                if text:
                    contexts.append(("title", _context_metric(text, raw_unit, tax)))
            kind, ctx = next(((k, c) for k, c in contexts if c is not None), ("", None))
            if ctx is not None and (kind == "title" and _is_bare_total(row.label)
                                    or kind == "group" and (_is_bare_total(row.label) or _names_own_measure(row.label))):
                # "Overall" under "Percentage of employees trained", "總產生量" under 無害廢棄物:
                # the heading's own figure, not a part of it
                if not _names_another_metric(row, ctx, tax):
                    out.extend(_row_facts(doc, table, row, raw_unit, _Resolved(ctx.metric, dict(ctx.dims), min(ctx.confidence, 0.9))))
                continue
            if ctx is None and any(c.period for c in table.columns):
                ctx = _default_for_breakdown(row, raw_unit, tax)
            if ctx is None or _names_another_metric(row, ctx, tax) or tax.negated(_clean_label(row.label)):
                continue  # a target, a change or biogenic CO2 under a total is no part of it
            if ctx.metric.unit == "tCO2e" and _plain_mass(raw_unit):
                continue  # tonnes of a pollutant under an emissions total are not CO2e
            dims = {**ctx.dims, **tax.match_dims(_clean_label(row.label))}
            if dims == ctx.dims:
                # An unnamed part of its parent: keep its printed label as the category, unless the
                # "label" reads like a sentence that strayed into the table, or, without a parent to
                # say so, names a measure of its own ("VOCs 排放量" after 顆粒物排放量) or follows a
                # total only by position ("外購蒸汽 噸" after "天然氣 噸").
                if not _label_like(_clean_label(row.label)):
                    continue
                place = _place_name(row.label)
                if breakdown and kind in ("group", "total"):
                    dims = {**ctx.dims, breakdown: _clean_label(row.label)}
                elif place and kind in ("group", "total") and ctx.metric.unit in ("persons", "count"):
                    dims = {**ctx.dims, "region": place}  # "四川省（人）" under 僱員總數
                elif kind != "parent" and (_names_own_measure(row.label) or kind == "total" and not _is_subrow(row.label)):
                    continue
                else:
                    dims = {**ctx.dims, "category": _clean_label(row.label)}
            resolved = _Resolved(ctx.metric, dims, min(ctx.confidence, 0.9))
        row_facts = _row_facts(doc, table, row, raw_unit, resolved)
        if resolved is not None:
            read[i] = resolved
        if resolved is mine and not mine.part and (parent is None or parent.metric.id != mine.metric.id) \
                and set(mine.dims) == {"category"} and (_bracketed(row.label) or _FROM_SOURCE.search(row.label)):
            ctx_in.described.extend(row_facts)
        out.extend(row_facts)
    return out, _Context(group_label, latest_total, ctx_in.described, breakdown)


def _labels_finished_below(table: Table, tax: Taxonomy) -> tuple[list[TableRow], set[int]]:
    """PDF cells are often top-aligned: a wrapped label's last words come on the line after its
    values ("Total Unit of Water" 1,538 1,535 m3, then "Consumed"). A label-only line right under a
    row is read as the end of that row's label when together they name a metric better than the row
    alone and the line names nothing by itself (a group heading names a metric or a breakdown)."""
    rows = list(table.rows)
    continued: set[int] = set()
    for i in range(1, len(rows)):
        row, above = rows[i], rows[i - 1]
        if not row.is_section or above.is_section or not above.lines or not row.label_lines \
                or row.label_lines[0] != max(above.lines) + 1 or len(row.label.split()) > 3 \
                or _breakdown_heading(row.label) or tax.match_label(_clean_label(row.label)) \
                or tax.match_dims(_clean_label(row.label)):
            continue
        unit = above.unit or table.unit
        joined = f"{above.label} {row.label}"
        before = max((m.score for m in tax.match_label(_clean_label(above.label), unit)), default=0.0)
        after = max((m.score for m in tax.match_label(_clean_label(joined), unit)), default=0.0)
        if after >= MIN_SCORE and after > before:
            rows[i - 1] = dataclasses.replace(above, label=joined, label_lines=above.label_lines + row.label_lines)
            continued.add(i)
    return rows, continued


def _own_metric(row: TableRow, raw_unit: str | None, tax: Taxonomy) -> _Resolved | None:
    label = _clean_label(row.label)
    matches = tax.match_label(label, raw_unit)
    if not matches and _BRACKETED_PART.search(label):
        # "Total water consumption (withdrawal less discharge)": the brackets explain, the rest names
        label = _BRACKETED_PART.sub("", label).strip() or label
        matches = tax.match_label(label, raw_unit)
    elif _BRACKETED_PART.search(label) and (not matches or matches[0].metric.startswith("other:")):
        # "General (non-hazardous) waste": the words in brackets belong to the name
        unwrapped = tax.match_label(_BRACKET_CHARS.sub(" ", label), raw_unit)
        if unwrapped and not unwrapped[0].metric.startswith("other:") and unwrapped[0].score > matches[0].score:
            matches = unwrapped
    fitting = [m for m in matches if m.score >= MIN_SCORE and (
        unit_fits(raw_unit, tax.metric(m.metric)) or _cells_are_percent(row) and tax.metric(m.metric).unit == "%")]
    if not fitting:
        return None
    m = fitting[0]
    shared = None if _says_total(label) else _shared_broader(fitting, tax)
    if shared is not None:
        # "Diesel and petrol (vehicle fleet)": two fuels in one row are their common parent's part
        return _Resolved(shared, {"category": label}, m.score * 0.95, part=True)
    dims = _everyone_keeps_no_rank(label, dict(m.dims)) or _qualifier_after_dash(label, m.span)
    return _Resolved(tax.metric(m.metric), dims, m.score)


_BRACKET_CHARS = re.compile(r"[（()）]")
_BRACKETED_PART = re.compile(r"\s*[（(][^（()）]*[）)]")


def _says_total(label: str) -> bool:
    folded = matching_form(label)[0]
    return any(w in folded for w in lexicon().total_words)


def _shared_broader(matches, tax: Taxonomy) -> MetricDef | None:
    """Two metrics named side by side at the same strength, both parts of one broader metric."""
    if len(matches) < 2 or abs(matches[0].score - matches[1].score) > 1e-9:
        return None
    a, b = matches[0], matches[1]
    if a.metric == b.metric or not (a.span[1] <= b.span[0] or b.span[1] <= a.span[0]):
        return None
    common = [x for x in a.definition.broader if x in b.definition.broader and not x.startswith("other:")]
    # the narrowest shared parent: the one that is itself under the others ("energy_direct" under "energy_total")
    common.sort(key=lambda x: -len(tax.metric(x).broader))
    return tax.metric(common[0]) if common else None


def _everyone_keeps_no_rank(label: str, dims: dict[str, str]) -> dict[str, str]:
    if "rank" in dims and any(p in matching_form(label)[0] for p in lexicon().everyone_phrases):
        dims.pop("rank")
    return dims


_DASH_QUALIFIER = re.compile(r"\s+[–—-]\s+|\s*－\s*")


def _qualifier_after_dash(label: str, span: tuple[int, int]) -> dict[str, str]:
    """"Nitrogen oxides – Pellet Production": the metric named before the dash, a segment or
    source after it; that part becomes the category. "Scope 1 – Total Scope 1" names the total."""
    m = _DASH_QUALIFIER.search(label)
    if not m or span[1] > m.start():
        return {}
    rest = label[m.end():].strip()
    if not rest or not _label_like(rest) or _says_total(rest) or _is_bare_total(rest):
        return {}
    folded = matching_form(rest)[0]
    if folded in lexicon().measure_qualifiers or any(p in folded for p in lexicon().everyone_phrases):
        return {}  # "Complaints – Received", "Anti-corruption training – Directors and employees trained"
    named = Taxonomy.load().match_dims(rest)  # "Turnover rate – under 30": a breakdown the lexicon knows
    if named and "category" not in named:
        return named
    return {"category": rest}


_AFTER_FRAME = re.compile(r"(?:划分|分类|区分)\s*(?:的|之)?\s*\S")


def _heading_names_metric(label: str) -> bool:
    """"按性別劃分的員工受訓百分比" goes on after its breakdown; "按性別劃分", "By employee category" do not."""
    return bool(_AFTER_FRAME.search(matching_form(_clean_label(label))[0]))


def _heading_prefix(label: str) -> tuple[str, str] | None:
    """(dims key, rest) for a label opened by a breakdown heading and a dash ("By rank – Directors")."""
    m = _DASH_QUALIFIER.search(label)
    if not m:
        return None
    key = _breakdown_heading(label[: m.start()])
    rest = label[m.end():].strip()
    return (key, rest) if key and rest else None


def _context_metric(text: str, raw_unit: str | None, tax: Taxonomy) -> _Resolved | None:
    for m in tax.match_label(_clean_label(text), raw_unit):
        if m.score < MIN_SCORE:
            break
        metric = tax.metric(m.metric)
        if unit_fits(raw_unit, metric):
            return _Resolved(metric, dict(m.dims), m.score * 0.95)
    return None


_WORKFORCE_DIMS = {"gender", "age", "rank", "employment_type", "region"}


@lru_cache(maxsize=1)
def _breakdown_defaults() -> tuple[tuple[str, tuple[str, ...]], ...]:
    data = tomllib.loads(resources.files("esglens.data").joinpath("breakdown_defaults.toml").read_text("utf-8"))
    return tuple((d["metric"], tuple(w.casefold() for w in d["words"])) for d in data["default"])


def _default_for_breakdown(row: TableRow, raw_unit: str | None, tax: Taxonomy) -> _Resolved | None:
    """The metric a breakdown row implies when nothing above it names one (see the data file)."""
    if len(row.label) > 16 or not _WORKFORCE_DIMS & set(tax.match_dims(_clean_label(row.label))):
        return None  # a long label is a phrase ("正式員工進行崗位調整共有"), not a breakdown name
    label = row.label.casefold()
    for metric_id, words in _breakdown_defaults():
        metric = tax.metric(metric_id)
        if any(w in label for w in words) and raw_unit and unit_fits(raw_unit, metric):
            return _Resolved(metric, {}, 0.8)
    return None


def _names_another_metric(row: TableRow, ctx: _Resolved, tax: Taxonomy) -> bool:
    """A row whose own label names a ratio (an intensity printed without its full unit, say) is
    not a part of the amount above it, even when its unit would fit. A label naming an amount
    (`車輛柴油` under scope 1) is a part: fuels and sources double as breakdowns."""
    return any(
        m.score >= MIN_SCORE and m.metric != ctx.metric.id and m.definition.kind in ("intensity", "rate")
        and ctx.metric.kind not in ("intensity", "rate")
        for m in tax.match_label(_clean_label(row.label))
    )


_YEAR = re.compile(r"(?:19|20)\d\d")
_SENTENCE_MARKS = re.compile(r"[《》「」，。；：！？]|[,.;:]\s")


_DISCLOSURE_CODE = re.compile(r"(?<![A-Za-z0-9])(?:[AB]\d{1,2}(?:\.\d{1,2})?|GRI\s?\d{3}(?:-\d{1,2})?|\d{3}-\d{1,2})(?![\d.])")


def _is_index_entry(label: str) -> bool:
    """"A1.2 GHG emissions - page 3": a line of the report's content index read as a table row."""
    if not _DISCLOSURE_CODE.search(label):
        return False
    folded = label.casefold()
    return any(w in folded for w in lexicon().index_page_words)


_LEADING_CODE = re.compile(
    r"^\s*(?:(?:KPI\s*)?[AB]\d{1,2}(?:\.\d{1,2})?|GRI\s?\d{1,3}(?:-\d{1,2})?|\d{3}-\d{1,2})(?![\d.])\s*\S", re.I)


def _is_index_row(row: TableRow) -> bool:
    """"B5.1 按地區劃分的供應商數目 四（三）供應鏈管理 8": a content-index row whose one value is a page."""
    values = [c.text for c in row.cells if c is not None]
    return bool(_LEADING_CODE.match(row.label)) and len(values) == 1 and values[0].strip().isdigit() \
        and len(values[0].strip()) <= 3 and not row.unit


def _names_factor(label: str) -> bool:
    folded = matching_form(label)[0]
    return any(w in folded for w in lexicon().factor_words)


def _plain_mass(raw_unit: str | None) -> bool:
    from .. import units

    try:
        return bool(raw_unit) and units.parse_unit(raw_unit).kind == "mass"
    except units.UnitError:
        return False


def _is_bare_total(label: str) -> bool:
    text, _ = matching_form(_clean_label(label))
    return text.strip(" :：-–") in lexicon().bare_total_labels


def _label_like(label: str) -> bool:
    # English words take about twice the characters of Chinese ones
    limit = 60 if label.isascii() or sum(ch.isascii() for ch in label) > len(label) * 0.8 else 30
    return len(label) <= limit and not _SENTENCE_MARKS.search(label)


def _is_breakdown_of(mine: _Resolved, parent: _Resolved | None) -> bool:
    """A sub-row naming the same metric as its parent, without a breakdown of its own; or one whose
    label names a metric that is not a part of the parent's."""
    if parent is None:
        return False
    if parent.metric.id == mine.metric.id:
        return not mine.dims
    # A part of its parent (found by indentation, a sub-row word or the sum) that names another metric
    # is still a part, unless that metric sits under the parent's ("電力" under 能源消耗總量):
    # "廢紙箱及包裝物" under 無害廢棄物總量 is waste, not packaging; "Fugitive emissions – SF6" under
    # scope 1 is scope 1, not total emissions.
    # a parent read as a catch-all `other:` metric is too uncertain to overrule a taxonomy metric
    return parent.metric.id not in mine.metric.broader and not (
        parent.metric.id.startswith("other:") and not mine.metric.id.startswith("other:"))


def _cells_are_percent(row: TableRow) -> bool:
    return any(c is not None and c.text.rstrip().endswith("%") for c in row.cells)


def _clean_label(label: str) -> str:
    label = _FOOTNOTE_TAIL.sub("", label).strip() or label.strip()
    folded = label.casefold()
    for prefix in lexicon().subrow_prefixes:
        if folded.startswith(prefix) and label[len(prefix):].strip():
            return label[len(prefix):].strip()
    return label


# "Scope 2 emissions from purchased electricity", "來自外購電力的範圍二排放": the source describes the row
_FROM_SOURCE = re.compile(r"\bfrom\s+\S|來自|来自")


def _bracketed(label: str) -> bool:
    return bool(re.search(r"[（(][^（()）]+[）)]\s*\d{0,2}$", _clean_label(label)))


_BREAKDOWN_HEADING = re.compile(r"^(?:按|分|依|by\s+)?(?P<x>.+?)(?:划分|分布|分类|区分|统计|breakdown)?$")


def _breakdown_heading(label: str) -> str | None:
    """The dims key a group heading names ("按地區劃分" -> region, "By age group" -> age), or None."""
    text, _ = matching_form(_clean_label(label))
    text = re.sub(r"[\s:：()（）]+$", "", text.strip())
    m = _BREAKDOWN_HEADING.match(text)
    if not m or m.group("x") == text and not text.startswith(("按", "分", "依", "by ")):
        return None  # a heading must say "by ..." to name a breakdown
    x = m.group("x").strip()
    headings = lexicon().breakdown_headings
    if x in headings:
        return headings[x]
    # "按年齡組別劃分": the longest heading word inside it names the key
    for word in sorted(headings, key=len, reverse=True):
        if len(word) >= 2 and word in x:
            return headings[word]
    # "按學歷劃分", "By business segment": a breakdown all the same, of a kind without its own key
    framed = text.startswith(("按", "依", "by ")) and (text.startswith("by ") or text.endswith(("划分", "分类", "区分")))
    return "category" if framed and len(x) <= (30 if x.isascii() else 12) else None


def _place_name(label: str) -> str | None:
    """A breakdown label naming a place by its suffix ("四川省", "廣西壯族自治區"), without brackets."""
    name = _BRACKETED_PART.sub("", _clean_label(label)).strip()
    folded = matching_form(name)[0]
    return name if name and len(name) <= 20 and folded.endswith(lexicon().region_suffixes) else None


def _is_subrow(label: str) -> bool:
    folded = label.strip().casefold()
    return any(folded.startswith(p) for p in lexicon().subrow_prefixes)


def _names_own_measure(label: str) -> bool:
    text, _ = matching_form(_clean_label(label))
    text = re.sub(r"[\s（(][^（()）]*[）)]?$", "", text).strip() or text  # "排放量（噸）" ends in 量
    return text.endswith(lexicon().measure_suffixes)


_PERIOD_WORDS = re.compile(r"(?:FY\s?)?(?:19|20)\d\d(?:\s?[/／]\s?\d{2,4})?\s*(?:年度數據|年數據|年度|年|財年|财年|數據|数据)?\d{0,2}", re.I)
_TOTAL_SEGMENT = re.compile(r"^(?:總計|总计|合計|合计|總數|总数|總數量|总数量|總量|总量|集團|集团|本集團|本集团|total|group total|group|overall)$", re.I)


def _total_segment(name: str) -> bool:
    """"總計", "Total", or both in one bilingual header ("總計 Total")."""
    return bool(name) and (bool(_TOTAL_SEGMENT.match(name)) or all(_TOTAL_SEGMENT.match(w) for w in name.split()))


def _dims_for(metric: MetricDef, dims: dict[str, str], row: TableRow) -> dict[str, str]:
    """A scope 3 category belongs to scope 3 only: "物業投資" (property investment) heading a row of
    employees is a business segment, not GHG Protocol category 15 (investments)."""
    if "scope3_category" in dims and metric.id not in ("ghg_scope3", "ghg_total"):
        dims = {k: v for k, v in dims.items() if k != "scope3_category"}
        if not dims:
            dims["category"] = _clean_label(row.label)
    return dims


def _column_segments(table: Table) -> list[dict[str, str] | None]:
    """Breakdowns named by the columns: a table whose period columns repeat per business segment
    ("地產業務 2019年 … 總計 2019年") gives each segment's cells a category; the total segment none.
    None marks a column that is not read at all."""
    names = [_PERIOD_WORDS.sub(" ", c.label).strip(" -–:：") for c in table.columns]
    names = [re.sub(r"\d+$", "", n).strip() for n in names]
    dated = any(c.period for c in table.columns)
    # undated columns that all have names ("Male Female Total") split the document period's value
    distinct = {n for n, c in zip(names, table.columns) if c.period or not dated and n}
    if len(distinct) <= 1 or not dated and not all(names):
        return [{} for _ in table.columns]
    if dated:  # business segments: their names are categories ("南京總部及香港辦公室" is no region)
        if not any(_total_segment(n) for n in distinct):
            return [{"category": n} if n else {} for n in names]
        return [{} if _total_segment(n) else {"category": n} for n in names]
    if all(_measure_kind(n) for n in names):
        return [{} for _ in names]  # "人數 百分比": one value and its share, no breakdown
    tax = Taxonomy.load()
    # a segment's name is its category unless it names a breakdown ("物業投資" is no scope 3 category)
    return [{} if _total_segment(n) else ({k: v for k, v in tax.match_dims(n).items() if k != "scope3_category"}
                                          or {"category": n}) for n in names]


def tax_cache() -> Taxonomy:
    return Taxonomy.load()


def _column_metric(label: str, tax: Taxonomy) -> MetricDef | None:
    """The metric a measure column's own name gives ("Average hours of training"), if any."""
    if len(label.split()) < 3:
        return None
    for m in tax.match_label(label):
        return tax.metric(m.metric) if m.score >= MIN_SCORE else None
    return None


def _measure_kind(name: str) -> str | None:
    """"count", "share" or "average" for a measure column's name ("人數", "百分比", "Total Number",
    "Rate to average workforce", "Average hours of training"), None for any other column."""
    folded = matching_form(name)[0].strip()
    lex = lexicon()
    if folded in lex.count_words:
        return "count"
    if folded in lex.share_words:
        return "share"
    words = folded.split()
    if len(words) > 1:
        if words[0] in ("rate", "percentage", "proportion", "share"):
            return "share"
        if words[0] == "average":
            return "average"
        if words[0] in ("total", "number", "no."):
            return "count"
    return None


def _row_facts(doc: Document, table: Table, row: TableRow, raw_unit: str | None, r: _Resolved) -> list[Fact]:
    out = []
    doc_period = doc.metadata.period
    # In a table with period columns, a column without one holds changes or notes, not values.
    dated = any(c.period for c in table.columns)
    segments = _column_segments(table)
    measures = not dated and all(_measure_kind(c.label) for c in table.columns)
    if not dated and not measures and sum(1 for seg in segments if not seg) > 1:
        return []  # several value columns, none named by a period or a breakdown: which is which is unknown
    for col, cell, segment in zip(table.columns, row.cells, segments):
        if cell is None or (dated and not col.period):
            continue
        parsed = numbers.parse_number(split_value_mark(cell.text)[0])
        if parsed is None or (_YEAR.fullmatch(parsed.raw) and sum(c is not None for c in row.cells) == 1):
            continue  # a lone year closing a wrapped label ("... leave in FY 2023") is no value
        period = periods.resolve_label(col.period, doc_period)
        if period is None:
            continue
        metric, cell_unit = r.metric, raw_unit
        named = _column_metric(col.label, tax_cache()) if measures and _measure_kind(col.label) != "share" else None
        if named is not None:
            metric = named  # "Total number of hours trained", "Average hours of training"
        elif not dated and (parsed.percent or _measure_kind(col.label) == "share") and metric.unit != "%":
            # the share column of "人數 百分比": the metric's rate (headcount -> share of employees)
            if not metric.rate:
                continue
            metric, cell_unit = Taxonomy.load().metric(metric.rate), "%"
        norm = normalise(parsed.value, cell_unit, metric, percent=parsed.percent)
        if norm is None:
            continue
        start, end = periods.bounds(period, doc_period)
        line = doc.line(cell.line)
        out.append(
            Fact(
                metric=metric.id, value=norm.value, unit=norm.unit,
                raw_value=parsed.raw, raw_unit=cell_unit if cell_unit else ("%" if parsed.percent else None),
                period=period, period_start=start, period_end=end, dims=_dims_for(metric, {**segment, **r.dims}, row),
                page=line.page, line=cell.line, quote=line.text.strip(),
                source="table", confidence=round(min(r.confidence, norm.confidence) * 0.97, 3),
                hkex=metric.hkex, gri=metric.gri, qualifier=parsed.qualifier,
                label=row.label, lines=row.lines, table=table.id,
            )
        )
    return out
