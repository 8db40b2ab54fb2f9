/// Little-endian fixed-width writing and bounds-checked reading: the snapshot format's bytes.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func i32(_ v: Int32) { u32(UInt32(bitPattern: v)) }
    mutating func i64(_ v: Int64) { u64(UInt64(bitPattern: v)) }
    mutating func string(_ s: String) {
        let utf8 = Array(s.utf8)
        u32(UInt32(utf8.count))
        bytes.append(contentsOf: utf8)
    }
    mutating func raw(_ r: UnsafeRawBufferPointer) { bytes.append(contentsOf: r) }
}

/// Reads what `ByteWriter` wrote, failing (never trapping) on short or malformed input.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    struct Short: Error {}

    mutating func take(_ n: Int) throws(Short) -> UnsafeRawBufferPointer {
        guard n >= 0, offset + n <= bytes.count else { throw Short() }
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + n)])
    }

    mutating func u8() throws(Short) -> UInt8 { try take(1)[0] }
    mutating func u16() throws(Short) -> UInt16 { UInt16(littleEndian: try take(2).loadUnaligned(as: UInt16.self)) }
    mutating func u32() throws(Short) -> UInt32 { UInt32(littleEndian: try take(4).loadUnaligned(as: UInt32.self)) }
    mutating func u64() throws(Short) -> UInt64 { UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self)) }
    mutating func i32() throws(Short) -> Int32 { Int32(bitPattern: try u32()) }
    mutating func i64() throws(Short) -> Int64 { Int64(bitPattern: try u64()) }
    mutating func string() throws(Short) -> String {
        let n = Int(try u32())
        guard let s = String(validating: try take(n), as: UTF8.self) else { throw Short() }
        return s
    }
}
