import Testing

extension Tag {
    /// Takes more than a few seconds in a debug build (runs the binary end to end many times, or
    /// projects large panels): `swift test --skip … ` or filter on it to iterate quickly.
    @Tag public static var slow: Self
    /// Needs Chromium (headless rendering of the brief); skipped without it unless under CI.
    @Tag public static var chromium: Self
    /// Needs Jupyter (nbconvert executes the exported notebook); skipped without it unless under CI.
    @Tag public static var jupyter: Self
}
