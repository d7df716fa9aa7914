#!/usr/bin/env python3
"""Benchmark harness: the engine against the numpy reference, same inputs, same run.

Run through `bash Benchmarks/run.sh` (which builds the release binaries first). Every
measurement is its own process so its peak memory (max RSS, from wait4) is its own.
Prints the tables and rewrites the block between the markers in Benchmarks/README.md.

Options: --quick (smaller repeats, numpy national figure extrapolated from 500 districts),
--full-reference (run numpy on all 13,000 districts instead of extrapolating from 1,000),
--no-write (print only).
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, ".build", "release", "benchmark")
SIMULATE = os.path.join(ROOT, ".build", "release", "simulate")
REFERENCE = [sys.executable, os.path.join(ROOT, "Benchmarks", "reference.py")]
README = os.path.join(ROOT, "Benchmarks", "README.md")
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"
# Measured ceilings of this machine class (../shared/ENGINEERING.md).
DGEMM_GFLOPS = "18–21 (one core), 37 (two)"
MEMORY_GBPS = 10.0


def run(cmd, env=None, parse=True):
    """Run `cmd` from the repository root once. Returns (its last stdout line as JSON, or None;
    wall seconds; peak resident memory in MiB from wait4's rusage of that child alone)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=err,
                                env=dict(os.environ, **(env or {})))
        out = proc.stdout.read()
        proc.stdout.close()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - start
        if proc.returncode != 0:
            err.seek(0)
            sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err.read().decode()}")
    data = json.loads(out.decode().strip().splitlines()[-1]) if parse else None
    return data, wall, usage.ru_maxrss / 1024.0


def measure(cmd, env=None):
    data, wall, rss = run(cmd, env)
    data["wall"] = wall
    data["rss_mib"] = rss
    return data


