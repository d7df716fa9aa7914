import Forecasting
import RatingsData

/// An intervention that removes a recorded event: `{"lever": …, "district": …, "year": …,
/// "remove": true}`. Only an event the events file holds, dated after the district's latest
/// snapshot the model is fitted on (in a retrospective run, its latest up to `"from"`), can be
/// removed: an earlier one is already in the ratings.
public struct EventRemoval: Equatable, Sendable {
    /// The event's lever id, as the events file writes it.
    public var lever: String
    /// The district, as the events file writes it.
    public var district: String
    /// The event's calendar year.
    public var year: Int
    /// Where the intervention is written.
    public var location: SourceLocation

    /// Whether `event` is the one this removes.
    public func matches(_ event: EventTable.Event) -> Bool {
        event.lever == lever && event.district == district && event.year == year
    }

    /// Reads one `"remove": true` intervention.
    static func decode(_ i: JSONObjectReader) throws(Diagnostic) -> EventRemoval {
        try i.rejectUnknownKeys(allowed: ["lever", "district", "year", "remove", "note"])
        guard case .bool(true) = i.node("remove")?.value else {
            throw .error(
                at: i.location(of: i.node("remove")!, path: i.path + ".remove"),
                "expected true (remove the recorded event); to keep the event, leave this intervention out")
        }
        guard let year = try i.optionalInteger("year") else {
            throw .error(at: i.location, "missing required key \"year\" (the recorded event's year)")
        }
        guard i.has("district") else {
            throw .error(at: i.location, "missing required key \"district\": a removal names one district's event")
        }
        return EventRemoval(
            lever: try i.string("lever"), district: try i.string("district"), year: year, location: i.location)
    }

    /// Checks every removal against the events file and the panel the model is fitted on.
    /// - Throws: a located error for a removal with no events file, no such event, or an event
    ///   that is not after the district's latest snapshot.
    static func check(_ removals: [EventRemoval], events: EventTable?, panel: Panel, scenario: Scenario)
        throws(Diagnostic)
    {
        for (i, removal) in removals.enumerated() {
            if let earlier = removals[..<i].first(where: {
                $0.lever == removal.lever && $0.district == removal.district && $0.year == removal.year
            }) {
                throw .error(
                    at: removal.location,
                    "removes the \(removal.year) \(removal.lever) event of \(removal.district) again (also line \(earlier.location.line.map(String.init) ?? "?")); expected each removal once"
                )
            }
            guard removal.year <= scenario.horizon else {
                throw .error(
                    at: removal.location,
                    "the \(removal.year) event is after the horizon \(scenario.horizon), where it would not act anyway; expected an event up to \(scenario.horizon)"
                )
            }
            guard let events else {
                throw .error(at: removal.location, "the scenario has no events file to remove an event from")
            }
            guard events.events.contains(where: removal.matches) else {
                let theirs = events.events.filter { $0.district == removal.district }
                    .map { "\($0.lever) \($0.year)" }
                throw .error(
                    at: removal.location,
                    "\(events.file) records no \(removal.lever) event of \(removal.district) in \(removal.year); "
                        + (theirs.isEmpty
                            ? "it records none of \(removal.district)"
                            : "its events of \(removal.district): \(theirs.joined(separator: ", "))"))
            }
            guard let d = panel.districtIndex(named: removal.district) else {
                throw .error(
                    at: removal.location,
                    "\(removal.district) has no snapshot\(scenario.from.map { " up to \"from\" \($0)" } ?? "") to project from"
                )
            }
            let latest = panel.latestSnapshot(ofDistrict: d).year
            guard removal.year > latest else {
                throw .error(
                    at: removal.location,
                    "the \(removal.year) \(removal.lever) event is not after \(removal.district)'s latest snapshot the model is fitted on (\(latest)): its effect is already in the ratings; "
                        + "expected an event after \(latest)\(scenario.from == nil ? ", or a retrospective run with an earlier \"from\"" : ", or an earlier \"from\"")"
                )
            }
        }
    }
}
