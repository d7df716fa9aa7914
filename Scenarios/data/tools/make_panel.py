#!/usr/bin/env python3
"""Build the shipped, illustrative panel Scenarios/data/portfolio-snapshots.csv.

CRPE never published per-district element scores with "Sticking Points", so
this script *reconstructs* a panel that agrees with everything the paper says
(docs/domain.md section 4, claims P1-P9). It is illustrative, not CRPE's data.

How it works (all parameters are below, in the open):
1. Latest snapshot. Each district gets a target district score that follows
   Figure 1's order (Spring Branch just above Fullerton, P4/P5), a per-component
   offset shared by the network (Accountability > Talent > Choice > Engagement >
   Autonomy, Funding, Support, P7), per-element offsets (element 4.6 far below
   the rest of Talent, P8), a few district-specific component shifts, and noise.
   "Piecemeal" districts get their deviations amplified; Albuquerque gets the
   near-bimodal profile (mostly 1s, a few 5s) that the lowest score plus a
   top-two spread requires. Targets are turned into integer ratings per
   component by largest-remainder rounding, so component means stay on target.
   The element facts of P8 are then pinned.
2. History. Earlier snapshots are made backwards from the latest one: each
   earlier year has a target district score (the district's path, P6/P9), and
   single ratings are moved by one level, drawn with weights that favour the
   components the paper says move (Accountability, Talent, Choice), until the
   district score is as close to the target as one step allows.
3. Seeds are tried in order until every claim P1-P9 holds; the seed used is
   printed and recorded in Scenarios/data/README.md.

Run from the repository root:  python3 Scenarios/data/tools/make_panel.py
It needs numpy only. It rewrites portfolio-snapshots.csv.
"""
import csv, json, sys
import numpy as np

FRAMEWORK = json.load(open("Scenarios/data/framework.json"))
ELEMENTS = [e["id"] for e in FRAMEWORK["elements"]]
COMP_OF = {e["id"]: e["component"] for e in FRAMEWORK["elements"]}
COMPS = [c["id"] for c in FRAMEWORK["components"]]
SHORT = {c["id"]: c["shortName"] for c in FRAMEWORK["components"]}
BY_COMP = {c: [e for e in ELEMENTS if COMP_OF[e] == c] for c in COMPS}
LO, HI = 1, 5

# Network-wide component offsets (score points relative to the district level).
COMP_OFFSET = {"Choice": 0.25, "Autonomy": -0.35, "Funding": -0.40, "Talent": 0.35,
               "Support": -0.45, "Accountability": 0.60, "Engagement": 0.0}
# Element offsets within a component (sum to ~0 per component); 4.6 far below.
ELEM_OFFSET = {"4.1": 0.35, "4.2": 0.30, "4.3": 0.30, "4.4": 0.30, "4.5": 0.25, "4.6": -1.50,
               "3.3": -0.30, "3.1": 0.30, "5.3": -0.15, "5.1": 0.10, "5.2": 0.05,
               "6.1": 0.2, "6.5": 0.2, "6.3": -0.2, "6.4": -0.2, "1.1": 0.2, "1.6": -0.2,
               "7.3": 0.2, "7.5": -0.2, "2.4": 0.2, "2.3": -0.2}

