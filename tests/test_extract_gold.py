"""Extraction quality on the real corpus, scored against the hand-verified gold files.

The floors are regression guards set a little under today's scores (see the README's
accuracy table, made by `esglens eval`); raise them as extraction improves. Scores are on the
taxonomy's metrics: the gold files also hold `other:*` records named by their writers, which
no extractor can be expected to name the same way.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import esglens
from esglens.extract.evaluate import evaluate, load_gold

GOLD = Path(__file__).parent / "gold"

# corpus file -> (precision floor, recall floor) on taxonomy metrics
FLOORS = {
    "jdhealth-esg-2024.zh-hant.txt": (0.85, 0.93),
    "alihealth-esg-fy2024.zh-hant.txt": (0.95, 0.87),
    "medlive-esg-2022.zh-hant.txt": (0.88, 0.75),
    "jdhealth-results-2021-news.zh-hans.md": (1.0, 1.0),
    "pdf/drax-2023-en.pdf": (0.75, 0.60),
    "pdf/fullshare-2019-tc.pdf": (0.90, 0.35),
    "pdf/sinocloud-2023-en.pdf": (0.50, 0.15),
}


@pytest.fixture(scope="module")
def extracted(corpus_dir):
    cache: dict[str, esglens.FactSet] = {}

    def get(name: str) -> esglens.FactSet:
        if name not in cache:
            path = corpus_dir / name
            if not path.exists():
                pytest.skip(f"corpus file {name} not found")
            cache[name] = esglens.extract(path)
        return cache[name]

    return get


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_extraction_meets_its_floor_on_the_gold_file(extracted, name):
    gold = load_gold(GOLD / (Path(name).name.rsplit(".", 1)[0] + ".jsonl"))
    result = evaluate(gold, extracted(name))
    p_floor, r_floor = FLOORS[name]
    s = result.taxonomy
    assert s.precision >= p_floor and s.recall >= r_floor, (
        f"{name}: precision {s.precision:.3f} (floor {p_floor}), recall {s.recall:.3f} (floor {r_floor}); "
        f"missed {[(g['metric'], g['period'], g.get('dims'), g['value']) for g in result.missed if not g['metric'].startswith('other:')][:8]}"
    )


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_every_quote_occurs_at_its_cited_line(extracted, name):
    facts = extracted(name)
    doc = facts.document
    assert len(facts) > 0
    for f in facts:
        line = doc.line(f.line)
        assert f.quote in line.text, (f.metric, f.line, f.quote, line.text)
        if doc.format == "pdf":
            assert f.page == line.page and f.page is not None


@pytest.mark.corpus
def test_scope1_total_and_its_sources_on_a_real_table(extracted):
    """jdhealth-esg-2024 lines 2672-2674: scope 1 68.13 (2024) / 174.66 (2023); vehicle diesel
    and gasoline are its parts and never stand as the total."""
    facts = extracted("jdhealth-esg-2024.zh-hant.txt")
    totals = {f.period: f for f in facts.where("ghg_scope1") if not f.dims}
    assert totals["2024"].value == pytest.approx(68.13) and totals["2023"].value == pytest.approx(174.66)
    assert totals["2024"].line == 2672 and totals["2024"].raw_unit == "噸二氧化碳當量"
    parts = sorted(f.value for f in facts.where("ghg_scope1", "2024") if f.dims)
    assert parts == [pytest.approx(0.12), pytest.approx(68.01)]


@pytest.mark.corpus
def test_fiscal_year_columns_of_a_real_report(extracted):
    """alihealth-esg-fy2024: columns `2023財年6 2024財年` hold FY2023 then FY2024 (line 984-986)."""
    facts = extracted("alihealth-esg-fy2024.zh-hant.txt")
    staff = {f.period: f for f in facts.where("employees_total") if not f.dims}
    assert staff["FY2024"].value == 1435 and staff["FY2023"].value == 1560
    assert staff["FY2024"].period_start == "2023-04-01" and staff["FY2024"].period_end == "2024-03-31"


@pytest.mark.corpus
def test_kilotonnes_and_scope2_bases_of_a_real_pdf(extracted):
    """drax-2023-en p3: `Group total Scope 1 ktCO2e 255 336 932`, scope 2 location 231, market 273."""
    facts = extracted("pdf/drax-2023-en.pdf")
    s1 = [f for f in facts.where("ghg_scope1", "2023") if not f.dims]
    assert [f.value for f in s1] == [255_000] and s1[0].unit == "tCO2e" and s1[0].page == 3
    market = facts.where("ghg_scope2", "2023", basis="market")
    assert [f.value for f in market] == [273_000]
