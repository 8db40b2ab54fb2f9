/// The bytes of a projection image, in memory or mapped from a file, kept alive as long as any
/// table reads them.
///
/// SocaiCore does no I/O: a freshly folded image lives in memory allocated here, and a mapped one
/// is handed in by SocaiStore with the function that unmaps it. Either way every table of a
/// `Projection` reads these bytes in place (LMDB's and Arrow IPC's idea: the file *is* the data
/// structure, so opening costs O(1) and a question touches only the pages on its path).
public final class ImageStorage: @unchecked Sendable {
    public let bytes: UnsafeRawBufferPointer
    private let release: @Sendable (UnsafeRawBufferPointer) -> Void

    /// Bytes someone else owns (a mapping), released by `release` when the last reader is gone.
    public init(bytes: UnsafeRawBufferPointer, release: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) {
        self.bytes = bytes
        self.release = release
    }

    /// Fresh zeroed memory of `count` bytes, 16-byte aligned, freed with the storage.
    static func allocate(_ count: Int) -> (ImageStorage, UnsafeMutableRawPointer) {
        let pointer = UnsafeMutableRawPointer.allocate(byteCount: max(count, 16), alignment: 16)
        pointer.initializeMemory(as: UInt8.self, repeating: 0, count: max(count, 16))
        let storage = ImageStorage(bytes: UnsafeRawBufferPointer(start: pointer, count: count)) { bytes in
            bytes.baseAddress.map { UnsafeMutableRawPointer(mutating: $0).deallocate() }
        }
        return (storage, pointer)
    }

    /// A copy of `bytes` in fresh memory (an image read into memory rather than mapped).
    public static func copy(of bytes: UnsafeRawBufferPointer) -> ImageStorage {
        let (storage, pointer) = allocate(bytes.count)
        if let base = bytes.baseAddress, bytes.count > 0 { pointer.copyMemory(from: base, byteCount: bytes.count) }
        return storage
    }

    deinit { release(bytes) }
}