def fmt(x, digits=3):
    return f"{x:.{digits}f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--full-reference", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    repeats = "3" if args.quick else "5"
    work = tempfile.mkdtemp(prefix="portfolio-bench-")
    lines = []
    say = lambda s="": (print(s), lines.append(s))

    # ---- Fit --------------------------------------------------------------------------------
    say("### Fit: REML + BLUP slopes, synthetic panels (36 elements, 10 yearly snapshots)")
    say()
    say("| districts | series | engine s | numpy s | numpy / engine | engine ratings read | engine peak RSS | numpy peak RSS | max abs Δμ (pts/yr) | rel. Δσ² |")
    say("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    fits = {}
    for d in [25, 1000, 13000]:
        export = os.path.join(work, f"fit{d}")
        run([BENCH, "fit", "--districts", str(d), "--repeats", "1", "--export", export])  # inputs only, not timed
        # Interleaved E, N, E, N (the VM's speed drifts); each side keeps its lower median.
        engine = measure([BENCH, "fit", "--districts", str(d), "--repeats", "7"])
        numpy = measure(REFERENCE + ["fit", export, "--repeats", "7"])
        engine2 = measure([BENCH, "fit", "--districts", str(d), "--repeats", "7"])
        numpy2 = measure(REFERENCE + ["fit", export, "--repeats", "7"])
        engine = min(engine, engine2, key=lambda r: r["seconds"])
        numpy = min(numpy, numpy2, key=lambda r: r["seconds"])
        dmu = max(abs(a - b) for a, b in zip(engine["mu"], numpy["mu"]))
        ds2 = abs(engine["sigma2"] - numpy["sigma2"]) / numpy["sigma2"]
        gbps = engine["bytes"] / engine["seconds"] / 1e9
        fits[d] = (engine, numpy)
        say(f"| {d:,} | {engine['series']:,} | {fmt(engine['seconds'], 4)} | {fmt(numpy['seconds'], 4)} | "
            f"{numpy['seconds'] / engine['seconds']:.2f}× | {engine['bytes'] / 1e6:.1f} MB at {gbps:.2f} GB/s "
            f"({100 * gbps / MEMORY_GBPS:.1f}% of {MEMORY_GBPS:.0f} GB/s) | {engine['rss_mib']:.0f} MiB | "
            f"{numpy['rss_mib']:.0f} MiB | {dmu:.1e} | {ds2:.1e} |")
    say()

    # ---- Projection of the shipped panel ------------------------------------------------------
    say("### Projection of the shipped panel: 10,000 draws × 20 years, all trajectory percentiles and advanced years")
    say()
    ship = os.path.join(work, "shipped")
    two = measure([BENCH, "project", "--draws", "10000", "--horizon", "20", "--repeats", repeats, "--export", ship])
    one = measure([BENCH, "project", "--draws", "10000", "--horizon", "20", "--repeats", repeats, "--threads", "1"])
    ref = measure(REFERENCE + ["project", ship, "--repeats", "1" if args.quick else "3"])
    diffs = [abs(a - b) for a, b in zip(two["p_advanced"], ref["p_advanced"])]
    se = [((p * (1 - p) / 10000) * 2) ** 0.5 for p in ref["p_advanced"]]
    worst = max((d / s if s > 0 else (0 if d == 0 else float("inf"))) for d, s in zip(diffs, se))
    say("| run | seconds | element-years / s | ns per element-year per core | peak RSS |")
    say("|---|---:|---:|---:|---:|")
    for name, r, cores in [("engine, 2 threads", two, 2), ("engine, 1 thread", one, 1), ("numpy reference", ref, 2)]:
        say(f"| {name} | {fmt(r['seconds'])} | {r['element_years'] / r['seconds'] / 1e6:.0f} M | "
            f"{cores * r['seconds'] / r['element_years'] * 1e9:.2f} | {r['rss_mib']:.0f} MiB |")
    say()
    say(f"numpy / engine (2 threads): **{ref['seconds'] / two['seconds']:.1f}×**. Same outputs with 1 and 2 threads: "
        f"**{'yes' if one['outputs_sha256'] == two['outputs_sha256'] else 'NO'}** (SHA-256 of advanced.csv + "
        f"advanced-by-year.csv {two['outputs_sha256'][:16]}…). P(advanced by the horizon), engine vs numpy over the "
        f"25 districts: largest difference {max(diffs):.4f}, {worst:.1f} standard errors of a difference of two "
        f"independent 10,000-draw estimates.")
    say()

    # ---- National scale -------------------------------------------------------------------------
    say("### National scale: 13,000 districts × 1,000 draws × 20 years, advanced years and district-score percentiles")
    say()
    nat = os.path.join(work, "national")
    national = measure([BENCH, "project", "--districts", "13000", "--draws", "1000", "--horizon", "20",
                        "--trajectories", "district", "--repeats", "1", "--export", nat])
    slice_ = 13000 if args.full_reference else (500 if args.quick else 1000)
    ref_nat = measure(REFERENCE + ["project", nat, "--repeats", "1", "--trajectories", "district",
                                   "--districts", str(slice_)])
    ref_seconds = ref_nat["seconds"] * 13000 / slice_
    say("| run | seconds | element-years / s | peak RSS |")
    say("|---|---:|---:|---:|")
    say(f"| engine, 2 threads | {fmt(national['seconds'], 2)} | {national['element_years'] / national['seconds'] / 1e6:.0f} M | "
        f"{national['rss_mib']:.0f} MiB |")
    label = "numpy reference" if slice_ == 13000 else f"numpy reference ({slice_:,} districts, × {13000 / slice_:g})"
    say(f"| {label} | {fmt(ref_seconds, 1)} | {national['element_years'] / ref_seconds / 1e6:.0f} M | "
        f"{ref_nat['rss_mib']:.0f} MiB ({slice_:,} districts) |")
    say()

    # ---- compare ------------------------------------------------------------------------------
    alternatives = ["Scenarios/baltimore-restructuring.json", "Scenarios/california-legislation.json",
                    "Scenarios/combined-package.json", "Scenarios/denver-turnover.json",
                    "Scenarios/detroit-takeover.json", "Scenarios/indianapolis-advocacy.json",
                    "Scenarios/oakland-contract.json"]
    compare_cmd = [SIMULATE, "compare", "Scenarios/baseline.json"] + alternatives + [
        "--levers", "union-contract-change", "--district", "Chicago", "--year", "2018",
        "--draws", "2000", "--out", os.path.join(work, "compare")]
    _, compare_wall, compare_rss = run(compare_cmd + ["--skip-attribution"], parse=False)
    _, compare_attr_wall, compare_attr_rss = run(compare_cmd, parse=False)
    run_cmd = [SIMULATE, "Scenarios/baseline.json", "--out", os.path.join(work, "baseline")]
    _, run_wall, run_rss = run(run_cmd, parse=False)
    say("### End to end (the `simulate` binary: load, fit, project, write every output)")
    say()
    say("| command | wall s | peak RSS |")
    say("|---|---:|---:|")
    say(f"| `simulate compare` baseline + 8 alternatives (7 scenario files + 1 lever sweep), 2,000 draws, `--skip-attribution` | "
        f"{fmt(compare_wall, 2)} | {compare_rss:.0f} MiB |")
    say(f"| the same with every scenario's sticking-point attribution (9 attributions) | "
        f"{fmt(compare_attr_wall, 2)} | {compare_attr_rss:.0f} MiB |")
    say(f"| `simulate Scenarios/baseline.json` (1,000 draws, with the whole attribution — outlook, Shapley, bundles, what it would take — charts, brief) | "
        f"{fmt(run_wall, 2)} | {run_rss:.0f} MiB |")
    say()

    # ---- Scaling ------------------------------------------------------------------------------
    say("### Scaling")
    say()
    say("Projection against districts (synthetic panels, 1,000 draws × 20 years, district-score percentiles, 2 threads):")
    say()
    say("| districts | seconds | µs per district-draw | element-years / s |")
    say("|---:|---:|---:|---:|")
    for d in [25, 1000, 4000]:
        r = measure([BENCH, "project", "--districts", str(d), "--draws", "1000", "--horizon", "20",
                     "--trajectories", "district", "--repeats", repeats])
        say(f"| {d:,} | {fmt(r['seconds'])} | {r['seconds'] / (d * 1000) * 1e6:.2f} | {r['element_years'] / r['seconds'] / 1e6:.0f} M |")
    say(f"| 13,000 | {fmt(national['seconds'])} | {national['seconds'] / 13e6 * 1e6:.2f} | "
        f"{national['element_years'] / national['seconds'] / 1e6:.0f} M |")
    say()
    say("Projection against draws (shipped panel, 20 years, all percentiles, 2 threads):")
    say()
    say("| draws | seconds | µs per district-draw |")
    say("|---:|---:|---:|")
    for n in [1000, 2000, 5000]:
        r = measure([BENCH, "project", "--draws", str(n), "--horizon", "20", "--repeats", repeats])
        say(f"| {n:,} | {fmt(r['seconds'])} | {r['seconds'] / (25 * n) * 1e6:.2f} |")
    say(f"| 10,000 | {fmt(two['seconds'])} | {two['seconds'] / (25 * 10000) * 1e6:.2f} |")
    say()
    whole_sizes = [250, 1000] if args.quick else [1000, 13000]
    say(f"The whole `simulate` command against districts (synthetic episodic panels from `simulate synth --generator "
        f"episodic --years 2007-2016 --seed 1`, baseline scenario with background events, 1,000 draws, horizon 2026, "
        f"`--skip-attribution`; every chart and the brief written; includes choosing φ):")
    say()
    say("| districts | wall s | s per 1,000 districts | peak RSS | charts written |")
    say("|---:|---:|---:|---:|---:|")
    whole = {}
    for d in whole_sizes:
        folder = os.path.join(work, f"whole{d}")
        run([SIMULATE, "synth", "--generator", "episodic", "--districts", str(d), "--years", "2007-2016",
             "--seed", "1", "--out", os.path.join(folder, "panel.csv")], parse=False)
        with open(os.path.join(folder, "scenario.json"), "w") as f:
            json.dump({"name": "scale", "description": f"Baseline on {d} synthetic districts (benchmark)",
                       "data": "panel.csv", "framework": os.path.join(ROOT, "Scenarios", "data", "framework.json"),
                       "horizon": 2026, "draws": 1000, "seed": 1, "interventions": []}, f)
        out = os.path.join(folder, "out")
        _, wall, rss = run([SIMULATE, os.path.join(folder, "scenario.json"), "--skip-attribution", "--out", out],
                           parse=False)
        charts = len(os.listdir(os.path.join(out, "charts")))
        whole[d] = wall
        say(f"| {d:,} | {fmt(wall, 1)} | {wall / d * 1000:.2f} | {rss:.0f} MiB | {charts:,} |")
    small, large = whole_sizes
    say()
    say(f"{large:,} districts took {whole[large] / whole[small]:.1f}× the time of {small:,} "
        f"({large / small:.0f}× the districts): "
        + ("linear or better." if whole[large] / whole[small] <= 1.1 * large / small else "**worse than linear**."))
    say()
    say("Fit against districts: see the fit table (seconds per district: " + ", ".join(
        f"{d:,}: {fits[d][0]['seconds'] / d * 1e6:.1f} µs" for d in fits) + ").")
    say()

    # ---- Floors -------------------------------------------------------------------------------
    normals = measure([BENCH, "normals"])
    say("### Against the machine")
    say()
    say(f"- Random numbers alone, one core: an exact normal (four-lane ziggurat, used for paces, their yearly "
        f"shocks — one per component, not per element — and effect sizes) {normals['seconds'] / normals['count'] * 1e9:.2f} ns. "
        f"The projection's whole element-year step: {2 * two['seconds'] / two['element_years'] * 1e9:.2f} ns per core (shipped panel, "
        f"with all percentiles) and {2 * national['seconds'] / national['element_years'] * 1e9:.2f} ns (national); both "
        f"without levers, ceilings or background events (scenario runs take the same lanes with their effects "
        f"applied per lane; the whole-command rows include them).")
    say(f"- The element step is about 11 floating-point operations (move, clamp twice, rate — subtract, scale, add a "
        f"half, floor, cap — then the level, accumulate): at the dgemm rate of "
        f"{DGEMM_GFLOPS} GFLOP/s that is under 1 ns. It runs in `ProjectionKernel`'s AVX code where the CPU has AVX "
        f"(one instruction per four lanes; the SSE2 Swift elsewhere takes two); the yearly pace changes (eight exact "
        f"normals per draw-year, in SSE2 Swift) and the bookkeeping per draw-year (scores, thresholds, counting "
        f"each component's rating sum for its percentiles) add the rest.")
    engine13 = fits[13000][0]
    say(f"- The fit reads {engine13['bytes'] / 1e6:.1f} MB of ratings (as 8-byte doubles) in {fmt(engine13['seconds'], 3)} s: "
        f"{engine13['bytes'] / engine13['seconds'] / 1e9:.2f} GB/s against a {MEMORY_GBPS:.0f} GB/s copy ceiling — "
        f"the rest is the REML search and one slope per series.")
    say()
    # ---- Targets (issue: performance), first in the written block -------------------------------
    e13, n13 = fits[13000]
    natl_seconds = national["seconds"]
    targets = [
        ("Fit, 13,000 districts × 36 elements × 10 years: ≤ 1 s", f"{e13['seconds']:.3f} s", e13["seconds"] <= 1),
        ("… and no slower than numpy's solve of the same model", f"numpy {n13['seconds']:.3f} s = {n13['seconds'] / e13['seconds']:.2f}× the engine",
         e13["seconds"] <= n13["seconds"]),
        ("Projection, shipped panel, 10,000 draws × 20 years, advanced years included: ≤ 0.5 s", f"{two['seconds']:.3f} s",
         two["seconds"] <= 0.5),
        ("… and ≥ 8× faster than the numpy reference", f"{ref['seconds'] / two['seconds']:.1f}×", ref["seconds"] / two["seconds"] >= 8),
        ("13,000 districts × 1,000 draws × 20 years with advanced-year outputs: ≤ 15 s", f"{natl_seconds:.1f} s", natl_seconds <= 15),
        ("… and ≤ 4 GiB peak memory", f"{national['rss_mib']:.0f} MiB", national["rss_mib"] <= 4096),
        ("`simulate compare`, 8 alternatives, shipped panel, 2,000 draws, end to end (without attribution): ≤ 3 s", f"{compare_wall:.2f} s", compare_wall <= 3),
        ("Whole baseline run with the attribution (1,000 draws, 25 districts), end to end: ≤ 2 s", f"{run_wall:.2f} s", run_wall <= 2),
        ("Both cores, byte-identical outputs with 1 and 2 threads", "same SHA-256" if one["outputs_sha256"] == two["outputs_sha256"] else "DIFFERENT",
         one["outputs_sha256"] == two["outputs_sha256"]),
    ]
    table = ["### Targets", "", "| target | measured (this run) | met |", "|---|---|---|"]
    table += [f"| {name} | {value} | {'yes' if ok else '**no**'} |" for name, value, ok in targets]
    table.append("")
    for line in reversed(table):
        lines.insert(0, line)
    print("\n".join(table))

    say(f"Machine: {platform.machine()}, {os.cpu_count()} cores ({platform.processor() or 'cpu'}); "
        f"Python {platform.python_version()}, numpy {json.loads(subprocess.check_output([sys.executable, '-c', 'import json, numpy; print(json.dumps(numpy.__version__))']).decode())}; "
        f"measured {time.strftime('%Y-%m-%d')}.")

    if not args.no_write:
        with open(README) as f:
            text = f.read()
        if BEGIN in text and END in text:
            head, rest = text.split(BEGIN, 1)
            _, tail = rest.split(END, 1)
            with open(README, "w") as f:
                f.write(head + BEGIN + "\n" + "\n".join(lines) + "\n" + END + tail)
            print(f"\nWrote the results into {os.path.relpath(README, ROOT)}")


if __name__ == "__main__":
    main()
