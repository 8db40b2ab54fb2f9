/// Reads whole counts as clerks and documents write them: `5275`, `5.275` (Vietnamese grouping),
/// `5,275` (English grouping), `4 014`. Grouping must be in threes, so `15.2` is not a count.
public enum CountParser {
    public static func parse(_ text: String) -> Int? {
        let bytes = Array(text.utf8).filter { $0 != 0x20 }
        guard !bytes.isEmpty else { return nil }
        var negative = false
        var body = bytes[...]
        if body.first == 0x2D || body.first == 0x2B {
            negative = body.first == 0x2D
            body = body.dropFirst()
        }
        guard !body.isEmpty else { return nil }
        var groups: [[UInt8]] = [[]]
        var separator: UInt8?
        for byte in body {
            if byte >= 0x30 && byte <= 0x39 {
                groups[groups.count - 1].append(byte)
            } else if byte == 0x2E || byte == 0x2C {
                if let separator, separator != byte { return nil }
                separator = byte
                groups.append([])
            } else {
                return nil
            }
        }
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let digits = groups.flatMap { $0 }
        guard !digits.isEmpty, digits.count <= 15 else { return nil }
        var value = 0
        for d in digits { value = value * 10 + Int(d - 0x30) }
        return negative ? -value : value
    }
}
