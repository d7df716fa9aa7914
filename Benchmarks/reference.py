#!/usr/bin/env python3
"""The numpy reference for the benchmark harness: the engine's math, vectorised.

    python3 Benchmarks/reference.py fit DIR [--repeats N]
    python3 Benchmarks/reference.py project DIR [--repeats N] [--trajectories all|district|none]
                                                [--districts N]

DIR holds the .npy files `benchmark --export DIR` wrote, so both sides use the same inputs.
Prints one JSON object, like the engine's side. Timings exclude reading the files.

fit: the pooled growth-curve model of TrajectoryModel.swift — per-series sufficient
statistics by einsum, district x component cells, REML for theta = tau^2/sigma^2 by
Brent's search (the engine's steps) with sigma^2 profiled out, the GLS normal equations with the district
momenta eliminated (K x K Schur complement), then BLUP slopes and their sds. Balanced panels
only (every district rated every year), which is what the harness generates.

project: the Monte Carlo of Projection.swift without levers or ceilings — per draw a drift
per component from N(drift, drift_sd^2), then each year every element moves by its drift
plus N(0, q) noise and is clamped to the scale; component scores are element means; a draw
is advanced in a year when at least `components_needed` components reach the threshold.
Outputs: P(advanced) per year and by the horizon, each draw's first advanced year, and the
mean and 10/50/90th percentiles (numpy's default method, as the engine's) of the kept
measures per year. numpy's own generator (PCG64, ziggurat normals) supplies the draws, so
results agree with the engine's in distribution, not draw by draw.
"""
import argparse
import json
import math
import os
import time

import numpy as np


def median_seconds(repeats, body):
    times, result = [], None
    for _ in range(max(1, repeats)):
        start = time.perf_counter()
        result = body()
        times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2], result


def brent_maximum(lower, upper, f, tolerance=1e-10):
    """Brent's method, the same steps as brentMaximum in TrajectoryModel.swift."""
    golden = (3 - math.sqrt(5)) / 2
    a, b = lower, upper
    x = w = v = a + golden * (b - a)
    fx = fw = fv = -f(x)
    d = e = 0.0
    for _ in range(500):
        m = (a + b) / 2
        tol1 = tolerance * abs(x) + 1e-12
        tol2 = 2 * tol1
        if abs(x - m) <= tol2 - (b - a) / 2:
            break
        parabolic = False
        if abs(e) > tol1:
            r = (x - w) * (fx - fv)
            q = (x - v) * (fx - fw)
            p = (x - v) * q - (x - w) * r
            q = 2 * (q - r)
            if q > 0:
                p = -p
            else:
                q = -q
            previous, e = e, d
            if abs(p) < abs(q * previous / 2) and q * (a - x) < p < q * (b - x):
                d = p / q
                u = x + d
                if u - a < tol2 or b - u < tol2:
                    d = tol1 if m >= x else -tol1
                parabolic = True
        if not parabolic:
            e = (a if x >= m else b) - x
            d = golden * e
        u = x + d if abs(d) >= tol1 else x + (tol1 if d > 0 else -tol1)
        fu = -f(u)
        if fu <= fx:
            if u >= x:
                a = x
            else:
                b = x
            v, fv, w, fw, x, fx = w, fw, x, fx, u, fu
        else:
            if u < x:
                a = u
            else:
                b = u
            if fu <= fw or w == x:
                v, fv, w, fw = w, fw, u, fu
            elif fu <= fv or v == x or v == w:
                v, fv = u, fu
    return x