# Districts in Figure 1's order (P1), lowest first. Spring Branch's target sits just
# above Fullerton's: the one adjacent swap P4 and P5 together require.
# District: (latest target score, years, path deltas for the earlier years oldest first,
#            piecemeal amplitude or None, component shifts)
D = [
 ("Albuquerque",           1.55, [2013, 2014, 2015, 2016], [0.06, 0.04, 0.02], "bimodal", {}),
 ("Detroit",               1.75, [2013, 2014, 2015, 2016], [0.00, 0.07, 0.03], None, {}),
 ("Sacramento",            1.90, [2013, 2014, 2015, 2016], [0.02, 0.16, 0.08], None, {}),
 ("Jefferson Parish",      2.00, [2013, 2014, 2015, 2016], [-0.30, -0.20, -0.10], 2.6, {}),
 ("Memphis-Shelby County", 2.10, [2013, 2014, 2015, 2016], [-0.20, -0.10, -0.05], 3.6, {}),
 ("Henry County",          2.20, [2014, 2015, 2016], [-0.15, -0.05], None, {}),
 ("Tulsa",                 2.25, [2013, 2014, 2015, 2016], [-0.45, -0.30, -0.15], None, {}),
 ("Spokane",               2.30, [2014, 2015, 2016], [-0.20, -0.10], 2.8, {}),
 ("Central Falls",         2.40, [2014, 2015, 2016], [-0.20, -0.10], None, {}),
 ("Nashville",             2.45, [2013, 2014, 2015, 2016], [-0.05, 0.00, 0.02], None, {}),
 ("Indianapolis",          2.50, [2013, 2014, 2015, 2016], [-0.80, -0.50, -0.20], None, {}),
 ("Fulton County",         2.60, [2013, 2014, 2015], [-0.30, -0.15], None, {}),
 ("Chicago",               2.65, [2013, 2014, 2015, 2016], [-0.20, -0.05, 0.00], None, {}),
 ("Cleveland",             2.70, [2013, 2014, 2015, 2016], [-0.40, -0.25, -0.10], 2.4, {}),
 ("Hartford",              2.80, [2013, 2014, 2015], [-0.10, -0.05], 2.4, {}),
 ("Los Angeles",           2.85, [2013, 2014, 2015, 2016], [-0.15, -0.10, 0.00], None, {}),
 ("Spring Branch",         3.05, [2013, 2014, 2015, 2016], [-0.30, -0.20, -0.10], 2.6, {}),
 ("Fullerton",             2.92, [2014, 2015, 2016], [-0.20, -0.10], None, {}),
 ("Oakland",               3.15, [2013, 2014, 2015, 2016], [-0.65, -0.45, -0.25], None, {"Choice": -0.1}),
 ("Baltimore",             3.25, [2013, 2014, 2015, 2016], [-0.10, 0.15, 0.05], None, {"Choice": -0.15, "Engagement": -0.1}),
 ("Lawrence",              3.50, [2013, 2014, 2015, 2016], [-0.75, -0.50, -0.20], None, {"Autonomy": 0.5, "Funding": 0.5}),
 ("New York City",         3.62, [2013, 2014, 2015, 2016], [0.00, 0.10, 0.05], None, {}),
 ("Denver",                3.78, [2013, 2014, 2015, 2016], [-0.25, -0.15, -0.05], None, {}),
 ("NOLA RSD",              3.95, [2013, 2014, 2015, 2016], [-0.30, -0.20, -0.10], None, {}),
 ("TN ASD",                4.12, [2013, 2014, 2015, 2016], [-0.50, -0.30, -0.10], None, {}),
]
ORDER = [d[0] for d in D]
MOBILITY = {"Accountability": 3.0, "Talent": 3.0, "Choice": 3.0, "Engagement": 2.0,
            "Autonomy": 1.0, "Funding": 1.0, "Support": 1.0}


def round_component(targets):
    """Integer ratings in [LO, HI] whose sum is the rounded sum of the clamped targets."""
    t = np.clip(np.array(targets), LO, HI)
    base = np.floor(t).astype(int)
    want = int(round(t.sum())) - base.sum()
    order = np.argsort(-(t - base), kind="stable")
    for i in order[:max(0, want)]:
        base[i] += 1
    return np.clip(base, LO, HI)


def district_score(snap):
    return np.mean([np.mean([snap[e] for e in BY_COMP[c]]) for c in COMPS])


def comp_scores(snap):
    return {SHORT[c]: np.mean([snap[e] for e in BY_COMP[c]]) for c in COMPS}


def latest_snapshot(rng, level, amp, shifts):
    snap = {}
    if amp == "bimodal":
        fives = {"1.1", "4.1", "6.1", "6.5", "7.3"}
        for e in ELEMENTS:
            snap[e] = 5 if e in fives else 1
        snap["4.2"] = 2
        return snap
    a = 1.0 if amp is None else amp
    sd = 0.35 if amp is None else 0.85
    for c in COMPS:
        name = SHORT[c]
        centre = level + a * COMP_OFFSET[name] + shifts.get(name, 0.0)
        targets = [centre + a * ELEM_OFFSET.get(e, 0.0) + rng.normal(0, sd) for e in BY_COMP[c]]
        # keep the component mean on target before rounding
        targets = list(np.array(targets) - (np.mean(targets) - centre) * (0.0 if amp else 1.0))
        for e, v in zip(BY_COMP[c], round_component(targets)):
            snap[e] = int(v)
    return snap


# Element facts of P8, pinned on the latest snapshot (value, or (min, max) bounds).
PINS = {
    "TN ASD": {"2.3": 5}, "NOLA RSD": {"2.3": 5},
    "Albuquerque": {"3.3": 1, "5.1": 1, "5.2": 1},
    "Spokane": {"3.3": 2}, "Cleveland": {"3.3": 3}, "Oakland": {"3.3": 3},
    "Lawrence": {"3.3": (4, 5)},
    "Baltimore": {"5.1": (3, 5), "5.3": (1, 2)},
}


