import RatingsData

/// Panels drawn from a story of episodic reform that the engine's linear trajectory model does
/// not assume — stalls, fresh paces, backlashes, a ceiling, sticky ratings; no straight lines —
/// so forecasts can be validated against a known truth they were not built on.
/// (`SyntheticPanel` draws from the engine's model itself.)
///
/// Per district and year, all from one `SeededGenerator` (same seed, same panel):
/// - **Leadership turnover** at `turnoverHazard` per district-year (lever `leadership-turnover`).
///   Progress then **stalls** — pace 0 on every component — for a whole number of years uniform
///   on `stallYears`; after it, every component gets a **fresh pace**. A turnover during a stall
///   starts a new stall.
/// - **Pace** of district d on component k, in points a year of the latent score:
///   mᵈ + cₖ + uᵈₖ, momentum mᵈ ~ N(momentumMean, momentumSD²) and deviation
///   uᵈₖ ~ N(0, deviationSD²), drawn at the start and redrawn after every stall; cₖ is
///   `componentEffects` (default spread evenly over ±`componentSpread` in framework order).
/// - **Community backlash** at `backlashHazard` per district-year (lever `community-backlash`):
///   pace `backlashPace` on every component for `backlashYears` years, over any stall or pace.
/// - **Ceiling**: the pace is multiplied by 1 − u², u = (x − bottom)/(top − bottom) the series'
///   latent score's place on the scale (a negative pace by 1 − (1 − u)²): full pace near the
///   bottom, three quarters at mid-scale, none at the top, so progress slows smoothly as it nears
///   the top (decline near the bottom). `ceilingFactor` has it.
/// - **Element shocks**: each element's latent also takes its own step ~ N(0, elementShockSD²)
///   a year (a policy adopted here, a programme dropped there).
/// - **Stall means stall**: in a stalled year neither pace nor shock moves the latent, so every
///   rating holds.
/// - **Sticky integer ratings**: each element's latent starts at bottom + startShare·(top −
///   bottom)·U + oᵈ, U uniform on [0, 1), district offset oᵈ ~ N(0, (offsetShare·(top −
///   bottom))²), clamped to the scale; the first rating is the level nearest it. Afterwards the
///   rating moves to the level nearest x only when x is more than (0.5 + hysteresis) level steps
///   (0.65 points on a 1–5 scale) from the current rating; ratings stay on `framework.levels`.
///
/// Timing: the phase and pace of year y act on the step from y to y + 1, so an event in year y
/// first shows in year y + 1's ratings.
///
/// Measured on the shipped framework (7 components, 36 elements, 1–5), 60 districts × 10 years,
/// defaults, seed 1: 90.8% of one-year ratings equal the year before (seeds 1–5: 89.8–90.8%;
/// the shipped panel: 88.6%), 6.7% rise and 2.5% fall (shipped: 10.3% and 1.0%); 81 leadership
/// turnovers in 600 district-years (the hazard expects 72 ± 8), 136 stalled district-years and
/// 12 backlashes (18 ± 4 expected).
public struct EpisodicPanel: Sendable {
    /// The story's knobs. Paces are in rating points a year (calibrated for a scale with unit
    /// steps, like CRPE's 1–5); hazards are probabilities per district-year.
    public struct Parameters: Sendable, Equatable {
        /// Chance a district changes leader in a given year (default 0.12).
        public var turnoverHazard: Double
        /// Years a stall lasts after a turnover, drawn uniformly (default 1...3).
        public var stallYears: ClosedRange<Int>
        /// Mean of the district reform momentum mᵈ (points/year; default 0.08).
        public var momentumMean: Double
        /// sd of the district reform momentum mᵈ across districts (points/year; default 0.08).
        public var momentumSD: Double
        /// Component effects cₖ (points/year), one per framework component; nil (default): evenly
        /// spread from −componentSpread to +componentSpread (default 0.04) in framework order.
        public var componentEffects: [Double]?
        /// The default component effects' extent (points/year; default 0.04); unused when
        /// `componentEffects` is given.
        public var componentSpread: Double
        /// sd of the district×component deviation uᵈₖ (points/year; default 0.05).
        public var deviationSD: Double
        /// Chance of a community backlash in a given district-year (default 0.03).
        public var backlashHazard: Double
        /// Years a backlash lasts (default 2).
        public var backlashYears: Int
        /// A backlash's pace (points/year before the floor factor; default −0.2, so about −0.15 a
        /// year at mid-scale).
        public var backlashPace: Double
        /// Starting latents are uniform on the lowest `startShare` of the scale (default 0.6) …
        public var startShare: Double
        /// … shifted by a district offset with sd `offsetShare` × (top − bottom) (default 0.1:
        /// 0.4 points on a 1–5 scale).
        public var offsetShare: Double
        /// sd of each element's own yearly step (points) on top of its component's pace — a
        /// policy adopted here, a programme dropped there; zero-mean, and stopped by a stall.
        /// Default 0.25: with it 90.8% of one-year ratings repeat (0.20: 92.8%, 0.30: 88.7%;
        /// 60 districts × 10 years, seed 1).
        public var elementShockSD: Double
        /// Extra distance, in level steps beyond half a step, before a rating changes (default 0.15).
        public var hysteresis: Double

