import Forecasting
import Foundation
import Policy
import RatingsData
import Reports

/// Writes the benchmark's inputs as NumPy `.npy` files (format version 1.0: magic, header
/// dict, little-endian float64 data in C order), so the reference reads exactly what the engine used.
enum NumpyExport {
    static func write(_ values: [Double], shape: [Int], to path: String) throws {
        let shapeText = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': \(shapeText), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        let length = UInt16(header.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8)])
        data.append(contentsOf: Array(header.utf8))
        values.withUnsafeBytes { data.append(contentsOf: $0) }  // little-endian on every platform Swift runs here
        try data.write(to: URL(fileURLWithPath: path))
    }

    static func writeMeta(_ fields: [String: Any], to directory: String) throws {
        let json = try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
        try json.write(to: URL(fileURLWithPath: directory + "/meta.json"))
    }

    /// ratings.npy: districts × years × elements (NaN where a rating is missing).
    static func panel(_ p: Panel, to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let years = p.years
        let e = p.framework.elements.count
        var values = [Double](repeating: .nan, count: p.districts.count * years.count * e)
        for s in p.snapshots {
            let yi = years.firstIndex(of: s.year)!
            for (j, v) in s.scores.enumerated() {
                if let v { values[(s.districtIndex * years.count + yi) * e + j] = v }
            }
        }
        try write(values, shape: [p.districts.count, years.count, e], to: directory + "/ratings.npy")
        try writeMeta(
            [
                "years": years, "component_of": p.framework.elements.map(\.componentIndex),
                "components": p.framework.components.count,
            ], to: directory)
    }

    /// start.npy (districts × elements), drift.npy and drift_sd.npy (districts × components), start_year.npy.
    static func forecaster(_ f: DriftForecaster, horizon: Int, draws: Int, to directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let fw = f.framework
        let d = f.districts.count
        try write(f.start, shape: [d, fw.elements.count], to: directory + "/start.npy")
        try write(f.drift, shape: [d, fw.components.count], to: directory + "/drift.npy")
        try write(f.driftSD, shape: [d, fw.components.count], to: directory + "/drift_sd.npy")
        try write(f.startYear.map(Double.init), shape: [d], to: directory + "/start_year.npy")
        let k = fw.components.count
        let needed = (0...k).first { fw.advancedRule.isAdvanced(componentsInProgress: $0, of: k) } ?? k + 1
        try writeMeta(
            [
                "component_of": fw.elements.map(\.componentIndex), "components": k,
                "step_variance": f.stepVariance, "threshold": fw.inProgressThreshold,
                "components_needed": needed, "lower": fw.minimumScore, "upper": fw.maximumScore,
                "horizon": horizon, "draws": draws,
                "network_pace": f.networkPace, "persistence": f.paceChange.persistence,
                "common_sd": f.paceChange.commonSD, "own_sd": f.paceChange.ownSD,
            ], to: directory)
    }
}
