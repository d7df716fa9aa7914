import Forecasting
import RatingsData

/// Everything attribution says about one district, from one `CoalitionBank`.
public struct DistrictAttribution: Sendable {
    /// Every component's outlook, in framework order.
    public var outlook: [ComponentOutlook]
    /// One per sticking point (components, then ceilings); empty when the district is advanced at
    /// the start or has no projected year.
    public var values: [StickingPointValue]
    /// `all`, then the catalogue's and the scenario's bundles; empty when the district is advanced
    /// at the start or has no projected year.
    public var bundles: [BundleGain]
    /// "What it would take" for each component sticking point, then each bundle that relaxes
    /// something in the district; empty when not searched.
    public var requirements: [PaceRequirement]

    /// A sticking point as a player of the coalition game: the components it relaxes and the ceilings it lifts.
    struct Player {
        var name: String
        var kind: StickingPointValue.Kind
        var relaxedMask: UInt64
        var liftMask: UInt64
    }

    /// Attribute one district (see `StickingPointAttribution`).
    static func run(
        _ f: DriftForecaster, _ plan: ScenarioPlan.DistrictPlan, projection p: DistrictProjection,
        draws: Int, seed: UInt64, options: StickingPointAttribution.Options,
        bundles: [RelaxationBundle]
    ) -> DistrictAttribution {
        let fw = f.framework
        let horizon = p.years.last ?? p.latestYear
        let holding = plan.stickingPoints.filter { point in
            // Holds in some projected year.
            return plan.liftYear(of: point.id) > p.latestYear + 1 && p.latestYear < horizon
        }.map(\.id)
        let benchmark = fw.components.indices.map { options.benchmark.pace(f, district: plan.district, component: $0) }
        let bank = CoalitionBank(
            f, plan, horizon: horizon, draws: draws, seed: seed, ceilings: holding, benchmark: benchmark)
        let base = bank.base(lifted: 0)
        var out = DistrictAttribution(
            outlook: ComponentOutlook.outlooks(
                base, district: p.district.name, framework: fw,
                latest: fw.componentScores(startLevels(f, plan))),
            values: [], bundles: [], requirements: [])
        guard !p.advancedNow, !p.years.isEmpty, fw.components.count <= UInt64.bitWidth else { return out }
        let players = self.players(fw, startBits: base.startBits, ceilings: holding)
        let game = CoalitionGame(bank: bank, players: players)
        out.values = game.values(district: p.district.name, decisive: p.decisiveShare, seed: seed)
        let resolved = [RelaxationBundle(name: RelaxationBundle.allName, stickingPoints: players.map(\.name))] + bundles
        let masks = resolved.map { game.masks(of: $0, framework: fw) }
        out.bundles = zip(resolved, masks).map {
            game.bundleGain(
                $0.name, relaxedMask: $1.relaxed, liftMask: $1.lifted,
                district: p.district.name)
        }
        guard options.whatItWouldTake else { return out }
        let singles = players.filter { $0.kind == .component }.map { ($0.name, $0.relaxedMask, UInt64(0)) }
        let target = min(options.targetYear ?? horizon, horizon)
        let bundleSets = zip(resolved, masks).filter { $1.relaxed != 0 || $1.lifted != 0 }.map {
            ($0.name, $1.relaxed, $1.lifted)
        }
        out.requirements = (singles + bundleSets).map {
            PaceSearch(bank: bank, district: plan.district, targetYear: target)
                .requirement(relaxed: $0.0, relaxedMask: $0.1, liftMask: $0.2, districtName: p.district.name)
        }
        return out
    }

    /// The district's latest ratings as levels (what the projection starts from).
    static func startLevels(_ f: DriftForecaster, _ plan: ScenarioPlan.DistrictPlan) -> [Double?] {
        let n = f.framework.elements.count
        let grid = LevelGrid(f.framework)
        return (0..<n).map { Optional(grid.level(f.start[plan.district * n + $0])) }
    }

    /// The district's sticking points: every component not in progress in the latest year, then every ceiling that holds.
    static func players(_ fw: Framework, startBits: UInt64, ceilings: [String]) -> [Player] {
        let components = fw.components.indices.filter { startBits & (1 << UInt64($0)) == 0 }.map {
            Player(name: fw.components[$0].shortName, kind: .component, relaxedMask: 1 << UInt64($0), liftMask: 0)
        }
        return components
            + ceilings.indices.map {
                Player(name: ceilings[$0], kind: .ceiling, relaxedMask: 0, liftMask: 1 << UInt64($0))
            }
    }
}
