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

    /// ", found NAME: rename it back to SEGMENT" when a file in the directory looks like `segment`
    /// renamed (`segment-00000002.jsonl.bak`, `segment-00000002.old`), else "".
    static func renamedHint(_ segment: String, among names: [String]) -> String {
        let stem = String(segment.dropLast(suffix.count))
        let candidates = names.filter {
            $0 != segment && $0.hasPrefix(stem) && !$0.hasSuffix(".seal") && !$0.contains(".quarantine-")
        }
        guard !candidates.isEmpty else { return "" }
        return "; found \(candidates.joined(separator: ", ")): rename it back to \(segment)"
    }
}
