"""Comparison across companies and years, intensities, year-over-year change, and restatement detection.

The reports are built here: small text files parsed by esglens, with the facts stated directly, so the
expected numbers are the ones written below.
"""

from __future__ import annotations

import math

import pytest

import esglens
from esglens.facts import Fact
from esglens.model import Period
from esglens.store import Library


def _report(tmp_path, name: str, company: str, period: str, facts: list[Fact]):
    path = tmp_path / name
    body = "\n".join(f"{f.label or f.metric} {f.raw_value}" for f in facts) or "empty"
    path.write_text(f"{company} {period} 環境、社會及管治報告\n{body}\n", encoding="utf-8")
    doc = esglens.parse(path)
    doc.metadata.company = company
    doc.metadata.period = Period(period)
    return doc, facts


def _fact(metric: str, value: float, unit: str, period: str, raw: str | None = None, raw_unit: str | None = None,
          line: int = 2, **kw) -> Fact:
    raw = raw or f"{value:,}"
    return Fact(metric, value, unit, raw, raw_unit or unit, period, line=line, quote=raw, **kw)


@pytest.fixture
def lib(tmp_path):
    """Company A (two reports; the 2024 one restates 2023) and company B (named in both scripts)."""
    a2023 = _report(tmp_path, "a-2023.txt", "甲乙能源有限公司", "2023", [
        _fact("ghg_scope2", 1000, "tCO2e", "2023", "1,000"),
        _fact("ghg_scope2", 900, "tCO2e", "2022", "900"),
        _fact("ghg_scope2", 600, "tCO2e", "2023", "600", dims={"basis": "market"}),
        _fact("employees_total", 100, "persons", "2023"),
        _fact("employees_total", 90, "persons", "2022"),
        _fact("revenue", 50e6, "RMB", "2023", "5,000", raw_unit="萬元"),
        _fact("water", 1234, "m³", "2023", "1,234"),
    ])
    a2024 = _report(tmp_path, "a-2024.txt", "甲乙能源", "2024", [
        _fact("ghg_scope2", 1200, "tCO2e", "2024", "1,200"),
        _fact("ghg_scope2", 1100, "tCO2e", "2023", "1,100"),  # restated
        _fact("ghg_scope2", 600, "tCO2e", "2023", "600", dims={"basis": "market"}),  # unchanged breakdown
        _fact("employees_total", 120, "persons", "2024"),
        _fact("employees_total", 100, "persons", "2023"),
        _fact("revenue", 60e6, "RMB", "2024"),
        _fact("water", 1234.4, "m³", "2023", "1,234.4"),  # same value, printed more precisely
    ])
    b2023 = _report(tmp_path, "b-2023.txt", "丙丁科技", "2023", [
        _fact("ghg_scope2", 400, "tCO2e", "2023"),
        _fact("employees_total", 50, "persons", "2023"),
        _fact("revenue", 20e6, "HKD", "2023"),
    ])
    b2024 = _report(tmp_path, "b-2024.txt", "丙丁科技有限公司", "2024", [
        _fact("ghg_scope2", 300, "tCO2e", "2024"),
        _fact("ghg_scope2", 310, "tCO2e", "2024", source="derived", derived=True),
    ])
    library = Library(tmp_path / "lib.sqlite")
    for doc, facts in (a2023, a2024, b2023, b2024):
        assert library.add_document(doc, facts).status == "added"
    yield library
    library.close()


def _cells(comparison):
    return {(row.company_key, period): cell for row in comparison.rows for period, cell in row.cells.items()}


def test_companies_by_years_latest_report_wins_and_yoy(lib):
    result = lib.compare("ghg_scope2")
    assert result.periods == ["2022", "2023", "2024"]
    # each company's two reports form one row, with or without the legal form in the name
    assert sorted(r.company_key for r in result.rows) == ["丙丁科技", "甲乙能源"]
    cells = _cells(result)
    assert cells[("甲乙能源", "2023")].value == 1100  # the 2024 report's restated value
    assert cells[("甲乙能源", "2022")].value == 900
    assert cells[("甲乙能源", "2024")].change_pct == pytest.approx((1200 - 1100) / 1100 * 100)
    assert cells[("甲乙能源", "2023")].change_pct == pytest.approx((1100 - 900) / 900 * 100)
    assert cells[("甲乙能源", "2022")].change_pct is None
    # the printed 300 is kept over esglens' own derived 310
    assert cells[("丙丁科技", "2024")].value == 300 and cells[("丙丁科技", "2024")].source == "printed"
    assert cells[("丙丁科技", "2024")].change_pct == pytest.approx(-25.0)
    assert all(c.unit == "tCO2e" for c in cells.values())


def test_breakdowns_never_enter_the_comparison(lib):
    cells = _cells(lib.compare("ghg_scope2"))
    assert 600 not in {c.value for c in cells.values()}


def test_years_filter(lib):
    result = lib.compare("ghg_scope2", years=(2023, 2024))
    assert result.periods == ["2023", "2024"]


def test_per_employee(lib):
    cells = _cells(lib.compare("ghg_scope2", per="employees"))
    assert cells[("甲乙能源", "2024")].value == pytest.approx(1200 / 120)
    assert cells[("甲乙能源", "2024")].unit == "tCO2e/employee"
    assert cells[("甲乙能源", "2024")].metric_value == 1200
    assert cells[("甲乙能源", "2024")].change_pct == pytest.approx((10 - 11) / 11 * 100)
    # B's 2024 report gives no employees: no value, and the result says why
    assert cells[("丙丁科技", "2024")].value is None
    assert any("employees_total" in n for n in lib.compare("ghg_scope2", per="employees").notes)


