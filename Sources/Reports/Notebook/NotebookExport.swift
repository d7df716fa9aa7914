import Forecasting
import Policy
import RatingsData

/// A Jupyter notebook (nbformat 4.5, see `Notebook`) that reloads a run's CSVs with pandas and redraws its
/// charts with matplotlib, with markdown cells explaining each step and the caveats.
public enum NotebookExport {
    /// Which of a results folder's files exist; the notebook covers those.
    public struct Contents: Sendable {
        /// `advanced.csv` is there.
        public var advanced: Bool
        /// `trajectories.csv` is there.
        public var trajectories: Bool
        /// `sticking-points.csv` and `sticking-points-network.csv` are there.
        public var stickingPoints: Bool
        /// `compare.csv` is there.
        public var compare: Bool
        /// `describe.csv` is there.
        public var describe: Bool
        /// The attribution's bundles, component outlook and "what it would take" files are there too.
        public var attributionDetail: Bool

        /// Which files a folder holds (`attributionDetail`: the bundles, outlook and requirements too).
        public init(
            advanced: Bool, trajectories: Bool, stickingPoints: Bool, compare: Bool, describe: Bool,
            attributionDetail: Bool = false
        ) {
            self.attributionDetail = attributionDetail
            self.advanced = advanced
            self.trajectories = trajectories
            self.stickingPoints = stickingPoints
            self.compare = compare
            self.describe = describe
        }

        /// True when the folder holds none of the files a notebook covers.
        public var isEmpty: Bool { !(advanced || trajectories || stickingPoints || compare || describe) }
    }

    /// The notebook JSON. `resultsPath` is the results folder relative to the notebook.
    public static func notebook(title: String, resultsPath: String, contents: Contents) -> String {
        var cells = introduction(title: title, resultsPath: resultsPath)
        if contents.advanced { cells += advancedSection() }
        if contents.trajectories { cells += trajectoriesSection() }
        if contents.stickingPoints {
            cells += stickingPointsSection()
            if contents.attributionDetail { cells += attributionDetailSection() }
        }
        if contents.compare { cells += compareSection() }
        if contents.describe { cells += describeSection() }
        cells += readingSection()
        return Notebook(cells: cells).json
    }

    /// A Python string literal (JSON's quoting is valid Python).
    static func pythonString(_ s: String) -> String { JSONNode.quote(s) }

    /// The title, the data caveat, and the code that loads the manifest.
    static func introduction(title: String, resultsPath: String) -> [Notebook.Cell] {
        [
            .markdown(
                """
                # \(title)

                This notebook reloads the CSV files that `simulate` wrote to `\(resultsPath)` and redraws its
                tables and charts with pandas and matplotlib, so a data person can check and rework them.
                Rerun it top to bottom after rerunning the engine; it reads, never writes.

                **Data caveat.** If the run used the shipped panel (`Scenarios/data/portfolio-snapshots.csv`,
                named in `manifest.json` below), its numbers are an illustrative reconstruction that agrees with
                the paper's published findings; they are not CRPE's measured district scores.
                """),
            .code(
                """
                import json
                from pathlib import Path

                import matplotlib
                import matplotlib.pyplot as plt
                import pandas as pd

                RESULTS = Path(\(pythonString(resultsPath)))
                manifest_path = RESULTS / "manifest.json"
                manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
                {k: manifest.get(k) for k in ["engine", "scenario", "seed", "draws", "horizon"] if k in manifest}
                """),
        ]
    }

    /// `advanced.csv`: when each district becomes advanced.
    static func advancedSection() -> [Notebook.Cell] {
        [
            .markdown(
                """
                ## When each district becomes advanced

                `advanced.csv`: whether each district is advanced on its latest snapshot, the probability it is
                advanced by the horizon, and the first year by which 10%, 50% and 90% of the Monte Carlo draws
                have become advanced (empty when not reached by the horizon).
                """),
            .code(
                """
                advanced = pd.read_csv(RESULTS / "advanced.csv")
                advanced.sort_values("p_advanced_by_horizon", ascending=False)
                """),
        ]
    }

