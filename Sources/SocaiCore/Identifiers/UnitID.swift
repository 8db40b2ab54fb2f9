/// The stable ASCII id of a unit (`sop-cop`), what the journal stores in `subject`.
///
/// Names change (a district committee becomes a town committee), ids never do, so every event
/// refers to units by id and the name is looked up at the date asked about.
public struct UnitID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts lowercase ASCII letters and digits in kebab-case groups, 1–64 characters.
    public init?(_ rawValue: String) {
        guard UnitID.isValid(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// An id read back from an image the fold wrote (checked when it was recorded).
    init(trusted rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    public static func < (a: UnitID, b: UnitID) -> Bool { a.rawValue < b.rawValue }

    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 64, bytes.first != 0x2D, bytes.last != 0x2D else { return false }
        var previousWasDash = false
        for byte in bytes {
            let isDash = byte == 0x2D
            guard isDash || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) else { return false }
            if isDash && previousWasDash { return false }
            previousWasDash = isDash
        }
        return true
    }
}
