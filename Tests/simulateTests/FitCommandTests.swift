import Foundation
import Testing

@Suite struct FitCommandTests {
    @Test func fitsTheShippedPanel() throws {
        let out = try CLI.temporaryDirectory()
        let run = try CLI.run(["fit", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("variance components by REML"))
        #expect(run.stdout.contains("penalty λ"))
        let lines = try String(contentsOfFile: out + "/fit.csv", encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "district,element,level,slope,slope_sd")
        #expect(lines.count == 1 + 25 * 36)
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",")
            let level = Double(fields[fields.count - 3])!
            let sd = Double(fields[fields.count - 1])!
            #expect((1...5).contains(level) && sd > 0)
        }
    }

    @Test func fitsAMadeUpFramework() throws {
        let out = try CLI.temporaryDirectory()
        let run = try CLI.run([
            "fit", "--framework", "Tests/PortfolioKitTests/Fixtures/tiny/framework.json",
            "--data", "Tests/PortfolioKitTests/Fixtures/agreement/panel.csv", "--out", out,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Alpha") && run.stdout.contains("D5"))
        let csv = try String(contentsOfFile: out + "/fit.csv", encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 1 + 40)
    }

    /// One snapshot per district: no trend can be estimated; a located message, nothing written.
    @Test func panelWithoutTimeVariationIsAClearError() throws {
        let dir = try CLI.temporaryDirectory()
        try "district,year,element,score\nNorth,2020,a1,1\nNorth,2020,b1,1\nNorth,2020,c1,1\n"
            .write(toFile: dir + "/p.csv", atomically: true, encoding: .utf8)
        let run = try CLI.run(
            [
                "fit", "--framework", CLI.repository + "/Tests/PortfolioKitTests/Fixtures/tiny/framework.json",
                "--data", "p.csv", "--out", dir + "/out",
            ], in: dir)
        #expect(run.status == 1)
        #expect(run.stderr.contains("p.csv: error:") && run.stderr.contains("two different years"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    @Test func synthWritesALoadablePanel() throws {
        let dir = try CLI.temporaryDirectory()
        let run = try CLI.run([
            "synth", "--districts", "4", "--years", "2010-2013", "--seed", "9", "--out", dir + "/p.csv",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let again = try CLI.run([
            "synth", "--districts", "4", "--years", "2010-2013", "--seed", "9", "--out", dir + "/q.csv",
        ])
        #expect(again.status == 0)
        let p = try String(contentsOfFile: dir + "/p.csv", encoding: .utf8)
        #expect(p == (try String(contentsOfFile: dir + "/q.csv", encoding: .utf8)))
        #expect(p.split(separator: "\n").count == 1 + 4 * 36 * 4)
        let fit = try CLI.run(["fit", "--data", dir + "/p.csv", "--out", dir + "/fit"])
        #expect(fit.status == 0, "\(fit.stderr)")
    }
}

@Suite struct BacktestCommandTests {
    @Test func backtestsTheShippedPanel() throws {
        let out = try CLI.temporaryDirectory()
        let run = try CLI.run(["backtest", "--draws", "40", "--out", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Rolling-origin backtest: cut years 2014, 2015"))
        #expect(run.stdout.contains("Events: Scenarios/data/events.csv"))
        let lines = try String(contentsOfFile: out + "/backtest.csv", encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "model,horizon,measure,score,n")
        let models = lines.dropFirst().map { $0.split(separator: ",")[0] }
        for m in ["last-value", "last-plus-mean-change", "markov"] { #expect(models.contains(Substring(m))) }
        let svg = try String(contentsOfFile: out + "/coverage-by-horizon.svg", encoding: .utf8)
        #expect(svg.contains("<title>80% coverage by horizon</title>"))
    }

    @Test func backtestsAMadeUpFramework() throws {
        let out = try CLI.temporaryDirectory()
        let run = try CLI.run([
            "backtest", "--framework", "Tests/PortfolioKitTests/Fixtures/tiny/framework.json",
            "--data", "Tests/PortfolioKitTests/Fixtures/agreement/panel.csv",
            "--horizon", "2", "--draws", "30", "--models", "markov,last-value", "--out", out,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = try String(contentsOfFile: out + "/backtest.csv", encoding: .utf8).split(separator: "\n")
        #expect(Set(lines.dropFirst().map { $0.split(separator: ",")[0] }) == ["markov", "last-value"])
        #expect(lines[1].hasPrefix("markov,1,"))
        #expect(run.stdout.contains("Events: none"))
    }

    @Test func unknownModelIsAnErrorListingTheKnownOnes() throws {
        let out = try CLI.temporaryDirectory() + "/bt"
        let run = try CLI.run(["backtest", "--models", "last-value,crystal-ball", "--out", out])
        #expect(run.status != 0)
        #expect(
            run.stderr.contains("\"crystal-ball\"")
                && run.stderr.contains(
                    "known models: integer-pace, pooled-drift, last-value, last-plus-mean-change, markov")
        )
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func panelWithoutACutYearIsAnError() throws {
        let dir = try CLI.temporaryDirectory()
        var csv = "district,year,element,score\n"
        for year in [2010, 2011] {
            for e in ["a1", "a2", "a3", "b1", "b2", "c1", "c2", "c3"] { csv += "D1,\(year),\(e),1\n" }
        }
        try csv.write(toFile: dir + "/panel.csv", atomically: true, encoding: .utf8)
        let run = try CLI.run([
            "backtest", "--framework", "Tests/PortfolioKitTests/Fixtures/tiny/framework.json",
            "--data", dir + "/panel.csv", "--out", dir + "/bt",
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains(dir + "/panel.csv: error: no usable cut year") && run.stderr.contains("2010, 2011"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/bt"))
    }
}