        /// The knobs, each defaulting to the value its property documents.
        public init(
            turnoverHazard: Double = 0.12, stallYears: ClosedRange<Int> = 1...3,
            momentumMean: Double = 0.08, momentumSD: Double = 0.08,
            componentEffects: [Double]? = nil, componentSpread: Double = 0.04,
            deviationSD: Double = 0.05, backlashHazard: Double = 0.03, backlashYears: Int = 2,
            backlashPace: Double = -0.2, startShare: Double = 0.6, offsetShare: Double = 0.1,
            elementShockSD: Double = 0.25, hysteresis: Double = 0.15
        ) {
            self.turnoverHazard = turnoverHazard
            self.stallYears = stallYears
            self.momentumMean = momentumMean
            self.momentumSD = momentumSD
            self.componentEffects = componentEffects
            self.componentSpread = componentSpread
            self.deviationSD = deviationSD
            self.backlashHazard = backlashHazard
            self.backlashYears = backlashYears
            self.backlashPace = backlashPace
            self.startShare = startShare
            self.offsetShare = offsetShare
            self.elementShockSD = elementShockSD
            self.hysteresis = hysteresis
        }
    }

    /// What drove the panel, for scoring forecasts against it.
    struct Truth: Sendable {
        /// What governs a district's step from one year to the next.
        enum Phase: String, Sendable {
            case progressing, stalled, backlash
        }

        /// First and last year of the panel.
        var years: ClosedRange<Int>
        /// cₖ per component (points/year).
        var componentEffects: [Double]
        /// Each district's leadership-turnover years, ascending.
        var turnoverYears: [[Int]]
        /// Each district's community-backlash years, ascending.
        var backlashYears: [[Int]]
        /// `phase[d][i]`: what governs district d's step from year `years.lowerBound + i` to the next.
        var phase: [[Phase]]
        /// `pace[d][k][i]`: component k's pace in that step (points/year, before the ceiling factor).
        var pace: [[[Double]]]
    }

    /// The drawn ratings, levels of the scale.
    public var panel: Panel
    /// The drawn events, by district then year (turnover before backlash in the same year).
    public var events: [EventTable.Event]
    var truth: Truth

    /// One district's drawn history (year indices, phases, paces `[component][year index]`).
    struct History {
        var turnovers: [(year: Int, stall: Int)] = []
        var backlashes: [Int] = []
        var phase: [Truth.Phase] = []
        var pace: [[Double]]
    }

