import Foundation
import LinearAlgebra
import RatingsData

extension Parallel {
    /// The engine's parallelism is over districts; its BLAS calls are small (K × K systems and
    /// one tall `dsyrk`), where OpenBLAS's extra threads only spin and steal the cores the
    /// districts need. So one BLAS thread, unless the user set `OPENBLAS_NUM_THREADS`.
    public static func useOneBLASThreadUnlessConfigured() {
        if ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] == nil { BLASThreads.set(1) }
    }
}