    /// `trajectories.csv`: fan charts of the district score.
    static func trajectoriesSection() -> [Notebook.Cell] {
        [
            .markdown(
                """
                ## Fan charts

                `trajectories.csv` holds, for every district, year and measure (each component and `district`,
                the district score), the mean and the 10th, 50th and 90th percentiles over draws; observed
                years are marked `observed = True`. The dashed line is the in-progress threshold (3.5 on CRPE's
                scale). Change `DISTRICTS` to draw others.
                """),
            .code(
                """
                trajectories = pd.read_csv(RESULTS / "trajectories.csv")
                district_scores = trajectories[trajectories["measure"] == "district"]
                DISTRICTS = list(district_scores["district"].drop_duplicates())[:6]

                fig, axes = plt.subplots(2, 3, figsize=(13, 7), sharey=True)
                for ax, name in zip(axes.flat, DISTRICTS):
                    d = district_scores[district_scores["district"] == name]
                    observed, projected = d[d["observed"]], d[~d["observed"]]
                    joined = pd.concat([observed.tail(1), projected])
                    ax.fill_between(joined["year"], joined["p10"], joined["p90"], alpha=0.25, label="10–90% of draws")
                    ax.plot(joined["year"], joined["p50"], label="median")
                    ax.plot(observed["year"], observed["mean"], "o-", color="black", label="observed")
                    ax.axhline(3.5, linestyle="--", color="grey")
                    ax.set_title(name)
                    ax.set_xlabel("Year")
                axes.flat[0].set_ylabel("District score")
                axes.flat[0].legend(loc="upper left", fontsize=8)
                fig.tight_layout()
                """),
        ]
    }

    /// The sticking-point files: what each district's sticking points are worth.
    static func stickingPointsSection() -> [Notebook.Cell] {
        [
            .markdown(
                """
                ## Sticking points

                Every file here comes from the same draws with one thing changed (common random numbers).
                A district's sticking points are its components below "in progress" and the ceilings that hold;
                relaxing a component lets it move at least at a stated benchmark pace (by default the network's
                top-quartile pace for that component) with the ceilings on its elements lifted.
                `shapley_p_gain` is each sticking point's Shapley share of the gain in P(advanced by the horizon)
                when all of them are relaxed (it adds up to the `all` bundle's `p_gain`), with its Monte Carlo SE.
                `component-outlook.csv` says when each component first gets to "in progress"; `relaxation-bundles.csv`
                relaxes sticking points together; `what-it-would-take.csv` is the smallest extra pace giving an even
                chance of being advanced by the target year.
                """),
            .code(
                """
                def first(frame):  # a compare folder holds every scenario's rows: show the first scenario's
                    return frame[frame["scenario"] == frame["scenario"].iloc[0]] if len(frame) else frame
                sticking = pd.read_csv(RESULTS / "sticking-points.csv")
                network = first(pd.read_csv(RESULTS / "sticking-points-network.csv"))
                network
                """),
            .code(
                """
                if len(network):
                    ordered = network.sort_values("mean_shapley_p_gain")
                    ax = ordered.plot.barh(x="sticking_point", y="mean_shapley_p_gain", xerr=1.96 * ordered["mean_shapley_p_gain_se"],
                                           legend=False, figsize=(7, 4))
                    ax.set_xlabel("Mean Shapley gain in P(advanced by the horizon), ±1.96 SE")
                    ax.set_ylabel("")
                    plt.tight_layout()
                """),
            .code(
                """
                top = sticking.sort_values("shapley_p_gain", ascending=False).groupby(["scenario", "district"]).head(2)
                top[["scenario", "district", "sticking_point", "p_advanced", "shapley_p_gain", "shapley_p_gain_se", "binding"]].to_string(index=False)
                """),
        ]
    }

