"""Arithmetic checks on synthetic facts: each rule raised and not raised, and no false alarm from
rounding, units, derived values or breakdown rows."""

from __future__ import annotations

from check_helpers import fact, facts

from esglens.check import run_checks
from esglens.check.arithmetic import check_arithmetic
from esglens.check.common import printed_decimals, rounding


def _by_rule(findings, prefix):
    return [f for f in findings if f.rule.startswith(prefix)]


def test_printed_decimals_and_rounding_follow_the_printed_value():
    assert printed_decimals("3,836.89") == 2
    assert printed_decimals("502") == 0
    # 6,753,600.64 kWh normalised to MWh: half a cent of a kWh is 5e-6 MWh
    f = fact("electricity", "6,753,600.64", value=6753.60064, unit="MWh")
    assert abs(rounding(f) - 0.000005) < 1e-12


def test_scope_sum_that_holds_within_rounding_is_a_pass():
    # 68.13 + 3,768.75 = 3,836.88; printed total 3,836.89 is within two-decimal rounding
    fs = facts(fact("ghg_total", "3,836.89", line=1), fact("ghg_scope1", "68.13", line=2),
               fact("ghg_scope2", "3,768.75", line=5))
    found = _by_rule(check_arithmetic(fs), "arith.ghg_scopes")
    assert len(found) == 1
    assert found[0].severity == "info" and found[0].status == "pass"
    assert found[0].lines == [1, 2, 5]


def test_scope_sum_that_fails_is_an_error_naming_both_numbers():
    fs = facts(fact("ghg_total", "3,900.00"), fact("ghg_scope1", "68.13"), fact("ghg_scope2", "3,768.75"))
    [found] = _by_rule(check_arithmetic(fs), "arith.ghg_scopes")
    assert found.severity == "error" and found.status == "fail"
    assert "3,836.88" in found.message and "3,900" in found.message


def test_integer_rounding_allows_one_unit_over_three_rounded_values():
    # 10 + 21 printed as integers may really be 10.4 + 21.4 = 31.8 -> printed total 32
    fs = facts(fact("ghg_total", "32"), fact("ghg_scope1", "10"), fact("ghg_scope2", "21"))
    [found] = _by_rule(check_arithmetic(fs), "arith.ghg_scopes")
    assert found.status == "pass"
    fs = facts(fact("ghg_total", "34"), fact("ghg_scope1", "10"), fact("ghg_scope2", "21"))
    [found] = _by_rule(check_arithmetic(fs), "arith.ghg_scopes")
    assert found.status == "fail"


def test_scope2_basis_is_never_mixed():
    # total (location) = scope1 + scope2 location; the market figure must not be used
    fs = facts(fact("ghg_total", "1,100", basis="location"), fact("ghg_total", "600", basis="market"),
               fact("ghg_scope1", "100"), fact("ghg_scope2", "1,000", basis="location"),
               fact("ghg_scope2", "500", basis="market"))
    found = _by_rule(check_arithmetic(fs), "arith.ghg_scopes")
    assert len(found) == 2
    assert all(f.status == "pass" for f in found)


def test_tco2_and_tco2e_are_not_compared():
    fs = facts(fact("ghg_total", "999", unit="tCO2e"), fact("ghg_scope1", "100", unit="tCO2"),
               fact("ghg_scope2", "200", unit="tCO2"))
    assert _by_rule(check_arithmetic(fs), "arith.ghg_scopes") == []


def test_units_are_converted_before_summing():
    # energy total printed in MWh, parts printed in GJ and MWh: 3,600 GJ = 1,000 MWh
    fs = facts(fact("energy_total", "1,500"), fact("energy_direct", "3,600", unit="GJ"),
               fact("energy_indirect", "500"))
    [found] = _by_rule(check_arithmetic(fs), "arith.energy_split")
    assert found.status == "pass"


def test_derived_facts_are_never_checked_as_printed():
    total = fact("ghg_total", "5,000")
    total.derived, total.source = True, "derived"
    fs = facts(total, fact("ghg_scope1", "68.13"), fact("ghg_scope2", "3,768.75"))
    assert _by_rule(check_arithmetic(fs), "arith.ghg_scopes") == []


def test_category_rows_sum_to_their_total():
    fs = facts(fact("ghg_scope2", "3,768.75", line=5), fact("ghg_scope2", "3,622.98", line=6, category="electricity, premises"),
               fact("ghg_scope2", "1.06", line=7, category="electricity, vehicles"),
               fact("ghg_scope2", "144.71", line=8, category="heat"))
    [found] = _by_rule(check_arithmetic(fs), "arith.breakdown")
    assert found.status == "pass" and found.lines == [5, 6, 7, 8]


def test_category_rows_short_of_the_total_are_a_warning_and_over_it_an_error():
    short = facts(fact("ghg_scope3", "132,954.07"), fact("ghg_scope3", "100,000.00", scope3_category="4"),
                  fact("ghg_scope3", "20,000.00", scope3_category="1"))
    [found] = _by_rule(check_arithmetic(short), "arith.breakdown")
    assert found.severity == "warning" and found.status == "fail"
    over = facts(fact("ghg_scope3", "132,954.07"), fact("ghg_scope3", "104,287.57", scope3_category="4"),
                 fact("ghg_scope3", "30,412.36", scope3_category="1"))
    [found] = _by_rule(check_arithmetic(over), "arith.breakdown")
    assert found.severity == "error"


