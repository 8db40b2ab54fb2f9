/// Opens image bytes: checks the magic, version and directory, and hands out columns in place.
///
/// Opening reads the header and the directory only (O(columns)); `verifyChecksum` reads every
/// byte and is for `socai verify` and `socai snapshot`, not for each question.
public struct ImageReader: Sendable {
    public struct Invalid: Error, Sendable, Hashable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    public let storage: ImageStorage
    public let header: JSONObject
    private let directory: [UInt32: (elementSize: Int, offset: Int, count: Int)]

    public init(_ storage: ImageStorage) throws(Invalid) {
        self.storage = storage
        let bytes = storage.bytes
        func u64(_ at: Int) throws(Invalid) -> UInt64 {
            guard at >= 0, at + 8 <= bytes.count else { throw Invalid(reason: "the image is cut short") }
            return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        }
        guard bytes.count >= 32, Array(bytes[0..<8]) == ImageFormat.magic else { throw Invalid(reason: "not a socai image") }
        let version = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        guard version == ImageFormat.version else {
            throw Invalid(reason: "image format version \(version), this socai reads version \(ImageFormat.version)")
        }
        let headerLength = Int(clamping: try u64(ImageFormat.headerLengthOffset))
        let headerStart = ImageFormat.headerLengthOffset + 8
        guard headerLength >= 0, headerStart + headerLength <= bytes.count,
              case .object(let object)? = try? JSONParser.parse(UnsafeRawBufferPointer(rebasing: bytes[headerStart..<(headerStart + headerLength)])) else {
            throw Invalid(reason: "the image header is not readable")
        }
        guard object["vocabulary"]?.string == ImageFormat.vocabulary else {
            throw Invalid(reason: "the image was written by a socai with other lists of figures, event types or kinds")
        }
        header = object
        let directoryStart = ImageWriter.align(headerStart + headerLength, 8)
        let count = Int(clamping: try u64(directoryStart))
        guard count >= 0, count < 10_000, directoryStart + 8 + count * ImageFormat.directoryEntrySize <= bytes.count else {
            throw Invalid(reason: "the image directory is damaged")
        }
        var directory: [UInt32: (Int, Int, Int)] = [:]
        for i in 0..<count {
            let entry = directoryStart + 8 + i * ImageFormat.directoryEntrySize
            let id = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: entry, as: UInt32.self))
            let size = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: entry + 4, as: UInt32.self)))
            let offset = Int(clamping: try u64(entry + 8)), n = Int(clamping: try u64(entry + 16))
            let (length, overflow) = size.multipliedReportingOverflow(by: n)
            guard size > 0, offset >= 0, n >= 0, !overflow, offset % 16 == 0, offset <= bytes.count, length <= bytes.count - offset else {
                throw Invalid(reason: "the image directory entry \(id) points outside the image")
            }
            directory[id] = (size, offset, n)
        }
        self.directory = directory
    }

    /// A column, or an empty one when the image has none with that id.
    public func column<T: BitwiseCopyable>(_ id: ColumnID, as: T.Type = T.self) throws(Invalid) -> Column<T> {
        guard let entry = directory[id.rawValue] else { return .empty }
        guard entry.elementSize == MemoryLayout<T>.stride else {
            throw Invalid(reason: "image column \(id) has \(entry.elementSize)-byte values, expected \(MemoryLayout<T>.stride)")
        }
        guard entry.count > 0, let base = storage.bytes.baseAddress else { return .empty }
        return Column(base: base.advanced(by: entry.offset).assumingMemoryBound(to: T.self), count: entry.count)
    }

    /// Whether every byte after the checksum field is as written.
    public func verifyChecksum() -> Bool {
        let bytes = storage.bytes
        let stored = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: ImageFormat.checksumOffset, as: UInt64.self))
        return XXHash64.hash(UnsafeRawBufferPointer(rebasing: bytes[ImageFormat.headerLengthOffset...])) == stored
    }
}
