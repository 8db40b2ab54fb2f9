#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Values made from byte strings that repeat from line to line (a journal's source, the clerk who
/// recorded, the source document, unit ids), made once and then found by their bytes.
///
/// Reading a million lines must not build a million copies of the same few strings: a lookup
/// hashes the bytes where they lie and compares them with the stored ones, with no heap traffic.
/// The keys live in one byte arena and each slot carries part of its key's hash, so a lookup
/// touches few cache lines. The table stops growing at `capacity` distinct values; past that,
/// values are made afresh.
struct ByteInterner<Value> {
    /// Every key's bytes, one after another.
    private var arena: [UInt8] = []
    /// Per key: where its bytes start in `arena`, how many there are, and its value (side by
    /// side, so a hit reads one entry).
    private var entries: [(start: Int32, count: Int32, value: Value)] = []
    /// Open addressing: the high 32 bits of a key's hash (never 0) beside its index + 1; 0 is empty.
    /// Allocated on first use: a reader made for one line (the writer's read-back) allocates nothing.
    private var slots: [UInt64] = []
    private let capacity: Int

    init(capacity: Int = 16384) {
        self.capacity = capacity
    }

    /// The value for `bytes`, made by `make` the first time (nil from `make` is not remembered).
    @inline(__always)
    mutating func value(_ bytes: UnsafeRawBufferPointer, make: (UnsafeRawBufferPointer) -> Value?) -> Value? {
        if slots.isEmpty { slots = [UInt64](repeating: 0, count: 64) }
        let hash = Self.hash(bytes)
        let tag = UInt64(UInt32(truncatingIfNeeded: hash &>> 32) | 1) &<< 32
        let mask = slots.count &- 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            if entry & 0xFFFF_FFFF_0000_0000 == tag {
                let index = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) &- 1
                let found = entries[index]
                if Int(found.count) == bytes.count, Self.arenaMatches(arena, found.start, bytes) { return found.value }
            }
            slot = (slot &+ 1) & mask
        }
        guard let value = make(bytes) else { return nil }
        guard entries.count < capacity, arena.count + bytes.count < Int(Int32.max) else { return value }
        entries.append((Int32(arena.count), Int32(bytes.count), value))
        arena.append(contentsOf: bytes)
        slots[slot] = tag | UInt64(entries.count)
        if entries.count &* 2 > slots.count { grow() }
        return value
    }

    @inline(__always)
    private static func arenaMatches(_ arena: [UInt8], _ start: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count == 0 || arena.withUnsafeBytes { ByteCursor.equal($0.baseAddress! + Int(start), bytes.baseAddress!, bytes.count) }
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for entry in slots where entry != 0 {
            let index = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
            let span = entries[index]
            let hash = arena.withUnsafeBytes { Self.hash(UnsafeRawBufferPointer(rebasing: $0[Int(span.start)..<Int(span.start + span.count)])) }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = entry
        }
        slots = bigger
    }

    @inline(__always)
    static func equal(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Bool {
        a.count == b.count && b.withUnsafeBytes { a.count == 0 || ByteCursor.equal(a.baseAddress!, $0.baseAddress!, a.count) }
    }

    /// A multiplicative hash over 8-byte words with MurmurHash3's finaliser: ids and names are
    /// short, so this is a few steps, and every input bit reaches the bits the table uses.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(bytes.count &+ 1)
        var i = 0
        while i &+ 8 <= bytes.count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h &>> 29
            i &+= 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < bytes.count {
            tail |= UInt64(bytes[i]) &<< shift
            shift &+= 8
            i &+= 1
        }
        h ^= tail
        h = (h ^ (h &>> 33)) &* 0xFF51_AFD7_ED55_8CCD
        h = (h ^ (h &>> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h &>> 33)
    }
}