def pin_elements(name, snap):
    """Apply P8's pins; every other district's 2.3 is capped below TN ASD's and NOLA RSD's 5.
    Returns the elements that later fine-tuning must not move."""
    pins = dict(PINS.get(name, {}))
    if "2.3" not in pins:
        pins["2.3"] = (1, 4)
    for e, v in pins.items():
        lo, hi = (v, v) if isinstance(v, int) else v
        snap[e] = min(max(snap[e], lo), hi)
    return set(pins)


def walk_back(rng, later, target, frozen=()):
    """A snapshot made from `later` by moving single ratings by one level toward
    the `target` district score, never touching `frozen` elements."""
    snap = dict(later)
    for _ in range(500):
        gap = target - district_score(snap)
        step = 1 if gap > 0 else -1
        cands, weights = [], []
        for e in ELEMENTS:
            n = len(BY_COMP[COMP_OF[e]])
            size = 1.0 / (len(COMPS) * n)
            if abs(gap) < size / 2 or e in frozen:
                continue
            if LO <= snap[e] + step <= HI:
                cands.append(e)
                weights.append(MOBILITY[SHORT[COMP_OF[e]]])
        if not cands:
            break
        w = np.array(weights) / sum(weights)
        e = cands[rng.choice(len(cands), p=w)]
        snap[e] += step
    return snap


def build(seed):
    rng = np.random.default_rng(seed)
    panel = {}
    for name, level, years, deltas, amp, shifts in D:
        snap = latest_snapshot(rng, level, amp, shifts)
        frozen = pin_elements(name, snap)
        if amp == "bimodal":
            frozen = set(ELEMENTS)
        panel[name] = {years[-1]: walk_back(rng, snap, level, frozen)}
    for name, level, years, deltas, amp, shifts in D:
        latest = panel[name][years[-1]]
        s_latest = district_score(latest)
        later = latest
        for y, delta in zip(reversed(years[:-1]), reversed(deltas)):
            snap = walk_back(rng, later, s_latest + delta)
            panel[name][y] = snap
            later = snap
    return panel


def spearman(a, b):
    ra = np.argsort(np.argsort(a)); rb = np.argsort(np.argsort(b))
    return np.corrcoef(ra, rb)[0, 1]