    /// Draw a panel: `districts` districts named "District 1", "District 2", …, every one rated
    /// on every element in every year of `years`.
    public static func generate(
        framework: Framework, districts: Int, years: ClosedRange<Int>, seed: UInt64,
        parameters p: Parameters = Parameters()
    ) -> EpisodicPanel {
        let k = framework.components.count
        let effects = p.componentEffects ?? spreadEffects(components: k, spread: p.componentSpread)
        precondition(
            effects.count == k, "componentEffects has \(effects.count) entries; the framework has \(k) components")
        precondition(p.stallYears.lowerBound >= 0 && p.backlashYears >= 0, "stall and backlash lengths must be ≥ 0")
        var rng = SeededGenerator(seed: seed)
        var snapshots: [Snapshot] = []
        var events: [EventTable.Event] = []
        var histories: [History] = []
        let infos = (0..<districts).map { DistrictInfo(name: "District \($0 + 1)") }
        for d in 0..<districts {
            let range = Double(framework.maximumScore - framework.minimumScore)
            let offset = p.offsetShare * range * rng.normal()
            let history = drawHistory(effects: effects, years: years.count, parameters: p, rng: &rng)
            snapshots += drawRatings(
                district: d, offset: offset, history: history, framework: framework,
                years: years, parameters: p, rng: &rng)
            events += eventList(history, district: infos[d].name, firstYear: years.lowerBound, parameters: p)
            histories.append(history)
        }
        let truth = Truth(
            years: years, componentEffects: effects,
            turnoverYears: histories.map { $0.turnovers.map { years.lowerBound + $0.year } },
            backlashYears: histories.map { $0.backlashes.map { years.lowerBound + $0 } },
            phase: histories.map(\.phase), pace: histories.map(\.pace))
        return EpisodicPanel(
            panel: Panel(framework: framework, districts: infos, snapshots: snapshots),
            events: events, truth: truth)
    }

    /// The default component effects: evenly spaced from −spread to +spread in framework order
    /// (0 for a single component), so they average 0 and momentumMean is the network's mean pace.
    static func spreadEffects(components k: Int, spread: Double) -> [Double] {
        guard k > 1 else { return Array(repeating: 0, count: k) }
        return (0..<k).map { (i: Int) -> Double in spread * (2 * Double(i) / Double(k - 1) - 1) }
    }

    /// Paces of one district, year by year: events drawn every year (two uniforms a year, so
    /// later draws do not shift with the outcomes), stalls and backlashes counted down, fresh
    /// paces drawn at the first progressing year after a turnover's stall.
    static func drawHistory(
        effects: [Double], years n: Int, parameters p: Parameters,
        rng: inout SeededGenerator
    ) -> History {
        var history = History(pace: Array(repeating: [], count: effects.count))
        var current = drawPaces(effects: effects, parameters: p, rng: &rng)
        var stall = 0
        var backlash = 0
        var redraw = false
        for i in 0..<n {
            let turnover = rng.uniform() < p.turnoverHazard
            let outcry = rng.uniform() < p.backlashHazard
            if turnover {
                stall =
                    p.stallYears.lowerBound
                    + min(Int(rng.uniform() * Double(p.stallYears.count)), p.stallYears.count - 1)
                history.turnovers.append((i, stall))
                redraw = true
            }
            if outcry {
                history.backlashes.append(i)
                backlash = p.backlashYears
            }
            let phase: Truth.Phase = backlash > 0 ? .backlash : stall > 0 ? .stalled : .progressing
            if phase == .progressing && redraw {
                current = drawPaces(effects: effects, parameters: p, rng: &rng)
                redraw = false
            }
            history.phase.append(phase)
            for c in effects.indices {
                history.pace[c].append(phase == .backlash ? p.backlashPace : phase == .stalled ? 0 : current[c])
            }
            stall = max(0, stall - 1)
            backlash = max(0, backlash - 1)
        }
        return history
    }

    /// A district's pace on every component: one momentum draw, plus each component's effect
    /// and its own deviation draw.
    static func drawPaces(effects: [Double], parameters p: Parameters, rng: inout SeededGenerator) -> [Double] {
        let momentum = p.momentumMean + p.momentumSD * rng.normal()
        return effects.map { momentum + $0 + p.deviationSD * rng.normal() }
    }

