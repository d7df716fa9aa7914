import RatingsData

/// A scenario resolved against its data: for each projected district, the effects that act
/// on it and the sticking points that hold in it. Every name is checked here, with errors
/// located in the scenario file.
public struct ScenarioPlan: Sendable {
    /// One effect as it acts on one district.
    public struct ActiveEffect: Sendable {
        /// The lever the effect belongs to (an intervention's, an event's or a background event's).
        public var leverID: String
        /// The catalogue's effect (its `size` may be overridden: see `size`).
        public var effect: Effect
        /// Framework element indices it acts on (`effect.targets` resolved).
        public var elements: [Int]
        /// First year the effect acts (intervention year + lag).
        public var onset: Int
        /// The size drawn from: the scenario's override, else the catalogue's.
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

    /// What acts on one projected district.
    public struct DistrictPlan: Sendable {
        /// The district's index in the panel.
        public var district: Int
        /// Interventions' and known future events' effects, in scenario then events-file order.
        public var effects: [ActiveEffect]
        /// The catalogue's ceilings that hold in the district at the start (`StickingPoint.applies`).
        public var stickingPoints: [StickingPoint]
        /// Events that may happen to the district in any projected year (`BackgroundEvent`).
        public var background: [BackgroundEvent]
        /// What the scenario relaxes in the district from its first projected year (`"relax"` interventions).
        public var relaxation: Relaxation

        /// A district plan with no background events and nothing relaxed unless given.
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

    /// One plan per projected district, in the scenario's order (the panel's when it names none).
    public var districts: [DistrictPlan]
    /// The last year projected.
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
