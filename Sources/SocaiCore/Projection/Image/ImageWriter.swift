/// Lays columns out as an image (`ImageFormat`): the only code that writes image bytes.
///
/// Columns are handed over as arrays and copied once into one aligned buffer; `finish` drops
/// each array as soon as it is copied, so a large fold does not hold two copies of its rows for
/// longer than one column.
public struct ImageWriter {
    private struct Pending {
        var id: ColumnID
        var elementSize: Int
        var count: Int
        var copy: (UnsafeMutableRawPointer) -> Void
    }

    private var pending: [Pending] = []

    public init() {}

    /// Adds a column of fixed-width values.
    public mutating func add<T: BitwiseCopyable>(_ id: ColumnID, _ values: [T]) {
        let count = values.count
        pending.append(Pending(id: id, elementSize: MemoryLayout<T>.stride, count: count) { destination in
            values.withUnsafeBytes { source in
                if let base = source.baseAddress { destination.copyMemory(from: base, byteCount: source.count) }
            }
        })
    }

    static func align(_ n: Int, _ to: Int) -> Int { (n + to - 1) / to * to }

    /// The image: header (JSON), directory, columns, and the checksum over all of it.
    public mutating func finish(header: JSONObject) -> ImageStorage {
        let headerBytes = Array(JSONWriter.string(.object(header)).utf8)
        let directoryStart = ImageWriter.align(ImageFormat.headerLengthOffset + 8 + headerBytes.count, 8)
        var offset = ImageWriter.align(directoryStart + 8 + pending.count * ImageFormat.directoryEntrySize, 16)
        var offsets: [Int] = []
        for column in pending {
            offsets.append(offset)
            offset = ImageWriter.align(offset + column.elementSize * column.count, 16)
        }
        let (storage, pointer) = ImageStorage.allocate(offset)
        func put<T: BitwiseCopyable>(_ value: T, at position: Int) {
            withUnsafeBytes(of: value) { pointer.advanced(by: position).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        }
        for (i, byte) in ImageFormat.magic.enumerated() { put(byte, at: i) }
        put(ImageFormat.version.littleEndian, at: 8)
        put(UInt64(headerBytes.count).littleEndian, at: ImageFormat.headerLengthOffset)
        headerBytes.withUnsafeBytes { pointer.advanced(by: ImageFormat.headerLengthOffset + 8).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        put(UInt64(pending.count).littleEndian, at: directoryStart)
        var entry = directoryStart + 8
        for (i, column) in pending.enumerated() {
            put(column.id.rawValue.littleEndian, at: entry)
            put(UInt32(column.elementSize).littleEndian, at: entry + 4)
            put(UInt64(offsets[i]).littleEndian, at: entry + 8)
            put(UInt64(column.count).littleEndian, at: entry + 16)
            entry += ImageFormat.directoryEntrySize
        }
        // Copy and drop each column in turn.
        var columns = pending
        pending = []
        for i in columns.indices {
            columns[i].copy(pointer.advanced(by: offsets[i]))
            columns[i].copy = { _ in }
        }
        let body = UnsafeRawBufferPointer(start: pointer.advanced(by: ImageFormat.headerLengthOffset),
                                          count: offset - ImageFormat.headerLengthOffset)
        put(XXHash64.hash(body).littleEndian, at: ImageFormat.checksumOffset)
        return storage
    }
}
