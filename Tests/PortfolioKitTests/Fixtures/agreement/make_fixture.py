#!/usr/bin/env python3
"""Make the trajectory-model agreement fixture (run from the repository root).

    pip install numpy pandas statsmodels
    python3 Tests/PortfolioKitTests/Fixtures/agreement/make_fixture.py

Writes, beside this script:
- panel.csv: a small seeded panel on the tiny framework (3 components, 8 elements,
  scale 0-3): 5 districts D1..D5, years 2010-2013, a few ratings missing;
- expected.json, two independent answers for the model
      y(s,t) = a_s + (mu_k + m_d + u_dk) (t - tbar_s) + e,  u ~ N(0, tau2), e ~ N(0, sigma2),
  with m summing to zero over districts (patsy's Sum coding: the last district is minus the rest):
  * "given": with sigma2 = 0.09, tau2 = 0.01 fixed, the exact penalised normal equations
    (X'X + P) theta = X'y with series dummies, mu, m and u columns and penalty sigma2/tau2 on u,
    solved by numpy: the fixed effects and every fitted value;
  * "reml": statsmodels MixedLM (REML) with the same fixed effects, groups = district x component,
    re_formula "0 + tc": sigma2, tau2 and the fixed effects.
The Swift test reads these files and needs no Python.
"""
import json, os
import numpy as np
import pandas as pd
import statsmodels.formula.api as smf

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261129)
fw = json.load(open(os.path.join(HERE, "..", "tiny", "framework.json")))
elements = [(e["id"], e["component"]) for e in fw["elements"]]
districts = ["D1", "D2", "D3", "D4", "D5"]
years = [2010, 2011, 2012, 2013]
comp_slope = {"A": 0.30, "B": 0.05, "C": 0.15}
momentum = dict(zip(districts, [0.2, -0.1, 0.0, 0.1, -0.2]))

rows = []
for d in districts:
    for e, k in elements:
        start = rng.integers(0, 2)
        dev = rng.normal(0, 0.3)
        for t in years:
            if rng.random() < 0.08:
                continue  # a missing rating
            y = start + (comp_slope[k] + momentum[d] + dev) * (t - 2010) + rng.normal(0, 0.4)
            rows.append((d, t, e, int(min(3, max(0, round(y))))))
df = pd.DataFrame(rows, columns=["district", "year", "element", "score"])
df.to_csv(os.path.join(HERE, "panel.csv"), index=False, lineterminator="\n")

df["component"] = df["element"].map(dict(elements))
df["series"] = df["district"] + "|" + df["element"]
counts = df.groupby("series")["year"].transform("count")
df = df[counts >= 1].copy()
df["tc"] = df["year"] - df.groupby("series")["year"].transform("mean")
df["cell"] = df["district"] + "|" + df["component"]
df["y"] = df["score"].astype(float)

# --- exact penalised normal equations, variances given ---------------------------------
sigma2, tau2 = 0.09, 0.01
series = sorted(df["series"].unique())
comps = sorted(comp_slope)
cells = sorted(df["cell"].unique())
n = len(df)
cols = len(series) + len(comps) + (len(districts) - 1) + len(cells)
X = np.zeros((n, cols))
for i, r in enumerate(df.itertuples()):
    X[i, series.index(r.series)] = 1
    X[i, len(series) + comps.index(r.component)] = r.tc
    di = districts.index(r.district)
    base = len(series) + len(comps)
    if di < len(districts) - 1:
        X[i, base + di] = r.tc
    else:
        X[i, base:base + len(districts) - 1] = -r.tc
    X[i, base + len(districts) - 1 + cells.index(r.cell)] = r.tc
P = np.zeros((cols, cols))
for j in range(len(series) + len(comps) + len(districts) - 1, cols):
    P[j, j] = sigma2 / tau2
theta = np.linalg.solve(X.T @ X + P, X.T @ df["y"].to_numpy())
fitted = X @ theta
base = len(series)
given = {
    "sigma2": sigma2, "tau2": tau2,
    "componentSlope": theta[base:base + len(comps)].tolist(),
    "districtMomentum": theta[base + len(comps):base + len(comps) + len(districts) - 1].tolist(),
    "fitted": [{"district": r.district, "element": r.element, "year": int(r.year), "value": float(v)}
               for r, v in zip(df.itertuples(), fitted)],
}

# --- statsmodels MixedLM, REML -------------------------------------------------------------
model = smf.mixedlm("y ~ 0 + C(series) + C(component):tc + C(district, Sum):tc", df,
                    groups=df["cell"], re_formula="0 + tc")
res = model.fit(reml=True, method=["lbfgs"], gtol=1e-12, maxiter=5000)
fe = res.fe_params
reml = {
    "sigma2": float(res.scale),
    "tau2": float(res.cov_re.iloc[0, 0]),
    "componentSlope": [float(fe[f"C(component)[{k}]:tc"]) for k in comps],
    "districtMomentum": [float(fe[f"C(district, Sum)[S.{d}]:tc"]) for d in districts[:-1]],
    "logLikelihood": float(res.llf),
}
json.dump({"given": given, "reml": reml}, open(os.path.join(HERE, "expected.json"), "w"), indent=1)
print("sigma2", reml["sigma2"], "tau2", reml["tau2"])