    /// The bundles, component outlook and "what it would take" files.
    static func attributionDetailSection() -> [Notebook.Cell] {
        [
            .code(
                """
                bundles = first(pd.read_csv(RESULTS / "relaxation-bundles.csv"))
                bundles.pivot(index="district", columns="bundle", values="p_relaxed").join(
                    bundles.groupby("district")["p_advanced"].first())
                """),
            .code(
                """
                outlook = first(pd.read_csv(RESULTS / "component-outlook.csv"))
                outlook.pivot(index="district", columns="component", values="p_in_progress_by_horizon").round(2)
                """),
            .code(
                """
                take = first(pd.read_csv(RESULTS / "what-it-would-take.csv"))
                take.pivot(index="district", columns="relaxed", values="required_pace")
                """),
        ]
    }

    /// `compare.csv`: the levers compared on paired draws.
    static func compareSection() -> [Notebook.Cell] {
        [
            .markdown(
                """
                ## Levers compared

                `compare.csv`: every scenario on the baseline's draws (common random numbers). `delta_years_*`
                are quantiles of the per-draw difference in the year the district becomes advanced (negative =
                earlier; not by the horizon counted as horizon + 1); `p_earlier` is the share of draws in which
                the scenario makes it advanced strictly earlier.
                """),
            .code(
                """
                compare = pd.read_csv(RESULTS / "compare.csv")
                baseline = compare["scenario"].iloc[0]
                changed = compare[(compare["scenario"] != baseline) & ((compare["p_earlier"] > 0) | (compare["delta_p_advanced"] != 0))]
                changed.sort_values("delta_p_advanced", ascending=False).head(20)
                """),
            .code(
                """
                top = changed.sort_values("delta_p_advanced", ascending=False).head(15)
                labels = top["district"] + " — " + top["scenario"]
                gained = -top["delta_years_p50"]
                fig, ax = plt.subplots(figsize=(9, 0.4 * len(top) + 1.5))
                # delta p10 ≤ p50 ≤ p90, so years gained run from -p90 (fewest) to -p10 (most).
                ax.errorbar(gained, range(len(top)), xerr=[gained - (-top["delta_years_p90"]), (-top["delta_years_p10"]) - gained],
                            fmt="o", capsize=3)
                ax.set_yticks(range(len(top)))
                ax.set_yticklabels(labels)
                ax.axvline(0, color="grey")
                ax.set_xlabel("Years gained (median, 10–90% of paired draws)")
                plt.tight_layout()
                """),
        ]
    }

    /// `describe.csv`: the paper's measures.
    static func describeSection() -> [Notebook.Cell] {
        [
            .markdown(
                """
                ## The paper's measures

                `describe.csv`: latest district score, spread (variance of element scores), recent progress
                (latest score minus the mean over all snapshots), quadrant and advanced status.
                """),
            .code(
                """
                describe = pd.read_csv(RESULTS / "describe.csv")
                ax = describe.plot.scatter(x="district_score", y="spread", figsize=(7, 5))
                for _, row in describe.iterrows():
                    ax.annotate(row["district"], (row["district_score"], row["spread"]), fontsize=7)
                describe.sort_values("district_score", ascending=False)
                """),
        ]
    }

    /// How to read the numbers (always last).
    static func readingSection() -> [Notebook.Cell] {
        [
            .markdown(
                """
                ## Reading these numbers

                Every projection is a distribution over Monte Carlo draws; quote intervals, not single years.
                Lever sizes are stated assumptions (see `Scenarios/levers.json` and the run's `brief.html`);
                `simulate calibrate` shows what the panel's own event history says about them.
                """)
        ]
    }

    /// `target` relative to the directory `base` (both absolute, normalised).
    public static func relativePath(from base: String, to target: String) -> String {
        let b = base.split(separator: "/").map(String.init)
        let t = target.split(separator: "/").map(String.init)
        var common = 0
        while common < min(b.count, t.count) && b[common] == t[common] { common += 1 }
        let path = Array(repeating: "..", count: b.count - common) + t[common...]
        return path.isEmpty ? "." : path.joined(separator: "/")
    }
}
