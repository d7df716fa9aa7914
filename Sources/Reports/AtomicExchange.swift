import Forecasting
import Foundation
import Policy
import RatingsData

/// Linux's `renameat2(…, RENAME_EXCHANGE)`: swap two paths in one atomic step. Glibc declares it
/// only under `_GNU_SOURCE`, which Swift's Glibc module does not see, so it is looked up once at
/// run time; false when it is missing or the file system refuses (the caller falls back).
enum AtomicExchange {
    private typealias Function =
        @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    private static let renameat2: Function? = {
        // RTLD_DEFAULT.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
    }()
    /// RENAME_EXCHANGE from <linux/fs.h>.
    private static let exchangeFlag: UInt32 = 1 << 1

    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 else { return false }
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, exchangeFlag) == 0
    }
}