    /// One district's snapshots: each element's latent walks by its component's pace (times the
    /// ceiling factor) plus its own shock, and the rating moves only past the hysteresis band.
    /// The shock is drawn in stalled years too (and unused), so the draws stay aligned.
    static func drawRatings(
        district d: Int, offset: Double, history: History, framework: Framework,
        years: ClosedRange<Int>, parameters p: Parameters,
        rng: inout SeededGenerator
    ) -> [Snapshot] {
        let lo = Double(framework.minimumScore)
        let hi = Double(framework.maximumScore)
        let range = hi - lo
        let step = framework.levels.count > 1 ? range / Double(framework.levels.count - 1) : 1
        let band = (0.5 + p.hysteresis) * step
        func clamp(_ x: Double) -> Double { min(max(x, lo), hi) }
        func nearest(_ x: Double) -> Double { Double(framework.rating(for: x).value) }
        var scores = [[Double?]](repeating: Array(repeating: nil, count: framework.elements.count), count: years.count)
        for (e, element) in framework.elements.enumerated() {
            let pace = history.pace[element.componentIndex]
            var x = clamp(lo + p.startShare * range * rng.uniform() + offset)
            var rating = nearest(x)
            scores[0][e] = rating
            for i in 1..<max(1, years.count) {
                let shock = p.elementShockSD * rng.normal()
                guard history.phase[i - 1] != .stalled else {
                    scores[i][e] = rating
                    continue
                }
                let v = pace[i - 1]
                x = clamp(x + v * ceilingFactor(pace: v, at: x, bottom: lo, top: hi) + shock)
                if abs(x - rating) > band { rating = nearest(x) }
                scores[i][e] = rating
            }
        }
        return years.enumerated().map { Snapshot(districtIndex: d, year: $0.element, scores: scores[$0.offset]) }
    }

    /// How much of a pace a latent at `x` keeps: 1 − u² for a positive pace and 1 − (1 − u)² for
    /// a negative one, u = (x − bottom)/(top − bottom) — full pace low on the scale, three
    /// quarters at mid-scale, none at the top (for decline, mirrored at the bottom).
    static func ceilingFactor(pace v: Double, at x: Double, bottom lo: Double, top hi: Double) -> Double {
        guard hi > lo else { return 0 }
        let u = (x - lo) / (hi - lo)
        return v >= 0 ? 1 - u * u : 1 - (1 - u) * (1 - u)
    }

    /// The history's events as an events file would list them, turnover before backlash in a year.
    static func eventList(
        _ history: History, district: String, firstYear: Int,
        parameters p: Parameters
    ) -> [EventTable.Event] {
        let location = SourceLocation(file: "synthetic")
        let turnovers = history.turnovers.map {
            EventTable.Event(
                district: district, year: firstYear + $0.year, lever: "leadership-turnover",
                note: "synthetic: progress stalls \($0.stall) year\($0.stall == 1 ? "" : "s") then fresh paces",
                location: location)
        }
        let pace = CSVTable.number(p.backlashPace, decimals: 2)
        let backlashes = history.backlashes.map {
            EventTable.Event(
                district: district, year: firstYear + $0, lever: "community-backlash",
                note: "synthetic: pace \(pace) points/year for \(p.backlashYears) years", location: location)
        }
        return (turnovers + backlashes).enumerated().sorted {
            ($0.element.year, $0.offset) < ($1.element.year, $1.offset)
        }.map(\.element)
    }

    /// The panel as long-format CSV (`district,year,element,score`), as `SyntheticPanel.csv`.
    public var csv: CSVTable { panel.longCSV }

    /// The drawn events as an events file (`district,date,lever,note`), which `EventTable.parse` reads.
    public var eventsCSV: CSVTable {
        CSVTable(
            header: EventTable.header,
            rows: events.map { [$0.district, String($0.year), $0.lever, $0.note] })
    }
}
