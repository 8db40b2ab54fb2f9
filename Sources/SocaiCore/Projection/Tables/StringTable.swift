/// Every text an image's rows refer to, stored once: offsets into one byte column.
public struct StringTable: Sendable {
    let offsets: Column<UInt64>
    let bytes: Column<UInt8>

    init(_ image: ImageReader) throws(ImageReader.Invalid) {
        offsets = try image.column(.stringOffsets)
        bytes = try image.column(.stringBytes)
        guard offsets.count >= 1, Int(offsets[offsets.count - 1]) <= bytes.count else {
            throw ImageReader.Invalid(reason: "the image's strings are damaged")
        }
    }

    public var count: Int { max(0, offsets.count - 1) }

    /// The UTF-8 bytes of string `i` (empty for an index out of range).
    public func utf8(_ i: UInt32) -> UnsafeBufferPointer<UInt8> {
        let i = Int(i)
        guard i + 1 < offsets.count, let base = bytes.base else { return UnsafeBufferPointer(start: nil, count: 0) }
        let a = Int(offsets[i]), b = Int(offsets[i + 1])
        guard a <= b, b <= bytes.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: base + a, count: b - a)
    }

    public func string(_ i: UInt32) -> String { String(decoding: utf8(i), as: UTF8.self) }
}
