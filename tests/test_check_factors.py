"""Implied emission factors on synthetic facts: in range (info) and out of range (warning), by region."""

from __future__ import annotations

import pytest

from check_helpers import document, fact, facts

from esglens.check.common import unit_factor
from esglens.check.factors import check_factors, detect_region


def _one(findings, prefix):
    found = [f for f in findings if f.id.startswith(prefix)]
    assert len(found) == 1, [f.id for f in findings]
    return found[0]


def test_energy_units_convert_with_stated_factors():
    assert unit_factor("kWh", "MWh") == 0.001
    assert abs(unit_factor("GJ", "MWh") - 1 / 3.6) < 1e-5
    assert abs(unit_factor("tce", "MWh") - 8.141) < 1e-9
    assert abs(unit_factor("kgce", "MWh") - 0.008141) < 1e-12
    assert unit_factor("tCO2", "tCO2e") is None  # a gas basis is never relabelled


def test_grid_factor_in_the_china_range_is_info(tmp_path):
    doc = document(tmp_path, "溫室氣體排放\n外購電力 千瓦時 6,753,600.64\n", "zh.txt")
    fs = facts(fact("ghg_scope2", "3,622.98", category="electricity, premises"),
               fact("ghg_scope2", "1.06", category="electricity, vehicles"),
               fact("ghg_scope2", "144.71", category="heat"),
               fact("electricity", "6,753,600.64", value=6753.60064), document=doc)
    grid = _one(check_factors(doc, fs), "factor.grid")
    assert grid.severity == "info" and grid.data["region"] == "china"
    assert abs(grid.data["implied"] - 0.5366) < 0.0001  # heat excluded: (3,622.98 + 1.06) / 6,753.6


def test_grid_factor_off_by_a_thousand_is_a_warning_naming_both_numbers():
    # electricity printed in kWh but recorded as MWh: the implied factor is 1000 times too small
    fs = facts(fact("ghg_scope2", "3,768.75"), fact("electricity", "6,753,600.64"))
    grid = _one(check_factors(None, fs), "factor.grid")
    assert grid.severity == "warning" and grid.status == "fail"
    assert "3,768.75" in grid.message and "6,753,600.64" in grid.message


def test_scope2_total_is_not_used_for_the_grid_factor_when_heat_is_bought():
    fs = facts(fact("ghg_scope2", "3,768.75"), fact("electricity", "6,753.60"), fact("heat", "365.43"))
    assert [f for f in check_factors(None, fs) if f.id.startswith("factor.grid")] == []


def test_region_decides_the_range(tmp_path):
    uk = document(tmp_path, "We report using the UK Government GHG Conversion Factors (DESNZ).\n"
                            "Our sites are in the United Kingdom.\n", "uk.txt")
    assert detect_region(uk) == "uk"
    fs = facts(fact("ghg_scope2", "570", basis="location"), fact("electricity", "1,000"), document=uk)
    grid = _one(check_factors(uk, fs), "factor.grid")
    assert grid.severity == "warning" and grid.data["range"] == [0.18, 0.26]
    fs = facts(fact("ghg_scope2", "207", basis="location"), fact("electricity", "1,000"), document=uk)
    assert _one(check_factors(uk, fs), "factor.grid").severity == "info"
    hk = document(tmp_path, "電力由中華電力有限公司供應。\n", "hk.txt")
    assert detect_region(hk) == "hong_kong"


def test_fuel_combustion_factor_in_and_out_of_range():
    ok = facts(fact("ghg_scope1", "68.01", category="vehicles, gasoline"), fact("gasoline", "30,667.67"))
    gas = _one(check_factors(None, ok), "factor.fuel.gasoline")
    assert gas.severity == "info" and abs(gas.data["implied"] - 2.2177) < 0.001
    # 0.12 t from 47 L of diesel: 2.55 kg/L, inside the IPCC band once rounding of 0.12 is allowed
    diesel = facts(fact("ghg_scope1", "0.12", category="vehicles, diesel"), fact("diesel", "47.00"))
    assert _one(check_factors(None, diesel), "factor.fuel.diesel").severity == "info"
    bad = facts(fact("ghg_scope1", "133.00", category="vehicles, diesel"), fact("diesel", "5,032.97"))
    found = _one(check_factors(None, bad), "factor.fuel.diesel")
    assert found.severity == "warning" and "26.4" in found.message and "5,032.97" in found.message


def test_heat_factor():
    fs = facts(fact("ghg_scope2", "144.71", category="heat"), fact("heat", "1,315.54", unit="GJ"))
    assert _one(check_factors(None, fs), "factor.heat").severity == "info"
    fs = facts(fact("ghg_scope2", "1,447.10", category="heat"), fact("heat", "1,315.54", unit="GJ"))
    assert _one(check_factors(None, fs), "factor.heat").severity == "warning"


@pytest.mark.parametrize("unit, amount, emissions", [("t", "1,000", "3,190"), ("GJ", "10,000", "741"), ("L", "100,000", "268")])
def test_fuel_factor_bands_in_every_unit(unit, amount, emissions):
    # diesel at the IPCC default (74.1 kgCO2/GJ) passes whether the fuel is printed in t, GJ or L ...
    ok = check_factors(None, facts(fact("ghg_scope1", emissions, category="diesel"), fact("diesel", amount, unit=unit)))
    assert [f.status for f in ok] == ["pass"]
    # ... and a thousandfold slip fails in each of them
    slip = check_factors(None, facts(fact("ghg_scope1", emissions, category="diesel"),
                                     fact("diesel", amount.replace(",", "") + "000", unit=unit)))
    assert [f.severity for f in slip] == ["warning"]


def test_a_row_mixing_fuels_implies_no_single_fuel_factor():
    fs = facts(fact("ghg_scope1", "1,642.8", category="towngas and diesel generators"), fact("diesel", "3,846", unit="GJ"))
    assert check_factors(None, fs) == []
