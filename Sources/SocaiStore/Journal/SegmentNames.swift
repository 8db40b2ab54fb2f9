/// How segment files are named: `segment-00000001.jsonl`, so `ls` order is journal order, and
/// how quarantine files beside them are named.
enum SegmentNames {
    static let prefix = "segment-"
    static let suffix = ".jsonl"

    static func name(_ ordinal: Int) -> String {
        let digits = String(ordinal)
        return prefix + String(repeating: "0", count: max(0, 8 - digits.count)) + digits + suffix
    }

    static func ordinal(_ name: String) -> Int? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let middle = name.dropFirst(prefix.count).dropLast(suffix.count)
        guard middle.count == 8, middle.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(middle)
    }

    static func quarantine(segment: String, stamp: String) -> String {
        segment + ".quarantine-" + stamp
    }
}
