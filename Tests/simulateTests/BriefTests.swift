import Foundation
import TestSupport
import Testing

/// External tools the brief tests use; CI installs them (`.ci/run`), so under CI a missing tool
/// is a failure, not a skip.
enum Tools {
    static func find(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
    static let underCI = ProcessInfo.processInfo.environment["CI"] != nil
    static var chromium: Bool { underCI || find("chromium") != nil }
    static var jupyter: Bool { underCI || find("jupyter") != nil }

    static func run(_ executable: String, _ arguments: [String], in directory: String = CLI.repository) throws
        -> CLI.Run
    {
        try CLI.launch(find(executable) ?? "/usr/bin/\(executable)", arguments, in: directory)
    }
}

/// One scenario run, one comparison and one description, made once for the brief tests.
enum BriefFixture {
    static let directory: String = {
        let dir = try! CLI.temporaryDirectory()
        let runs: [[String]] = [
            ["Scenarios/baseline.json", "--draws", "30", "--out", dir + "/baseline"],
            [
                "compare", "Scenarios/baseline.json", "Scenarios/combined-package.json", "--draws", "30", "--out",
                dir + "/compare",
            ],
            ["describe", "--out", dir + "/describe"],
            ["fit", "--out", dir + "/fit"],
            ["backtest", "--out", dir + "/backtest"],
            ["calibrate", "--out", dir + "/calibrate"],
        ]
        for arguments in runs {
            // Every fixture run must succeed: a brief test reading a half-made fixture would
            // report the wrong failure.
            let run = try! CLI.run(arguments)
            precondition(run.status == 0, "simulate \(arguments.joined(separator: " ")) failed: \(run.stderr)")
        }
        return dir
    }()
}

@Suite struct BriefTests {
    /// Every CSV read back by Python's csv module with the documented headers; every SVG parsed as XML.
    @Test func everyOutputParsesWithAnIndependentReader() throws {
        let dir = BriefFixture.directory
        let run = try Tools.run(
            "python3",
            ["Tests/python/check_outputs.py"]
                + ["baseline", "compare", "describe", "fit", "backtest", "calibrate"].map { dir + "/" + $0 })
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains(" 0 failed"))
        #expect(
            run.stdout.contains("charts/fan-oakland.svg") && run.stdout.contains("charts/compare.svg")
                && run.stdout.contains("describe/charts/heatmap.svg"))
    }

    /// The brief is one self-contained page: no script, no external resource, every chart inline.
    @Test func briefIsSelfContained() throws {
        let html = try String(contentsOfFile: BriefFixture.directory + "/baseline/brief.html", encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(
            !html.contains("<script") && !html.contains("<img") && !html.contains("src=\"http")
                && !html.contains("href=\"http"))
        // 25 fan charts + 3 panel charts + a Shapley waterfall for each of the 20 districts not advanced + the network chart
        #expect(html.components(separatedBy: "<svg ").count - 1 == 49)
        #expect(html.contains("Data caveat"))
        #expect(html.contains("Under this scenario Oakland becomes advanced in"))
        let compare = try String(contentsOfFile: BriefFixture.directory + "/compare/brief.html", encoding: .utf8)
        #expect(compare.contains("Under combined-package, Chicago becomes advanced"))
    }

    /// Headless Chromium renders the brief to a PNG without errors, and its DOM holds every chart.
    @Test(.tags(.chromium), .enabled(if: Tools.chromium, "needs chromium (CI installs it)"))
    func briefRendersInABrowser() throws {
        let dir = BriefFixture.directory
        for name in ["baseline", "compare"] {
            let png = dir + "/\(name).png"
            let shot = try Tools.run(
                "chromium",
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--screenshot=\(png)", "--window-size=1100,2000", "file://\(dir)/\(name)/brief.html",
                ])
            #expect(shot.status == 0, "\(shot.stderr)")
            let size = (try FileManager.default.attributesOfItem(atPath: png)[.size] as? Int) ?? 0
            #expect(size > 20_000, "screenshot of \(size) bytes")
            #expect(!shot.stderr.contains("Uncaught") && !shot.stderr.contains("ERR_FILE_NOT_FOUND"), "\(shot.stderr)")
        }
        let dom = try Tools.run(
            "chromium",
            ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://\(dir)/baseline/brief.html"])
        #expect(dom.status == 0)
        #expect(dom.stdout.components(separatedBy: "<svg ").count - 1 == 49)  // as briefIsSelfContained counts them
    }

    /// The exported notebook validates against nbformat and runs top to bottom.
    @Test(
        .tags(.jupyter), .enabled(if: Tools.jupyter, "needs jupyter, nbformat, pandas, matplotlib (CI installs them)"))
    func exportedNotebookValidatesAndRuns() throws {
        let dir = BriefFixture.directory
        for name in ["baseline", "compare", "describe"] {
            let notebook = dir + "/notebooks/\(name).ipynb"
            let export = try CLI.run(["export-notebook", dir + "/\(name)", "--out", notebook])
            #expect(export.status == 0, "\(export.stderr)")
            let validate = try Tools.run(
                "python3",
                ["-c", "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", notebook])
            #expect(validate.status == 0, "\(validate.stderr)")
            let execute = try Tools.run(
                "jupyter",
                ["nbconvert", "--to", "notebook", "--execute", notebook, "--output", "\(name)-executed.ipynb"])
            #expect(execute.status == 0, "\(execute.stderr)")
        }
    }

    /// The committed baseline notebook is valid and points at the baseline run's folder.
    @Test(.tags(.jupyter)) func committedNotebookIsValid() throws {
        let path = CLI.repository + "/notebooks-export/baseline.ipynb"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("RESULTS = Path(\\\"../Results/baseline\\\")"))
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect(json["nbformat"] as? Int == 4 && (json["cells"] as! [Any]).count >= 6)
        if Tools.jupyter {
            let validate = try Tools.run(
                "python3",
                ["-c", "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", path])
            #expect(validate.status == 0, "\(validate.stderr)")
        }
    }

    @Test func exportNeedsAResultsFolder() throws {
        let dir = try CLI.temporaryDirectory()
        let run = try CLI.run(["export-notebook", dir, "--out", dir + "/x.ipynb"])
        #expect(run.status == 1 && run.stderr.contains("no results here"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/x.ipynb"))
    }
}