def test_a_breakdown_row_is_never_taken_as_a_total():
    # only breakdown rows: no total to compare with, so nothing is raised
    fs = facts(fact("employees_total", "304", gender="female"), fact("employees_total", "198", gender="male"))
    assert check_arithmetic(fs) == []


def test_gender_and_age_breakdowns_sum_to_the_workforce():
    ok = facts(fact("employees_total", "605"), fact("employees_total", "380", gender="female"),
               fact("employees_total", "225", gender="male"), fact("employees_total", "300", age="<30"),
               fact("employees_total", "280", age="30-50"), fact("employees_total", "25", age=">50"))
    found = _by_rule(check_arithmetic(ok), "arith.workforce")
    assert {f.rule for f in found} == {"arith.workforce.gender", "arith.workforce.age"}
    assert all(f.status == "pass" for f in found)
    bad = facts(fact("employees_total", "605"), fact("employees_total", "380", gender="female"),
                fact("employees_total", "215", gender="male"))
    [found] = _by_rule(check_arithmetic(bad), "arith.workforce")
    assert found.severity == "error" and "595" in found.message


def test_repeated_tables_give_one_finding_per_distinct_comparison():
    fs = facts(fact("ghg_total", "3,836.89", line=1, table=1), fact("ghg_scope1", "68.13", line=2, table=1),
               fact("ghg_scope2", "3,768.75", line=3, table=1), fact("ghg_total", "3,836.89", line=90, table=7),
               fact("ghg_scope1", "68.13", line=91, table=7), fact("ghg_scope2", "3,768.75", line=92, table=7))
    assert len(_by_rule(check_arithmetic(fs), "arith.ghg_scopes")) == 1


def test_intensity_per_employee_holds_and_fails():
    # (0 + 67.396) / 502 = 0.13425 -> printed 0.134
    ok = facts(fact("ghg_intensity", "0.134", unit="tCO2e/employee"), fact("ghg_scope1", "0"),
               fact("ghg_scope2", "67.396"), fact("employees_total", "502"))
    [found] = _by_rule(check_arithmetic(ok), "arith.intensity")
    assert found.status == "pass"
    bad = facts(fact("ghg_intensity", "0.25", unit="tCO2e/employee"), fact("ghg_scope1", "0"),
                fact("ghg_scope2", "67.396"), fact("employees_total", "502"))
    [found] = _by_rule(check_arithmetic(bad), "arith.intensity")
    assert found.severity == "warning" and "0.1342" in found.message and "0.25" in found.message


def test_intensity_per_revenue_scales_the_currency_multiplier():
    # 3,836.89 t / RMB 58,160 million = 0.066 t per RMB million
    fs = facts(fact("ghg_intensity", "0.066", unit="tCO2e/RMB million revenue"), fact("ghg_total", "3,836.89"),
               fact("revenue", "58,160,000,000", unit="RMB"))
    [found] = _by_rule(check_arithmetic(fs), "arith.intensity")
    assert found.status == "pass"


def test_run_checks_without_a_document_still_reports_arithmetic():
    fs = facts(fact("ghg_total", "3,836.89"), fact("ghg_scope1", "68.13"), fact("ghg_scope2", "3,768.75"))
    report = run_checks(None, fs)
    assert report.get("arith.ghg_scopes.ghg_total.2024").status == "pass"


def test_two_rows_with_the_same_category_are_both_parts():
    fs = facts(fact("ghg_scope3", "100,000.00", line=1), fact("ghg_scope3", "60,000.00", line=2, scope3_category="1"),
               fact("ghg_scope3", "30,000.00", line=3, scope3_category="1"),
               fact("ghg_scope3", "10,000.00", line=4, scope3_category="4"))
    [found] = _by_rule(check_arithmetic(fs), "arith.breakdown")
    assert found.status == "pass" and len(found.facts) == 4


def test_approximate_values_are_not_checked():
    total = fact("ghg_total", "3,800")
    total.qualifier = "超過"
    fs = facts(total, fact("ghg_scope1", "68.13"), fact("ghg_scope2", "3,768.75"))
    assert _by_rule(check_arithmetic(fs), "arith.ghg_scopes") == []


def test_a_narrower_total_next_to_a_matching_one_is_a_warning_not_an_error():
    # "Generation emissions 141" (one segment) and "Group scope 1 and 2 (location-based) 486"
    fs = facts(fact("ghg_total", "141", line=76), fact("ghg_total", "486", line=93, basis="location"),
               fact("ghg_scope1", "255", line=79), fact("ghg_scope2", "231", line=81))
    [found] = [f for f in _by_rule(check_arithmetic(fs), "arith.ghg_scopes") if f.status == "fail"]
    assert found.severity == "warning" and found.data["matching_total_line"] == 93
    alone = facts(fact("ghg_total", "141", line=76), fact("ghg_scope1", "255", line=79), fact("ghg_scope2", "231", line=81))
    [found] = _by_rule(check_arithmetic(alone), "arith.ghg_scopes")
    assert found.severity == "error"


