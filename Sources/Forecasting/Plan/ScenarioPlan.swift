import RatingsData

/// A scenario resolved against its data: for each projected district, the effects that act
/// on it and the sticking points that hold in it. Every name is checked here, with errors
/// located in the scenario file.
public struct ScenarioPlan: Sendable {
    /// One effect as it acts on one district.
    public struct ActiveEffect: Sendable {
        public var leverID: String
        public var effect: Effect
        public var elements: [Int]
        /// First year the effect acts (intervention year + lag).
        public var onset: Int
        public var size: Distribution
        /// Keys the effect's random size so the same lever draws the same sizes in every scenario.
        public var randomKey: UInt64

        package init(
            leverID: String, effect: Effect, elements: [Int], onset: Int, size: Distribution, randomKey: UInt64
        ) {
            self.leverID = leverID
            self.effect = effect
            self.elements = elements
            self.onset = onset
            self.size = size
            self.randomKey = randomKey
        }
    }

    public struct DistrictPlan: Sendable {
        public var district: Int
        public var effects: [ActiveEffect]
        public var stickingPoints: [StickingPoint]
        /// Events that may happen to the district in any projected year (`BackgroundEvent`).
        public var background: [BackgroundEvent]
        /// What the scenario relaxes in the district from its first projected year (`"relax"` interventions).
        public var relaxation: Relaxation

        public init(
            district: Int, effects: [ActiveEffect], stickingPoints: [StickingPoint],
            background: [BackgroundEvent] = [], relaxation: Relaxation = .none
        ) {
            self.district = district
            self.effects = effects
            self.stickingPoints = stickingPoints
            self.background = background
            self.relaxation = relaxation
        }

        /// The first year sticking point `id` no longer holds: the earliest onset of a lift-ceiling
        /// effect naming it (`Int.max` when none does).
        public func liftYear(of id: String) -> Int {
            effects.filter { $0.effect.kind == .liftCeiling && $0.effect.stickingPoints.contains(id) }.map(\.onset)
                .min() ?? Int.max
        }
    }

    public var districts: [DistrictPlan]
    public var horizon: Int
    /// The background events every district is exposed to (the same list in every district plan).
    public var background: [BackgroundEvent] { districts.first?.background ?? [] }
    /// The known future events from the events file that act in the plan.
    public var knownEvents: [EventTable.Event] = []

    /// A plan built directly (known-truth studies, benchmarks); scenario files go through `resolve`.
    public init(districts: [DistrictPlan], horizon: Int) {
        self.districts = districts
        self.horizon = horizon
    }
}

/// FNV-1a over strings, for stable random-stream keys.
package func mixKey(_ parts: [String]) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for part in parts {
        for b in part.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        h = (h ^ 0x1f) &* 0x0000_0100_0000_01b3
    }
    return h
}