def fit(ratings, years, component_of, components):
    D, T, E = ratings.shape
    K = components
    t = np.asarray(years, dtype=float)
    tc = t - t.mean()
    sxx_series = float((tc * tc).sum())
    ybar = ratings.mean(axis=1)                                  # D x E
    sxy = np.einsum("t,dte->de", tc, ratings)                    # D x E
    syy = np.einsum("dte,dte->de", ratings, ratings) - T * ybar * ybar
    member = np.zeros((E, K))
    member[np.arange(E), component_of] = 1.0
    cell_sxy = sxy @ member                                      # D x K
    cell_sxx = sxx_series * np.broadcast_to(member.sum(0), (D, K))
    b = cell_sxy / cell_sxx
    within_rss = max(0.0, syy.sum() - (cell_sxy * cell_sxy / cell_sxx).sum())
    within_df = D * T * E - D * E - D * K
    n, p = D * K, K + D - 1
    total_df = within_df + n - p
    inv_sxx = 1.0 / cell_sxx

    def gls(theta):
        w = 1.0 / (theta + inv_sxx)
        wb = w * b
        A, W, R = w.sum(0), w.sum(1), wb.sum(1)
        rhs = wb.sum(0) - (w[:-1] * (R[:-1] / W[:-1])[:, None]).sum(0)
        U = w[:-1] / np.sqrt(W[:-1])[:, None]
        S = np.diag(A) - U.T @ U
        L = np.linalg.cholesky(S)
        mu = np.linalg.solve(S, rhs)
        m = np.zeros(D)
        m[:-1] = (R[:-1] - w[:-1] @ mu) / W[:-1]
        r = b - mu[None, :] - m[:, None]
        Q = (w * r * r).sum()
        logdet = np.log(W[:-1]).sum() + 2 * np.log(np.diag(L)).sum() + 2 * math.log(D)
        sumlog = np.log(theta + inv_sxx).sum()
        return dict(w=w, W=W, S=S, mu=mu, m=m, Q=Q, logdet=logdet, sumlog=sumlog)

    def profiled(g):
        s2 = (within_rss + g["Q"]) / total_df
        return s2, -0.5 * (total_df * math.log(s2) + total_df + g["sumlog"] + g["logdet"])

    log_theta = brent_maximum(math.log(1e-14), math.log(1e12), lambda lt: profiled(gls(math.exp(lt)))[1])
    theta = math.exp(log_theta)
    g = gls(theta)
    s2, _ = profiled(g)
    tau2 = theta * s2
    shift = g["m"].sum() / D
    mu = g["mu"] + shift
    momentum = g["m"] - shift
    fixed = mu[None, :] + momentum[:, None]
    shrink = tau2 / (tau2 + s2 * inv_sxx)
    slope = fixed + shrink * (b - fixed)
    # Var(mu_k + m_d) = s2 [(e_k - a)' S^-1 (e_k - a) + 1/W_d], a = w_d / W_d (0 for the reference).
    Sinv = np.linalg.inv(g["S"])
    a = g["w"] / g["W"][:, None]
    a[-1] = 0.0
    z = a @ Sinv
    fixed_var = s2 * (np.diag(Sinv)[None, :] - 2 * z + (z * a).sum(1)[:, None]
                      + np.append(1.0 / g["W"][:-1], 0.0)[:, None])
    conditional = 1.0 / (1.0 / tau2 + cell_sxx / s2)
    slope_sd = np.sqrt(conditional + (1 - shrink) ** 2 * np.maximum(fixed_var, 0))
    # Each series' fitted level in the latest year, as the engine reports per series.
    level = ybar + slope[:, component_of] * (t[-1] - t.mean())
    return dict(sigma2=s2, tau2=tau2, mu=mu, slope=slope, slope_sd=slope_sd, level=level)


