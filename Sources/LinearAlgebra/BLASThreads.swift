import CLAPACK

/// Control of OpenBLAS's thread pool.
///
/// With two threads OpenBLAS's `dgels` and `ddot` differ from one thread in the
/// last bits; pin the count where outputs must be byte-identical across runs.
public enum BLASThreads {
    /// Set the number of threads OpenBLAS uses for subsequent calls.
    public static func set(_ count: Int) {
        openblas_set_num_threads(Int32(max(1, count)))
    }

    /// The number of threads OpenBLAS will use.
    public static var current: Int { Int(openblas_get_num_threads()) }
}
