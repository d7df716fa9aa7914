import RatingsData

/// What a projection relaxes, for attribution and for a scenario's `"relax"` intervention: the
/// same draws re-run with some components moving faster and some ceilings gone.
///
/// A relaxed component moves each year at its own pace plus `extraPace`, and at least at
/// `paceFloor`; no ceiling holds on the elements of a component in `freedComponents`; a ceiling
/// in `liftedCeilings` does not hold anywhere. All of it acts from the first projected year.
public struct Relaxation: Equatable, Sendable {
    /// Components (framework indices) whose elements no sticking point caps.
    public var freedComponents: Set<Int> = []
    /// Component index → the pace (points/year) it moves at least at every year.
    public var paceFloor: [Int: Double] = [:]
    /// Component index → points/year added to its pace every year.
    public var extraPace: [Int: Double] = [:]
    /// Sticking-point ids that do not hold.
    public var liftedCeilings: Set<String> = []

    /// A relaxation; the defaults relax nothing.
    public init(
        freedComponents: Set<Int> = [], paceFloor: [Int: Double] = [:], extraPace: [Int: Double] = [:],
        liftedCeilings: Set<String> = []
    ) {
        self.freedComponents = freedComponents
        self.paceFloor = paceFloor
        self.extraPace = extraPace
        self.liftedCeilings = liftedCeilings
    }

    /// Relaxes nothing: the projection as the scenario has it.
    public static let none = Relaxation()

    /// Component k moves at least at `pace`, with no ceiling on its elements.
    public static func component(_ k: Int, pace: Double) -> Relaxation {
        Relaxation(freedComponents: [k], paceFloor: [k: pace])
    }

    /// The named ceiling does not hold.
    public static func stickingPoint(_ id: String) -> Relaxation { Relaxation(liftedCeilings: [id]) }

    var isNone: Bool { self == .none }

    /// Both relaxations at once: floors and freed sets combine (the higher floor wins), extra paces add.
    public func merged(with other: Relaxation) -> Relaxation {
        Relaxation(
            freedComponents: freedComponents.union(other.freedComponents),
            paceFloor: paceFloor.merging(other.paceFloor, uniquingKeysWith: max),
            extraPace: extraPace.merging(other.extraPace, uniquingKeysWith: +),
            liftedCeilings: liftedCeilings.union(other.liftedCeilings))
    }

    /// Whether a ceiling `id` holds on element `e` of component `k` under this relaxation.
    func ceilingHolds(_ id: String, onComponent k: Int) -> Bool {
        !liftedCeilings.contains(id) && !freedComponents.contains(k)
    }

    /// Per component: the floor (−∞ where none) and the extra pace (0 where none), for the inner loop.
    func paceArrays(componentCount: Int) -> (floor: [Double], extra: [Double]) {
        ((0..<componentCount).map { paceFloor[$0] ?? -.infinity }, (0..<componentCount).map { extraPace[$0] ?? 0 })
    }
}
