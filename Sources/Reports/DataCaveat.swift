import Forecasting
import Policy
import RatingsData

/// The sentence shown wherever the shipped panel's numbers appear.
public enum DataCaveat {
    /// Printed beside every table, chart, brief and notebook made from the shipped panel.
    public static let shippedPanel =
        "The shipped panel is an illustrative reconstruction that agrees with the paper's published findings; it is not CRPE's measured district scores."
}
