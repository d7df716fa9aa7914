/// An active effect as the integer projection's scalar path applies it each draw and year: its
/// kind and timing and where its elements lie in the setup's flat element list. A plain value
/// (no strings or arrays), because copying `ScenarioPlan.ActiveEffect` there retained and
/// released its strings and arrays every draw-year — a tenth of a baseline run's time (perf).
struct EffectRule {
    let kind: Effect.Kind
    /// Years over which a level shift is phased in; for how many years it acts (nil: for good).
    let ramp: Int
    let duration: Int?
    /// First year it acts: absolute for a plan's effect, years after the event for a background event's.
    let onset: Int
    /// Its elements are `IntegerProjectionSetup.ruleElements[elements]`.
    let elements: Range<Int>

    /// The rule of `active`, appending its elements to `flat`.
    init(_ active: ScenarioPlan.ActiveEffect, elements flat: inout [Int]) {
        kind = active.effect.kind
        ramp = active.effect.ramp
        duration = active.effect.duration
        onset = active.onset
        elements = flat.count..<(flat.count + active.elements.count)
        flat += active.elements
    }
}
