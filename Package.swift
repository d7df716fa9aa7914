// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PortfolioForecast",
    products: [
        .executable(name: "simulate", targets: ["simulate"]),
        .library(name: "PortfolioKit", targets: ["RatingsData", "Forecasting", "Policy", "Reports", "Pipeline"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Reading .xlsx workbooks: the zip container and the XML inside it.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/drmohundro/SWXMLHash", from: "8.1.1"),
        // Tests only: approximate equality with stated tolerances.
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        // OpenBLAS (BLAS + LAPACK) as a system library. Only `LinearAlgebra` imports it.
        .systemLibrary(
            name: "CLAPACK",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "pkg-config"])]
        ),
        .target(name: "LinearAlgebra", dependencies: ["CLAPACK"]),
        // The projection's element step in AVX, for CPUs that have it (chosen at run time).
        .target(name: "ProjectionKernel"),
        // The pipeline, one target per stage (SwiftPM keeps the edges one way):
        // ratings data → forecasting → policy → reports → pipeline, and the thin `simulate` on top.
        // Ratings data: parsing, located diagnostics, the framework, panels, the paper's measures,
        // spreadsheets and seeded random numbers. No BLAS.
        .target(
            name: "RatingsData",
            dependencies: [
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SWXMLHash", package: "SWXMLHash"),
            ]
        ),
        // Forecasting: the trajectory fit, the projection, the backtest's models and scores,
        // synthetic panels, and the plan a projection reads.
        .target(name: "Forecasting", dependencies: ["RatingsData", "LinearAlgebra", "ProjectionKernel"]),
        // Policy: levers, scenarios, comparison, calibration and sticking-point attribution.
        .target(name: "Policy", dependencies: ["RatingsData", "Forecasting", "LinearAlgebra"]),
        // Reports: CSV, SVG, the HTML brief, the notebook, the manifest and the output folder.
        .target(name: "Reports", dependencies: ["RatingsData", "Forecasting", "Policy"]),
        // Pipeline: each command's load → fit → project → attribute → report as a library type.
        .target(name: "Pipeline", dependencies: ["RatingsData", "Forecasting", "Policy", "Reports"]),
        .executableTarget(
            name: "simulate",
            dependencies: [
                "RatingsData", "Forecasting", "Policy", "Reports", "Pipeline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark harness's engine side (Benchmarks/run.sh); not part of the product.
        .executableTarget(
            name: "benchmark",
            dependencies: [
                "RatingsData", "Forecasting", "Policy", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/Sources/benchmark"
        ),
        // What the test targets share: a process runner, the repository's paths, one clean-failure
        // check, tags for slow and tool-dependent tests.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "LinearAlgebraTests",
            dependencies: ["LinearAlgebra", "TestSupport", .product(name: "Numerics", package: "swift-numerics")]
        ),
        .testTarget(
            name: "PortfolioKitTests",
            dependencies: [
                "RatingsData", "Forecasting", "Policy", "Reports", "Pipeline", "TestSupport",
                .product(name: "Numerics", package: "swift-numerics"),
            ],
            exclude: ["Fixtures"]
        ),
        // End-to-end: runs the built `simulate` binary as a user would.
        .testTarget(
            name: "simulateTests", dependencies: ["simulate", "RatingsData", "TestSupport"], exclude: ["Fixtures"]),
    ]
)
