import Foundation
import Testing
import SocaiStore

/// The two compression functions `SHA256` chooses between: the CPU's SHA instructions (`CSocaiSHA`)
/// and plain Swift. Each must give the published digests, and both must agree on any input.
@Suite("SHA-256 implementations")
struct SHA256ImplementationTests {
    @Test("NIST vectors, on each implementation", arguments: SHA256.Implementation.allCases)
    func nistVectors(implementation: SHA256.Implementation) {
        for (message, digest) in SHA256Tests.nistVectors {
            var hasher = SHA256(implementation: implementation)
            hasher.update(message)
            #expect(hasher.finalize().hex == digest, "\(implementation): \(message.prefix(20))")
        }
        // One million 'a' (FIPS 180-4 example): many whole blocks in one call.
        var hasher = SHA256(implementation: implementation)
        hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(hasher.finalize().hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("Hardware and portable agree on random inputs of random lengths, fed in random pieces")
    func implementationsAgree() {
        var state: UInt64 = 0x5EED_0F_5A_256
        func next() -> UInt64 {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
        for round in 0..<2000 {
            // Mostly journal-line sizes, sometimes long runs of whole blocks.
            let length = round % 10 == 0 ? Int(next() % 20_000) : Int(next() % 700)
            let bytes = SHA256Tests.pseudoRandomBytes(count: length, seed: next())
            var hardware = SHA256(implementation: .hardware)
            var portable = SHA256(implementation: .portable)
            var offset = 0
            while offset < length {
                let end = min(length, offset + 1 + Int(next() % 300))
                bytes[offset..<end].withUnsafeBytes { hardware.update($0); portable.update($0) }
                offset = end
            }
            let (a, b) = (hardware.finalize(), portable.finalize())
            #expect(a == b, "length \(length), round \(round)")
            if a != b { return }
        }
    }

    @Test("The hardware is used where the CPU has it, and the portable code when it is asked for")
    func choice() {
        #expect(SHA256.Implementation.preferred == (SHA256.Implementation.hardwareAvailable ? .hardware : .portable))
        #expect(SHA256().implementation == SHA256.Implementation.preferred)
        #expect(SHA256(implementation: .portable).implementation == .portable)
        // Asking for the hardware on a CPU without it falls back rather than crash.
        #expect(SHA256(implementation: .hardware).implementation == SHA256.Implementation.preferred)
    }

    @Test("This machine's CPU has the SHA instructions when /proc/cpuinfo lists sha_ni")
    func detection() throws {
        #if os(Linux) && arch(x86_64)
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
        let listed = flags.split(separator: " ").contains("sha_ni")
        #expect(SHA256.Implementation.hardwareAvailable == listed)
        #endif
    }
}
