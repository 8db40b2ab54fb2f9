/// xxHash64: a fast non-cryptographic checksum for snapshot files.
///
/// Snapshots are derived data: what they need is to notice a torn or bit-rotted file cheaply
/// (several GB/s), not to resist an adversary; the journal's chain hash does that.
public enum XXHash64 {
    static let p1: UInt64 = 11_400_714_785_074_694_791
    static let p2: UInt64 = 14_029_467_366_897_019_727
    static let p3: UInt64 = 1_609_587_929_392_839_161
    static let p4: UInt64 = 9_650_029_242_287_828_579
    static let p5: UInt64 = 2_870_177_450_012_600_261

    @inline(__always) static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }
    @inline(__always) static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        rotl(acc &+ input &* p2, 31) &* p1
    }
    @inline(__always) static func merge(_ acc: UInt64, _ value: UInt64) -> UInt64 {
        (acc ^ round(0, value)) &* p1 &+ p4
    }

    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let n = bytes.count
        var i = 0
        var h: UInt64
        @inline(__always) func u64(_ at: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        @inline(__always) func u32(_ at: Int) -> UInt64 { UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
        if n >= 32 {
            var v1 = seed &+ p1 &+ p2, v2 = seed &+ p2, v3 = seed, v4 = seed &- p1
            while i + 32 <= n {
                v1 = round(v1, u64(i)); v2 = round(v2, u64(i + 8)); v3 = round(v3, u64(i + 16)); v4 = round(v4, u64(i + 24))
                i += 32
            }
            h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            h = merge(h, v1); h = merge(h, v2); h = merge(h, v3); h = merge(h, v4)
        } else {
            h = seed &+ p5
        }
        h = h &+ UInt64(n)
        return finish(h, UnsafeRawBufferPointer(rebasing: bytes[i...]))
    }

    public static func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }
}

extension XXHash64 {
    /// xxHash64 over data that arrives in pieces (a file read in chunks); equal to `hash` of the whole.
    public struct Streaming: Sendable {
        private var v1: UInt64, v2: UInt64, v3: UInt64, v4: UInt64
        private let seed: UInt64
        private var total: UInt64 = 0
        private var pending: [UInt8] = []

        public init(seed: UInt64 = 0) {
            self.seed = seed
            v1 = seed &+ XXHash64.p1 &+ XXHash64.p2
            v2 = seed &+ XXHash64.p2
            v3 = seed
            v4 = seed &- XXHash64.p1
        }

        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            total &+= UInt64(bytes.count)
            var i = 0
            if !pending.isEmpty {
                let take = min(32 - pending.count, bytes.count)
                pending.append(contentsOf: bytes[0..<take])
                i = take
                if pending.count == 32 {
                    pending.withUnsafeBytes { stripe($0, at: 0) }
                    pending.removeAll(keepingCapacity: true)
                }
            }
            while i + 32 <= bytes.count {
                stripe(bytes, at: i)
                i += 32
            }
            if i < bytes.count { pending.append(contentsOf: bytes[i...]) }
        }

        private mutating func stripe(_ bytes: UnsafeRawBufferPointer, at i: Int) {
            @inline(__always) func u64(_ at: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
            v1 = XXHash64.round(v1, u64(i)); v2 = XXHash64.round(v2, u64(i + 8))
            v3 = XXHash64.round(v3, u64(i + 16)); v4 = XXHash64.round(v4, u64(i + 24))
        }

        public func finalize() -> UInt64 {
            var h: UInt64
            if total >= 32 {
                h = XXHash64.rotl(v1, 1) &+ XXHash64.rotl(v2, 7) &+ XXHash64.rotl(v3, 12) &+ XXHash64.rotl(v4, 18)
                h = XXHash64.merge(h, v1); h = XXHash64.merge(h, v2); h = XXHash64.merge(h, v3); h = XXHash64.merge(h, v4)
            } else {
                h = seed &+ XXHash64.p5
            }
            h = h &+ total
            return pending.withUnsafeBytes { XXHash64.finish(h, $0) }
        }
    }

    /// The last up to 31 bytes and the avalanche, shared by the one-shot and streaming forms.
    static func finish(_ start: UInt64, _ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = start
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            h ^= round(0, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            h = rotl(h, 27) &* p1 &+ p4
            i += 8
        }
        if i + 4 <= n {
            h ^= UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt32.self))) &* p1
            h = rotl(h, 23) &* p2 &+ p3
            i += 4
        }
        while i < n {
            h ^= UInt64(bytes[i]) &* p5
            h = rotl(h, 11) &* p1
            i += 1
        }
        h ^= h >> 33; h = h &* p2; h ^= h >> 29; h = h &* p3; h ^= h >> 32
        return h
    }
}