def project(d, trajectories, districts=None):
    """The engine's integer projection with no levers, ceilings or background events
    (`IntegerProjection`): a latent per element starts at the latest rating plus a uniform
    position in its cell, moves by its component's pace, and is rated at the level it rounds to;
    each year a pace keeps `persistence` of its distance from the network's pace and takes fresh
    shocks (shared by a district's components, and its own). Unit-spaced levels only."""
    meta = d["meta"]
    start, drift, drift_sd, start_year = d["start"], d["drift"], d["drift_sd"], d["start_year"]
    if districts:
        start, drift, drift_sd, start_year = start[:districts], drift[:districts], drift_sd[:districts], start_year[:districts]
    D, E = start.shape
    K = meta["components"]
    R = meta["draws"]
    component_of = np.asarray(meta["component_of"])
    member = np.zeros((E, K))
    member[np.arange(E), component_of] = 1.0
    size = member.sum(0)  # component means as sum / count, as the engine divides (same ties at the threshold)
    lo, hi, thr, needed = meta["lower"], meta["upper"], meta["threshold"], meta["components_needed"]
    mu = np.asarray(meta["network_pace"]) if meta["network_pace"] else np.zeros(K)
    phi = meta["persistence"]
    renewal = math.sqrt(max(0.0, 1 - phi * phi))
    common_sd, own_sd = renewal * meta["common_sd"], renewal * meta["own_sd"]
    top_index = hi - lo
    bottom, top = lo - 0.5, np.nextafter(hi + 0.5, -np.inf)

    def level(x):
        return lo + np.minimum(np.floor(x - lo + 0.5), top_index)

    horizon = meta["horizon"]
    rng = np.random.default_rng(2016)
    # Districts in chunks of about 4 million element-draws, as the engine streams them.
    chunk = max(1, 4_000_000 // (R * E))
    p_by_horizon = np.zeros(D)
    summaries = []
    for c0 in range(0, D, chunk):
        c1 = min(D, c0 + chunk)
        for t0 in np.unique(start_year[c0:c1]):
            idx = np.arange(c0, c1)[start_year[c0:c1] == t0]
            years = int(horizon - t0)
            n = len(idx)
            start_level = level(np.clip(start[idx], lo, hi))
            y = start_level[:, None, :] + (rng.random((n, R, E)) - 0.5)        # n x R x E latents
            pace = drift[idx][:, None, :] + drift_sd[idx][:, None, :] * rng.standard_normal((n, R, K))
            comp0 = (start_level @ member) / size
            advanced_year = np.where(((comp0 >= thr).sum(1) >= needed)[:, None], t0, -1).repeat(R, axis=1)
            kept = K + 1 if trajectories == "all" else (1 if trajectories == "district" else 0)
            values = np.empty((years, kept, n, R)) if kept else None
            p_year = np.zeros((years, n))
            for yi in range(years):
                if phi < 1:
                    shared = common_sd * rng.standard_normal((n, R, 1))
                    pace = mu + phi * (pace - mu) + shared + own_sd * rng.standard_normal((n, R, K))
                y += pace[:, :, component_of]
                np.clip(y, bottom, top, out=y)
                comp = (level(y) @ member) / size                             # n x R x K
                advanced = (comp >= thr).sum(2) >= needed
                p_year[yi] = advanced.mean(1)
                advanced_year[advanced & (advanced_year < 0)] = t0 + yi + 1
                if kept == K + 1:
                    values[yi, :K] = np.moveaxis(comp, 2, 0)
                    values[yi, K] = comp.mean(2)
                elif kept == 1:
                    values[yi, 0] = comp.mean(2)
            if kept:
                q = np.quantile(values, [0.1, 0.5, 0.9], axis=3)
                summaries.append((values.mean(axis=3), q))
            p_by_horizon[idx] = (advanced_year >= 0).mean(1)
    return p_by_horizon


def load(directory):
    with open(os.path.join(directory, "meta.json")) as f:
        meta = json.load(f)
    arrays = {name[:-4]: np.load(os.path.join(directory, name)) for name in os.listdir(directory) if name.endswith(".npy")}
    arrays["meta"] = meta
    return arrays


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("task", choices=["fit", "project"])
    parser.add_argument("directory")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--trajectories", choices=["all", "district", "none"], default="all")
    parser.add_argument("--districts", type=int, default=None, help="project only the first N districts")
    args = parser.parse_args()
    d = load(args.directory)
    if args.task == "fit":
        ratings = d["ratings"]
        if np.isnan(ratings).any():
            raise SystemExit(f"{args.directory}/ratings.npy: missing ratings; the reference fits balanced panels only")
        meta = d["meta"]
        seconds, result = median_seconds(args.repeats, lambda: fit(ratings, meta["years"], meta["component_of"], meta["components"]))
        print(json.dumps({"task": "fit", "districts": ratings.shape[0], "seconds": seconds,
                          "ratings": int(ratings.size), "sigma2": result["sigma2"], "tau2": result["tau2"],
                          "mu": list(result["mu"])}))
    else:
        seconds, p = median_seconds(args.repeats, lambda: project(d, args.trajectories, args.districts))
        D = len(p)
        horizon = d["meta"]["horizon"]
        years = int(sum(horizon - d["start_year"][:D]))
        print(json.dumps({"task": "project", "districts": D, "draws": d["meta"]["draws"], "seconds": seconds,
                          "trajectories": args.trajectories,
                          "element_years": years * d["meta"]["draws"] * d["start"].shape[1],
                          "p_advanced": list(p[:25])}))


if __name__ == "__main__":
    main()
