#!/usr/bin/env python3
"""Independent check of the engine's output files (run by the Swift test suite).

    python3 Tests/python/check_outputs.py DIR [DIR ...]

For every *.csv under each DIR: decodes as UTF-8, parses with Python's csv module (RFC 4180),
checks the header against the documented one (Results/README.md) and that every row has as
many fields as the header, and that no field is "nan" or "inf". For every *.svg: parses as XML
and checks the root is an <svg> element with a <title>. Prints one line per file checked and
"N passed, M failed"; exits non-zero on any failure.
"""
import csv
import io
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HEADERS = {
    "describe.csv": "district,latest_year,district_score,spread,recent_progress,quadrant,advanced,components_in_progress",
    "components.csv": "component,network_mean,rank",
    "elements.csv": "element,network_mean,rank",
    "fit.csv": "district,element,level,slope,slope_sd",
    "backtest.csv": "model,horizon,measure,score,n",
    "trajectories.csv": "scenario,district,year,measure,mean,p10,p50,p90,observed",
    "advanced.csv": "scenario,district,advanced_now,p_advanced_by_horizon,year_p10,year_p50,year_p90,p_advanced_at_horizon",
    "network.csv": "scenario,year,expected_advanced,advanced_p10,advanced_p50,advanced_p90",
    "advanced-by-year.csv": "scenario,district,year,p_advanced",
    "component-outlook.csv": "scenario,district,component,latest,p_in_progress_by_horizon,year_p10,year_p50,year_p90",
    "sticking-points.csv": "scenario,district,sticking_point,kind,binding,p_advanced,p_relaxed_alone,shapley_p_gain,shapley_p_gain_se,shapley_years,years_gained_mean,years_gained_p10,years_gained_p50,years_gained_p90,decisive_share",
    "sticking-points-network.csv": "scenario,sticking_point,kind,districts_assessed,districts_binding,mean_shapley_p_gain,mean_shapley_p_gain_se,mean_shapley_years,mean_p_in_progress_by_horizon",
    "relaxation-bundles.csv": "scenario,district,bundle,p_advanced,p_relaxed,p_gain,years_gained_mean",
    "what-it-would-take.csv": "scenario,district,relaxed,target_year,required_pace,own_pace,reachable",
    "compare.csv": "district,scenario,year_p50,delta_years_p50,delta_years_p10,delta_years_p90,p_advanced_by_horizon,delta_p_advanced,p_earlier",
    "calibration.csv": "lever,kind,estimate,se,ci95_low,ci95_high,n_districts,n_steps,assumed,status",
    "event-study.csv": "lever,event_time,estimate,ci95_low,ci95_high,n_districts,n_steps,status",
    "packages.csv": "district,package,size,p_advanced_by_horizon,delta_p_advanced,delta_years_mean,p_earlier",
    "sensitivity.csv": "scenario,district,factor,low_value,high_value,p_low,p_high,swing",
    "retrospective.csv": "scenario,district,year,measure,observed_value,p10,p50,p90,inside_80",
}
# Files that may hold no rows: the attribution has nothing to say when no district is short of advanced.
MAY_BE_EMPTY = {"sticking-points.csv", "sticking-points-network.csv", "relaxation-bundles.csv", "what-it-would-take.csv"}
BAD = {"nan", "-nan", "inf", "-inf", "infinity", "-infinity"}


def check_csv(path):
    text = path.read_bytes().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if not rows:
        return "empty file"
    expected = HEADERS.get(path.name)
    if expected is None:
        return f"undocumented CSV {path.name}"
    if ",".join(rows[0]) != expected:
        return f"header {','.join(rows[0])!r}, expected {expected!r}"
    for i, row in enumerate(rows[1:], start=2):
        if len(row) != len(rows[0]):
            return f"row {i} has {len(row)} fields, header has {len(rows[0])}"
        for field in row:
            if field.strip().lower() in BAD:
                return f"row {i} holds {field!r}"
    if len(rows) < 2 and path.name not in MAY_BE_EMPTY:
        return "no data rows"
    return None


def check_svg(path):
    root = ET.parse(path).getroot()
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        return f"root element is {root.tag}"
    if root.find("{http://www.w3.org/2000/svg}title") is None:
        return "no <title>"
    return None


def main(dirs):
    passed = failed = 0
    for d in dirs:
        files = sorted(Path(d).rglob("*.csv")) + sorted(Path(d).rglob("*.svg"))
        if not files:
            print(f"FAIL {d}: no output files")
            failed += 1
        for f in files:
            try:
                problem = check_csv(f) if f.suffix == ".csv" else check_svg(f)
            except Exception as e:  # a parse error is a failure, reported with its file
                problem = f"{type(e).__name__}: {e}"
            if problem:
                print(f"FAIL {f}: {problem}")
                failed += 1
            else:
                print(f"ok   {f}")
                passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
