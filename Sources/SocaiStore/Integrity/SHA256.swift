import CSocaiSHA

/// SHA-256 (FIPS 180-4), written in-tree because CryptoKit is absent on Linux and socai takes no packages.
///
/// The journal hashes every line it reads, so the hot paths are allocation-free: whole blocks are
/// compressed straight from the caller's memory, a partial block waits in inline storage, and
/// finalising pads in that same storage. The compression function runs on the CPU's SHA
/// instructions when it has them (`CSocaiSHA`, x86 SHA-NI: about five times faster), else in plain
/// Swift; both give the same digests (tested against the NIST vectors and against each other).
public struct SHA256: Sendable {
    /// Which compression function a hasher runs.
    public enum Implementation: Sendable, Hashable, CaseIterable {
        /// The CPU's SHA instructions (x86 SHA extensions), through `CSocaiSHA`.
        case hardware
        /// Plain Swift: every CPU.
        case portable

        /// Whether this CPU has the instructions `.hardware` needs (asked once, with cpuid).
        public static let hardwareAvailable = csocai_sha256_hardware_available() != 0

        /// What `SHA256()` uses: the hardware when the CPU has it.
        public static let preferred: Implementation = hardwareAvailable ? .hardware : .portable
    }

    /// The compression function this hasher runs: `.portable` whenever the CPU lacks the
    /// instructions, whatever was asked for.
    public let implementation: Implementation
    /// Kept apart from the pending bytes so a block of them can be compressed without
    /// overlapping access to the whole hasher.
    private var state = State()
    /// A partial block: an inline tuple, so buffering never touches the heap.
    private var pending = Block()
    private var pendingCount = 0
    /// Total bytes seen; FIPS 180-4 limits messages to 2⁶⁴ bits, far beyond any journal.
    private var byteCount: UInt64 = 0

    public init() {
        implementation = .preferred
    }