def test_indirect_energy_in_coal_equivalent_equals_electricity_plus_heat():
    # 874,903.74 kgce (x 0.008141 MWh/kgce = 7,122.6 MWh) vs 6,753,600.64 kWh + 1,315.54 GJ (7,119.0 MWh):
    # the report's own conversion factors differ by 0.05%, within the rule's stated slack
    fs = facts(fact("energy_indirect", "874,903.74", unit="kgce"),
               fact("electricity", "6,753,600.64", value=6753.60064), fact("heat", "1,315.54", unit="GJ"))
    [found] = _by_rule(check_arithmetic(fs), "arith.energy_indirect")
    assert found.status == "pass"
    fs = facts(fact("energy_indirect", "974,903.74", unit="kgce"),
               fact("electricity", "6,753,600.64", value=6753.60064), fact("heat", "1,315.54", unit="GJ"))
    [found] = _by_rule(check_arithmetic(fs), "arith.energy_indirect")
    assert found.status == "fail" and found.severity == "warning"


def test_a_part_larger_than_its_whole():
    from check_helpers import fact, facts

    from esglens.check import run_checks

    bad = run_checks(None, facts(fact("electricity", "3,787.58", "FY2024", line=10),
                                 fact("energy_total", "3,716.29", "FY2024", line=12)))
    found = bad.get("arith.part_exceeds.electricity.energy_total.FY2024")
    assert found is not None and found.severity == "error" and found.lines == [10, 12]
    ok = run_checks(None, facts(fact("electricity", "3,500", "FY2024", line=10),
                                fact("energy_total", "3,716.29", "FY2024", line=12)))
    assert ok.get("arith.part_exceeds.electricity.energy_total.FY2024") is None


def test_a_region_breakdown_that_misses_its_total_is_a_warning():
    fs = facts(fact("water", "1,342,623", line=84, table=2), fact("water", "1,051,206", line=105, table=3, region="Hong Kong"),
               fact("water", "282,417", line=105, table=3, region="Singapore"))
    [found] = _by_rule(check_arithmetic(fs), "arith.breakdown.region")
    assert found.status == "fail" and found.severity == "warning" and "9,000" in found.message


def test_a_place_the_region_lexicon_does_not_know_still_counts_towards_the_total():
    # 越南 was read as a category: it sits among the region rows of the same table and completes the sum
    fs = facts(fact("suppliers_total", "412", line=214, unit="count"),
               fact("suppliers_total", "268", line=210, unit="count", region="Mainland China"),
               fact("suppliers_total", "74", line=211, unit="count", category="越南"),
               fact("suppliers_total", "48", line=212, unit="count", region="Asia"),
               fact("suppliers_total", "22", line=213, unit="count", region="Europe"))
    [found] = _by_rule(check_arithmetic(fs), "arith.breakdown.region")
    assert found.status == "pass"


def test_a_part_of_a_part_is_not_added_to_its_siblings(tmp_path):
    import esglens
    p = tmp_path / "r.txt"
    p.write_text("Example Utilities Limited\nESG Report 2023\nThis report covers 1 January 2023 to 31 December 2023.\n\n"
                 "Table 3: Scope 1 emissions by source\nKey performance indicator Unit 2023 2022\n"
                 "Stationary combustion tonnes CO2e 150,874 154,690\nFugitive emissions tonnes CO2e 29,931 31,012\n"
                 "of which: fugitive methane from the gas network tonnes CO2e 25,604 26,550\n"
                 "Mobile combustion tonnes CO2e 5,615 5,683\nTotal scope 1 emissions tonnes CO2e 186,420 191,385\n",
                 encoding="utf-8")
    facts = esglens.extract(p)
    methane = [f for f in facts if f.dims.get("category") == "fugitive methane from the gas network"]
    assert {f.metric for f in methane} == {"ghg_scope1"}
    found = [f for f in check_arithmetic(facts) if f.id == "arith.breakdown.category.ghg_scope1.2023"]
    assert found and found[0].status == "pass" and len(found[0].facts) == 4  # the total and its three parts


def test_a_total_broken_down_in_two_tables_is_compared_with_each_breakdown_apart():
    # by segment in table 1 (adds up) and by source in table 3 (adds up): never summed together
    fs = facts(fact("ghg_scope1", "8,047.5", line=48, table=2),
               fact("ghg_scope1", "1,248.5", line=31, table=1, category="property"),
               fact("ghg_scope1", "6,799.0", line=31, table=1, category="hotels"),
               fact("ghg_scope1", "5,236.4", line=80, table=3, category="town gas"),
               fact("ghg_scope1", "2,811.1", line=81, table=3, category="diesel"))
    found = [f for f in check_arithmetic(fs) if f.id == "arith.breakdown.category.ghg_scope1.2024"]
    assert found and found[0].status == "pass"
