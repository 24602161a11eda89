"""Year-over-year checks on synthetic reports: jumps flagged (with the note that explains them) or not."""

from __future__ import annotations

from check_helpers import document, fact, facts

from esglens.check.yoy import check_year_over_year

REPORT = """\
Greenhouse gas emissions
Indicator Unit 2024 2023
Scope 1 tCO2e 68.13 174.66
Vehicles, diesel tCO2e 0.12 133.00
Scope 2 tCO2e 3,768.75 5,089.05
Note:
1. Emissions for 2023 were restated after a change in calculation methodology.

Our people
We continued to grow our teams in every region this year.
"""


def _jumps(findings):
    return [f for f in findings if f.rule == "yoy.change"]


def test_change_beyond_threshold_is_flagged_with_the_note_that_explains_it(tmp_path):
    doc = document(tmp_path, REPORT)
    fs = facts(fact("ghg_scope1", "0.12", "2024", line=4, table=None, category="vehicles, diesel"),
               fact("ghg_scope1", "133.00", "2023", line=4, table=None, category="vehicles, diesel"),
               fact("ghg_scope2", "3,768.75", "2024", line=5, table=None),
               fact("ghg_scope2", "5,089.05", "2023", line=5, table=None), document=doc)
    found = _jumps(check_year_over_year(doc, fs))
    assert len(found) == 1  # scope 2 fell 26%: within the default 50%
    jump = found[0]
    assert jump.severity == "info"  # a breakdown row; a total would be a warning
    assert jump.data["explained"] and jump.data["explanation_line"] == 7
    assert "133" in jump.message and "0.12" in jump.message and "-100%" in jump.message


def test_jump_without_any_explanation_says_so(tmp_path):
    doc = document(tmp_path, "Water\nIndicator Unit 2024 2023\nWater m³ 34,650.89 12,375.82\n\nOther text.\n")
    fs = facts(fact("water", "34,650.89", "2024", line=3, table=None),
               fact("water", "12,375.82", "2023", line=3, table=None), document=doc)
    [jump] = _jumps(check_year_over_year(doc, fs))
    assert jump.data["explained"] is False
    assert "No explanation" in jump.message


def test_label_with_a_change_word_explains_a_jump(tmp_path):
    text = "Energy\nDiesel L 47.00 50,329.70\nNote:\n1. Diesel consumption decreased as electric vehicles replaced diesel vans.\n"
    doc = document(tmp_path, text)
    prev = fact("diesel", "50,329.70", "2023", line=2, table=None)
    cur = fact("diesel", "47.00", "2024", line=2, table=None)
    prev.label = cur.label = "Diesel"
    [jump] = _jumps(check_year_over_year(doc, facts(prev, cur, document=doc)))
    assert jump.data["explanation_line"] == 4


def test_rounding_is_not_a_jump():
    # 0.01 -> 0.02 doubles on paper, but both values are within a rounding unit of each other
    fs = facts(fact("ghg_intensity", "0.02", "2024", unit="tCO2e/employee"),
               fact("ghg_intensity", "0.01", "2023", unit="tCO2e/employee"))
    assert _jumps(check_year_over_year(None, fs)) == []


def test_threshold_is_respected_both_ways():
    up = facts(fact("water", "160", "2024"), fact("water", "100", "2023"))
    assert len(_jumps(check_year_over_year(None, up))) == 1
    small = facts(fact("water", "149", "2024"), fact("water", "100", "2023"))
    assert _jumps(check_year_over_year(None, small)) == []


def test_different_units_or_dims_are_separate_series():
    fs = facts(fact("ghg_scope2", "100", "2024", basis="market"), fact("ghg_scope2", "1000", "2023", basis="location"),
               fact("water", "100", "2024", unit="m³"), fact("water", "1", "2023", unit="ML"))
    assert _jumps(check_year_over_year(None, fs)) == []


def test_same_value_printed_twice_differently_is_a_warning():
    fs = facts(fact("electricity", "6,753.60", "2024", line=10, table=1),
               fact("electricity", "8,360.59", "2024", line=400, table=5))
    [found] = [f for f in check_year_over_year(None, fs) if f.rule == "consistency.repeat"]
    assert found.severity == "warning" and found.lines == [10, 400]
    same = facts(fact("electricity", "6,753.60", "2024", line=10, table=1),
                 fact("electricity", "6,753.6", "2024", line=400, table=5))
    assert [f for f in check_year_over_year(None, same) if f.rule == "consistency.repeat"] == []


def test_two_rows_of_one_table_are_not_a_repeat():
    fs = facts(fact("ghg_scope3", "9,397.58", "2024", line=10, table=3, scope3_category="1"),
               fact("ghg_scope3", "90,474.31", "2024", line=12, table=3, scope3_category="1"))
    assert [f for f in check_year_over_year(None, fs) if f.rule == "consistency.repeat"] == []


def test_breakdown_jumps_are_listed_below_total_jumps_and_tiny_counts_are_ignored():
    fs = facts(fact("water", "300", "2024", region="Hong Kong"), fact("water", "100", "2023", region="Hong Kong"),
               fact("water", "3,000", "2024"), fact("water", "1,000", "2023"))
    found = {f.id: f.severity for f in _jumps(check_year_over_year(None, fs))}
    assert found == {"yoy.water.2023-2024": "warning", "yoy.water.2023-2024.region=Hong Kong": "info"}
    tiny = facts(fact("employees_total", "3", "2024", region="Overseas"),
                 fact("employees_total", "1", "2023", region="Overseas"))
    assert _jumps(check_year_over_year(None, tiny)) == []


NOTES_COLUMN = """\
Carbon and energy
Datapoint Unit 2023 2022 Notes
Upstream transportation tCO2e 32,666 301,800 The decrease is primarily due to a reclassification of shipping
Downstream transportation tCO2e 186,909 8,732 The increase is primarily driven by the reclassification above
Business travel tCO2e 3,585 1,488
"""


def test_a_row_is_explained_by_its_own_notes_column_never_by_another_rows(tmp_path):
    doc = document(tmp_path, NOTES_COLUMN)
    fs = facts(fact("ghg_scope3", "32,666", "2023", line=3, scope3_category="4"),
               fact("ghg_scope3", "301,800", "2022", line=3, scope3_category="4"),
               fact("ghg_scope3", "3,585", "2023", line=5, scope3_category="6"),
               fact("ghg_scope3", "1,488", "2022", line=5, scope3_category="6"), document=doc)
    jumps = {f.facts[0]["dims"]["scope3_category"]: f for f in _jumps(check_year_over_year(doc, fs))}
    assert jumps["4"].data["explanation_line"] == 3  # its own note
    assert not jumps["6"].data["explained"]  # the notes of rows 3 and 4 are about those rows