def test_per_revenue_in_each_currency_and_says_currencies_differ(lib):
    result = lib.compare("ghg_scope2", per="revenue")
    cells = _cells(result)
    assert cells[("甲乙能源", "2024")].value == pytest.approx(1200 / 60)
    assert cells[("甲乙能源", "2024")].unit == "tCO2e/RMB million revenue"
    assert cells[("丙丁科技", "2023")].value == pytest.approx(400 / 20)
    assert cells[("丙丁科技", "2023")].unit == "tCO2e/HKD million revenue"
    assert any("HKD" in n and "RMB" in n for n in result.notes)


def test_unknown_per_is_refused(lib):
    with pytest.raises(ValueError):
        lib.compare("ghg_scope2", per="floor_area")


def test_restatement_listed_with_both_values_and_reports(lib):
    found = lib.restatements()
    assert len(found) == 1  # the basis=market breakdown is unchanged; water differs only by rounding
    (r,) = found
    assert (r.company_key, r.metric, r.period, r.dims) == ("甲乙能源", "ghg_scope2", "2023", {})
    assert (r.original.value, r.original.filename) == (1000, "a-2023.txt")
    assert (r.revised.value, r.revised.filename) == (1100, "a-2024.txt")
    assert r.relative_change == pytest.approx(0.1)
    assert lib.restatements(metric="water") == []
    assert lib.restatements(company="丙丁科技") == []
    assert len(lib.restatements(company="甲乙能源有限公司")) == 1


def test_restatement_from_zero_is_infinite_change(tmp_path):
    first = _report(tmp_path, "x-2023.txt", "X Co", "2023", [_fact("work_fatalities", 0, "persons", "2023", "0")])
    second = _report(tmp_path, "x-2024.txt", "X Co", "2024", [_fact("work_fatalities", 1, "persons", "2023", "1")])
    with Library(tmp_path / "lib.sqlite") as library:
        library.add_document(*first)
        library.add_document(*second)
        (r,) = library.restatements()
        assert math.isinf(r.relative_change)


def test_records_are_flat(lib):
    records = lib.compare("ghg_scope2").to_records()
    assert len(records) == 5  # A: 2022, 2023, 2024; B: 2023, 2024
    assert {"company", "period", "value", "unit", "source", "report_id", "line", "change_pct"} <= set(records[0])


def test_reports_naming_no_company_are_never_grouped(tmp_path):
    one = _report(tmp_path, "u1.txt", "", "2024", [_fact("water", 10, "m³", "2024")])
    two = _report(tmp_path, "u2.txt", "", "2024", [_fact("water", 20, "m³", "2024")])
    with Library(tmp_path / "lib.sqlite") as library:
        for doc, facts in (one, two):
            doc.metadata.company = None
            library.add_document(doc, facts)
        result = library.compare("water")
        assert sorted(r.company for r in result.rows) == ["u1.txt", "u2.txt"]
        assert library.restatements() == []


def test_fiscal_years_compare_with_the_previous_fiscal_year(tmp_path):
    doc, facts = _report(tmp_path, "fy.txt", "FY Co", "FY2024", [
        _fact("water", 110, "m³", "FY2024"), _fact("water", 100, "m³", "FY2023"),
    ])
    with Library(tmp_path / "lib.sqlite") as library:
        library.add_document(doc, facts)
        result = library.compare("water", years=(2024, 2024))
        assert result.periods == ["FY2024"]
        assert library.compare("water").rows[0].cells["FY2024"].change_pct == pytest.approx(10.0)


def test_scope2_printed_only_per_basis_is_compared_location_based(tmp_path, lib):
    doc, facts = _report(tmp_path, "c-2024.txt", "戊己電力", "2024", [
        _fact("ghg_scope2", 231, "tCO2e", "2024", dims={"basis": "location"}),
        _fact("ghg_scope2", 273, "tCO2e", "2024", dims={"basis": "market"}),
    ])
    assert lib.add_document(doc, facts).status == "added"
    from esglens.store.prepare import company_key

    key = company_key("戊己電力")
    default = _cells(lib.compare("ghg_scope2"))
    assert default[(key, "2024")].value == 231  # no basis-free total: location-based
    assert default[("甲乙能源", "2024")].value == 1200  # a basis-free total is still preferred
    assert any("location-based" in n for n in lib.compare("ghg_scope2").notes)
    market = _cells(lib.compare("ghg_scope2", basis="market"))
    assert market[(key, "2024")].value == 273 and market[("甲乙能源", "2023")].value == 600
    assert ("丙丁科技", "2024") not in market  # no market-based figure printed
    with pytest.raises(ValueError):
        lib.compare("ghg_scope2", basis="residual")


def test_company_filters_match_part_of_the_name_everywhere(lib):
    assert {r["company_key"] for r in lib.facts(company="甲乙")} == {"甲乙能源"}
    assert lib.facts(company="甲乙能源有限公司")  # the full name with its legal form
    assert lib.findings(company="甲乙") == lib.findings(company="甲乙能源")
