import Forecasting
import RatingsData

extension Scenario {
    /// The scenario with one more intervention, renamed: how a lever sweep builds its alternatives.
    public func adding(_ intervention: Intervention, name: String) -> Scenario {
        var copy = self
        copy.name = name
        copy.description = "\(self.name) + \(intervention.lever)"
        copy.interventions.append(intervention)
        return copy
    }
}