def check(panel, verbose=False):
    """Every claim P1-P9; returns (ok, details)."""
    fails = []
    latest = {d: panel[d][max(panel[d])] for d in ORDER}
    score = {d: district_score(latest[d]) for d in ORDER}
    spread = {d: np.var([latest[d][e] for e in ELEMENTS]) for d in ORDER}
    cs = {d: comp_scores(latest[d]) for d in ORDER}
    adv = {d for d in ORDER if sum(v >= 3.5 for v in cs[d].values()) > len(COMPS) / 2}
    # P2
    for d in ORDER:
        ys = sorted(panel[d])
        if len(ys) < 3 or ys[0] < 2013 or ys[-1] > 2016 or ys[-1] < 2014:
            fails.append(f"P2 {d}")
    # P3
    if adv != {"NOLA RSD", "TN ASD", "Denver", "New York City", "Lawrence"}:
        fails.append(f"P3 advanced={sorted(adv)}")
    # P4
    rho = spearman([score[d] for d in ORDER], list(range(len(ORDER))))
    if rho < 0.95:
        fails.append(f"P4 rho={rho:.3f}")
    by_score = sorted(ORDER, key=lambda d: score[d])
    expected = list(ORDER)
    i = expected.index("Spring Branch")
    expected[i], expected[i + 1] = expected[i + 1], expected[i]
    if by_score != expected or len({round(score[d], 9) for d in ORDER}) != len(ORDER):
        fails.append("P4/P5 order must be Figure 1's with Spring Branch just above Fullerton, no ties")
    # P5: strong = top 8 by score; consistent/piecemeal by spread
    strong = set(by_score[-8:])
    want_strong = {"Spring Branch", "Oakland", "Baltimore", "Lawrence", "New York City", "Denver", "NOLA RSD", "TN ASD"}
    if strong != want_strong:
        fails.append(f"P5 strong={sorted(strong)}")
    piecemeal = {"Spring Branch", "Albuquerque", "Memphis-Shelby County", "Spokane", "Jefferson Parish", "Cleveland", "Hartford"}
    consistent = set(ORDER) - piecemeal
    if max(spread[d] for d in consistent) >= min(spread[d] for d in piecemeal):
        fails.append(f"P5 spreads overlap: max consistent {max(spread[d] for d in consistent):.3f} "
                     f"({max(consistent, key=lambda d: spread[d])}) vs min piecemeal {min(spread[d] for d in piecemeal):.3f}")
    top2 = sorted(ORDER, key=lambda d: -spread[d])[:2]
    if set(top2) != {"Albuquerque", "Memphis-Shelby County"}:
        fails.append(f"P5 top spreads {top2}")
    # P6
    def dscores(d):
        return [district_score(panel[d][y]) for y in sorted(panel[d])]
    rp = {d: dscores(d)[-1] - np.mean(dscores(d)) for d in ORDER}
    rp_rank = sorted(ORDER, key=lambda d: -rp[d])
    for d in ("Indianapolis", "Oakland", "Lawrence"):
        if rp_rank.index(d) >= 5:
            fails.append(f"P6 {d} not top five (rank {rp_rank.index(d)+1})")
    for d in ("NOLA RSD", "Denver"):
        if rp[d] >= min(rp[x] for x in ("Indianapolis", "Oakland", "Lawrence")):
            fails.append(f"P6 {d} not below the three")
    for d in ("Baltimore", "New York City"):
        if rp[d] > 0:
            fails.append(f"P6 {d} rp={rp[d]:.3f} > 0")
    for d in ("Sacramento", "Detroit", "Albuquerque"):
        if rp_rank.index(d) < len(ORDER) - len(ORDER) // 2:
            fails.append(f"P6 {d} not bottom half (rank {rp_rank.index(d)+1})")
    # P7
    means = {SHORT[c]: np.mean([cs[d][SHORT[c]] for d in ORDER]) for c in COMPS}
    rank = sorted(means, key=lambda k: -means[k])
    if rank[:3] != ["Accountability", "Talent", "Choice"] or rank[3] != "Engagement":
        fails.append(f"P7 {rank}")
    # P8
    emeans = {e: np.mean([latest[d][e] for d in ORDER]) for e in ELEMENTS}
    if "4.6" not in sorted(ELEMENTS, key=lambda e: emeans[e])[:3]:
        fails.append("P8 4.6")
    top23 = max(latest[d]["2.3"] for d in ORDER)
    if not (latest["TN ASD"]["2.3"] == latest["NOLA RSD"]["2.3"] == top23):
        fails.append("P8 2.3")
    # P9
    def path(d):
        return {y: district_score(panel[d][y]) for y in sorted(panel[d])}
    for d in ("Baltimore", "New York City"):
        p = path(d); ys = [y for y in sorted(p) if y >= 2014]
        if any(p[b] > p[a] for a, b in zip(ys, ys[1:])):
            fails.append(f"P9 {d} rises after 2014")
    p = path("Sacramento"); ys = [y for y in sorted(p) if y >= 2014]
    if any(p[b] >= p[a] for a, b in zip(ys, ys[1:])):
        fails.append("P9 Sacramento not falling")
    for d in ("Indianapolis", "Tulsa"):
        p = path(d); ys = sorted(p)
        if any(p[b] <= p[a] for a, b in zip(ys, ys[1:])):
            fails.append(f"P9 {d} not rising every year")
        for y in ys:
            others = [district_score(panel[x][y]) for x in ORDER if y in panel[x]]
            if p[y] >= np.median(others):
                fails.append(f"P9 {d} not low in {y}")
    p = path("Detroit")
    if max(p.values()) - min(p.values()) >= 0.15:
        fails.append("P9 Detroit moves")
    if verbose:
        for d in by_score:
            print(f"{d:24s} score {score[d]:.3f} spread {spread[d]:.3f} rp {rp[d]:+.3f} adv {d in adv}")
        print("component means", {k: round(v, 3) for k, v in means.items()})
        print("strong cut between", score["Fullerton"], score["Spring Branch"])
        print("spread cut between", max(spread[d] for d in consistent), min(spread[d] for d in piecemeal))
    return fails


def main():
    for seed in range(2000):
        panel = build(seed)
        fails = check(panel)
        if not fails:
            print(f"seed {seed}: all claims P1-P9 hold")
            check(panel, verbose=True)
            with open("Scenarios/data/portfolio-snapshots.csv", "w", newline="") as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(["district", "year", "element", "score"])
                for d in ORDER:
                    for y in sorted(panel[d]):
                        for e in ELEMENTS:
                            w.writerow([d, y, e, panel[d][y][e]])
            return 0
        if seed < 5 or seed % 200 == 0:
            print(seed, fails[:4], file=sys.stderr)
    print("no seed satisfied every claim", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