    /// A hasher on a chosen compression function: for tests and benchmarks that compare the two.
    /// Asking for `.hardware` on a CPU without the instructions gives `.portable`.
    public init(implementation: Implementation) {
        self.implementation = implementation == .hardware && Implementation.hardwareAvailable ? .hardware : .portable
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var source = bytes.baseAddress, bytes.count > 0 else { return }
        var remaining = bytes.count
        byteCount &+= UInt64(truncatingIfNeeded: remaining)

        let implementation = self.implementation
        if pendingCount > 0 {
            let offset = pendingCount
            let take = min(64 &- offset, remaining)
            withUnsafeMutableBytes(of: &pending) { buffer in
                (buffer.baseAddress! + offset).copyMemory(from: source, byteCount: take)
            }
            pendingCount &+= take
            source += take
            remaining &-= take
            guard pendingCount == 64 else { return }
            var state = self.state
            withUnsafeBytes(of: &pending) { state.compress($0.baseAddress!, blocks: 1, implementation) }
            self.state = state
            pendingCount = 0
        }

        let wholeBlocks = remaining &>> 6
        if wholeBlocks > 0 {
            state.compress(source, blocks: wholeBlocks, implementation)
            source += wholeBlocks &<< 6
            remaining &-= wholeBlocks &<< 6
        }

        if remaining > 0 {
            let take = remaining
            withUnsafeMutableBytes(of: &pending) { buffer in
                buffer.baseAddress!.copyMemory(from: source, byteCount: take)
            }
            pendingCount = take
        }
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Hashes the string's UTF-8 bytes, reading native strings in place rather than copying them.
    public mutating func update(_ string: String) {
        let done: Void? = string.utf8.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) }
        if done == nil {
            var copy = string
            copy.withUTF8 { update(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Consuming, because padding writes into the pending block and the hasher is spent afterwards.
    public consuming func finalize() -> SHA256Digest {
        let bitLength = byteCount &* 8
        let used = pendingCount
        let implementation = self.implementation
        var state = self.state
        withUnsafeMutableBytes(of: &pending) { buffer in
            let base = buffer.baseAddress!
            base.storeBytes(of: 0x80, toByteOffset: used, as: UInt8.self)
            if used &+ 1 > 56 {
                // No room for the length: finish this block with zeros and pad a fresh one.
                (base + (used &+ 1)).initializeMemory(as: UInt8.self, repeating: 0, count: 63 &- used)
                state.compress(base, blocks: 1, implementation)
                base.initializeMemory(as: UInt8.self, repeating: 0, count: 56)
            } else {
                (base + (used &+ 1)).initializeMemory(as: UInt8.self, repeating: 0, count: 55 &- used)
            }
            base.storeBytes(of: bitLength.bigEndian, toByteOffset: 56, as: UInt64.self)
            state.compress(base, blocks: 1, implementation)
        }
        return SHA256Digest(state)
    }

    public static func hash(_ bytes: UnsafeRawBufferPointer) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    public static func hash(_ bytes: [UInt8]) -> SHA256Digest {
        bytes.withUnsafeBytes { hash($0) }
    }
}

extension SHA256 {
    /// 64 bytes of inline storage for a partial block.
    fileprivate struct Block: Sendable {
        var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    }

    /// The eight working words as separate properties, so they live in registers rather than behind an array.
    fileprivate struct State: Sendable {
        var h0: UInt32 = 0x6a09e667
        var h1: UInt32 = 0xbb67ae85
        var h2: UInt32 = 0x3c6ef372
        var h3: UInt32 = 0xa54ff53a
        var h4: UInt32 = 0x510e527f
        var h5: UInt32 = 0x9b05688c
        var h6: UInt32 = 0x1f83d9ab
        var h7: UInt32 = 0x5be0cd19

        /// Compresses `blocks` consecutive 64-byte blocks with the chosen compression function.
        @inline(__always)
        mutating func compress(_ data: UnsafeRawPointer, blocks: Int, _ implementation: Implementation) {
            switch implementation {
            case .hardware: compressOnHardware(data, blocks: blocks)
            case .portable: compress(data, blocks: blocks)
            }
        }

        /// The CPU's SHA instructions, on a copy of the words in a tuple (laid out contiguously).
        private mutating func compressOnHardware(_ data: UnsafeRawPointer, blocks: Int) {
            var words = (h0, h1, h2, h3, h4, h5, h6, h7)
            withUnsafeMutableBytes(of: &words) { raw in
                csocai_sha256_compress_hardware(raw.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                                data.assumingMemoryBound(to: UInt8.self), blocks)
            }
            (h0, h1, h2, h3, h4, h5, h6, h7) = words
        }

        /// Compresses `blocks` consecutive 64-byte blocks in plain Swift. The schedule lives on the stack and is
        /// reused for every block, so a long run of blocks allocates nothing. Each word is stored
        /// both bare (for later schedule words) and with its round constant added, which keeps the
        /// constants' pointer out of the round loop and frees a register there.
        mutating func compress(_ data: UnsafeRawPointer, blocks: Int) {
            // The table lives in CSocaiSHA, shared with the hardware version; read through one pointer.
            let k = csocai_sha256_round_constants()!
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 128) { schedule in
                let w = schedule.baseAddress!
                let kw = w + 64
                var block = data
                for _ in 0..<blocks {
                    for i in 0..<16 {
                        let word = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self))
                        w[i] = word
                        kw[i] = word &+ k[i]
                    }
                    for i in 16..<64 {
                        let word = Self.smallSigma1(w[i &- 2]) &+ w[i &- 7]
                            &+ Self.smallSigma0(w[i &- 15]) &+ w[i &- 16]
                        w[i] = word
                        kw[i] = word &+ k[i]
                    }

                    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                    var i = 0
                    while i < 64 {
                        // Eight rounds with the roles of the variables rotated instead of shuffling values.
                        Self.round(a, b, c, &d, e, f, g, &h, kw[i])
                        Self.round(h, a, b, &c, d, e, f, &g, kw[i &+ 1])
                        Self.round(g, h, a, &b, c, d, e, &f, kw[i &+ 2])
                        Self.round(f, g, h, &a, b, c, d, &e, kw[i &+ 3])
                        Self.round(e, f, g, &h, a, b, c, &d, kw[i &+ 4])
                        Self.round(d, e, f, &g, h, a, b, &c, kw[i &+ 5])
                        Self.round(c, d, e, &f, g, h, a, &b, kw[i &+ 6])
                        Self.round(b, c, d, &e, f, g, h, &a, kw[i &+ 7])
                        i &+= 8
                    }

                    h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
                    h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
                    block += 64
                }
            }
        }

        /// One round in the form that leaves every variable but `d` and `h` untouched, so eight calls with
        /// rotated arguments make up a full cycle of the FIPS 180-4 variable shuffle.
        @inline(__always)
        private static func round(
            _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
            _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
            _ kw: UInt32
        ) {
            // `h + kw` first: both are ready before `e`, so only two adds stay on `e`'s path. The order
            // is not cosmetic; others measured 20% slower through different register allocation.
            let t1 = h &+ kw &+ bigSigma1(e) &+ choose(e, f, g)
            let t2 = bigSigma0(a) &+ majority(a, b, c)
            d &+= t1
            h = t1 &+ t2
        }

        @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 {
            (x &>> n) | (x &<< (32 &- n))
        }
        @inline(__always) private static func choose(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 {
            (x & y) ^ (~x & z)
        }
        @inline(__always) private static func majority(_ x: UInt32, _ y: UInt32, _ z: UInt32) -> UInt32 {
            (x & y) ^ (x & z) ^ (y & z)
        }
        @inline(__always) private static func bigSigma0(_ x: UInt32) -> UInt32 {
            rotr(x, 2) ^ rotr(x, 13) ^ rotr(x, 22)
        }
        @inline(__always) private static func bigSigma1(_ x: UInt32) -> UInt32 {
            rotr(x, 6) ^ rotr(x, 11) ^ rotr(x, 25)
        }
        // The schedule is off the rounds' critical path, so these trade latency for fewer instructions:
        // rotr(rotr(x, 11) ^ x, 7) is rotr(x, 7) ^ rotr(x, 18) with one register copy fewer.
        // (The same nesting in the round functions measured slower: there latency is what counts.)
        @inline(__always) private static func smallSigma0(_ x: UInt32) -> UInt32 {
            rotr(rotr(x, 11) ^ x, 7) ^ (x &>> 3)
        }
        @inline(__always) private static func smallSigma1(_ x: UInt32) -> UInt32 {
            rotr(rotr(x, 2) ^ x, 17) ^ (x &>> 10)
        }
    }
}

/// A SHA-256 digest. Stored as eight words rather than an array so digests compare, hash and
/// render without touching the heap.
public struct SHA256Digest: Sendable, Hashable, CustomStringConvertible {
    private let w0, w1, w2, w3, w4, w5, w6, w7: UInt32

