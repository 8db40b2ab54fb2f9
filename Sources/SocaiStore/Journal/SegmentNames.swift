import SocaiCore

/// How segment files are named: `segment-00000001.jsonl`, so `ls` order is journal order, and
/// how quarantine files beside them are named.
enum SegmentNames {
    static let prefix = "segment-"
    static let suffix = ".jsonl"

    static func name(_ ordinal: Int) -> String {
        let digits = String(ordinal)
        return prefix + String(repeating: "0", count: max(0, 8 - digits.count)) + digits + suffix
    }

    /// The number in `segment-NNNNNNNN.jsonl` (exactly eight ASCII digits), read from the bytes:
    /// every append lists the journal's directory and asks this of each name.
    static func ordinal(_ name: String) -> Int? {
        let bytes = name.utf8
        guard bytes.count == prefix.utf8.count + 8 + suffix.utf8.count,
              bytes.starts(with: prefix.utf8), bytes.reversed().starts(with: suffix.utf8.reversed()) else { return nil }
        var value = 0
        for byte in bytes.dropFirst(prefix.utf8.count).prefix(8) {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    static func quarantine(segment: String, stamp: String) -> String {
        segment + ".quarantine-" + stamp
    }

    /// "; found NAME: rename it back to SEGMENT" when a file in the directory looks like `segment`
    /// renamed (`segment-00000002.jsonl.bak`, `segment-00000002.old`), else "".
    static func renamedHint(_ segment: String, among names: [String]) -> LocalizedText {
        let stem = String(segment.dropLast(suffix.count))
        let candidates = names.filter {
            $0 != segment && $0.hasPrefix(stem) && !$0.hasSuffix(".seal") && !$0.contains(".quarantine-")
        }
        guard !candidates.isEmpty else { return LocalizedText("") }
        return DamageText.renamedHint(["candidates": candidates.joined(separator: ", "), "segment": segment])
    }
}
