// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PortfolioForecast",
    products: [
        .executable(name: "simulate", targets: ["simulate"]),
        .library(name: "PortfolioKit", targets: ["PortfolioKit"]),
        .library(name: "LinearAlgebra", targets: ["LinearAlgebra"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Reading .xlsx workbooks: the zip container and the XML inside it.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/drmohundro/SWXMLHash", from: "8.1.1"),
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
        .target(
            name: "PortfolioKit",
            dependencies: [
                "LinearAlgebra",
                "ProjectionKernel",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SWXMLHash", package: "SWXMLHash"),
            ]
        ),
        .executableTarget(
            name: "simulate",
            dependencies: [
                "PortfolioKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark harness's engine side (Benchmarks/run.sh); not part of the product.
        .executableTarget(
            name: "benchmark",
            dependencies: [
                "PortfolioKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/Sources/benchmark"
        ),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(
            name: "PortfolioKitTests",
            dependencies: ["PortfolioKit"],
            exclude: ["Fixtures"]
        ),
        // End-to-end: runs the built `simulate` binary as a user would.
        .testTarget(name: "simulateTests", dependencies: ["simulate", "PortfolioKit"], exclude: ["Fixtures"]),
    ]
)