    fileprivate init(_ state: SHA256.State) {
        w0 = state.h0; w1 = state.h1; w2 = state.h2; w3 = state.h3
        w4 = state.h4; w5 = state.h5; w6 = state.h6; w7 = state.h7
    }

    private init(words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)) {
        (w0, w1, w2, w3, w4, w5, w6, w7) = words
    }

    /// The first 16 digest bytes as two big-endian words (what a version 8 id takes).
    public var first128Bits: (high: UInt64, low: UInt64) {
        (UInt64(w0) << 32 | UInt64(w1), UInt64(w2) << 32 | UInt64(w3))
    }

    /// The 32 digest bytes, big-endian as FIPS 180-4 prints them.
    public var bytes: [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { buffer, count in
            withWords { words in
                for i in 0..<8 {
                    let word = words[i]
                    buffer[i &* 4] = UInt8(truncatingIfNeeded: word &>> 24)
                    buffer[i &* 4 &+ 1] = UInt8(truncatingIfNeeded: word &>> 16)
                    buffer[i &* 4 &+ 2] = UInt8(truncatingIfNeeded: word &>> 8)
                    buffer[i &* 4 &+ 3] = UInt8(truncatingIfNeeded: word)
                }
            }
            count = 32
        }
    }

    /// 64 lowercase hex characters, the form the journal's chain stores.
    public var hex: String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            writeHex(into: UnsafeMutableRawBufferPointer(buffer))
            return 64
        }
    }

    public var description: String { hex }

    /// Accepts either case because people paste digests; anything but exactly 64 hex digits is nil.
    public init?(hex: some StringProtocol) {
        var words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)
        var digits = 0
        let valid = withUnsafeMutableBytes(of: &words) { raw -> Bool in
            let out = raw.bindMemory(to: UInt32.self)
            for unit in hex.utf8 {
                guard digits < 64 else { return false }
                let nibble: UInt8
                switch unit {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = unit &- UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = unit &- UInt8(ascii: "a") &+ 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = unit &- UInt8(ascii: "A") &+ 10
                default: return false
                }
                out[digits &>> 3] = (out[digits &>> 3] &<< 4) | UInt32(nibble)
                digits &+= 1
            }
            return digits == 64
        }
        guard valid else { return nil }
        self.init(words: words)
    }

    /// Reads exactly 64 lowercase hex ASCII bytes, the form the journal stores, straight from memory:
    /// no String, no heap. Anything else (another length, an uppercase or non-hex byte) is nil, so a
    /// stored hash has exactly one spelling and a changed byte in it is never silently accepted.
    public init?(lowercaseHex bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 64 else { return nil }
        var words: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)
        // Every journal line's stored hash is parsed here: a table and raw pointers, no bounds checks.
        let valid = withUnsafeMutableBytes(of: &words) { raw -> Bool in
            let out = raw.baseAddress!.assumingMemoryBound(to: UInt32.self)
            let input = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
            return HexTable.values.withUnsafeBufferPointer { table -> Bool in
                var bad: UInt8 = 0
                for word in 0..<8 {
                    var value: UInt32 = 0
                    for digit in 0..<8 {
                        let nibble = table[Int(input[word &* 8 &+ digit])]
                        bad |= nibble
                        value = value &<< 4 | UInt32(nibble & 0x0F)
                    }
                    out[word] = value
                }
                return bad & 0xF0 == 0
            }
        }
        guard valid else { return nil }
        self.init(words: words)
    }

    /// Writes the 64 lowercase hex ASCII bytes into `buffer` (which has room for 64 bytes) without
    /// allocating, so chaining a journal line to the previous digest costs no heap traffic.
    public func writeHex(into buffer: UnsafeMutableRawBufferPointer) {
        precondition(buffer.count >= 64, "SHA256Digest.writeHex needs 64 bytes")
        let out = buffer.baseAddress!
        withWords { words in
            for i in 0..<8 {
                let word = words[i]
                for j in 0..<8 {
                    let nibble = UInt8(truncatingIfNeeded: word &>> UInt32(28 &- 4 &* j)) & 0x0f
                    // '0'...'9' then 'a'...'f': 'a' is 39 past where '9' + 1 would land.
                    let ascii = nibble &+ 48 &+ (nibble > 9 ? 39 : 0)
                    out.storeBytes(of: ascii, toByteOffset: i &* 8 &+ j, as: UInt8.self)
                }
            }
        }
    }

    @inline(__always)
    private func withWords<R>(_ body: (UnsafeBufferPointer<UInt32>) -> R) -> R {
        let words = (w0, w1, w2, w3, w4, w5, w6, w7)
        return withUnsafeBytes(of: words) { body($0.bindMemory(to: UInt32.self)) }
    }
}

/// Lowercase hex digit values by byte; 0xFF for anything else (the high bits flag it).
enum HexTable {
    static let values: [UInt8] = (0..<256).map { byte -> UInt8 in
        switch byte {
        case 0x30...0x39: UInt8(byte - 0x30)
        case 0x61...0x66: UInt8(byte - 0x61 + 10)
        default: 0xFF
        }
    }
}
