import Foundation
import Testing
import SocaiStore

@Suite("SHA-256")
struct SHA256Tests {
    // MARK: Published vectors

    /// FIPS 180-4 examples (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf").
    static let nistVectors: [(message: String, digest: String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    @Test("NIST vectors, through every update entry point", arguments: nistVectors)
    func nistVector(message: String, digest: String) {
        let bytes = Array(message.utf8)
        #expect(SHA256.hash(bytes).hex == digest)
        #expect(bytes.withUnsafeBytes { SHA256.hash($0) }.hex == digest)

        var fromString = SHA256()
        fromString.update(message)
        #expect(fromString.finalize().hex == digest)

        var fromArray = SHA256()
        fromArray.update(bytes)
        #expect(fromArray.finalize().hex == digest)
    }

    @Test("One million 'a'")
    func millionA() {
        let expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hash(message).hex == expected)

        // The same million bytes fed in uneven pieces that straddle block boundaries.
        var hasher = SHA256()
        var offset = 0
        var piece = 1
        while offset < message.count {
            let end = min(offset + piece, message.count)
            message[offset..<end].withUnsafeBytes { hasher.update($0) }
            offset = end
            piece = piece % 997 + 37
        }
        #expect(hasher.finalize().hex == expected)
    }

    @Test("Empty updates change nothing")
    func emptyUpdates() {
        var hasher = SHA256()
        hasher.update([UInt8]())
        hasher.update("")
        hasher.update(UnsafeRawBufferPointer(start: nil, count: 0))
        hasher.update("abc")
        hasher.update([UInt8]())
        #expect(hasher.finalize().hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    // MARK: Incremental hashing

    @Test("Splitting a 200-byte input at every position gives the one-shot digest")
    func splitAtEveryPosition() {
        let input = Self.pseudoRandomBytes(count: 200, seed: 200)
        let whole = SHA256.hash(input)
        for split in 0...input.count {
            var hasher = SHA256()
            input[..<split].withUnsafeBytes { hasher.update($0) }
            input[split...].withUnsafeBytes { hasher.update($0) }
            #expect(hasher.finalize() == whole, "split at \(split)")
        }
        // Three pieces, and one byte at a time, exercise a partly filled block being topped up repeatedly.
        for first in stride(from: 0, through: 200, by: 7) {
            for second in stride(from: first, through: 200, by: 13) {
                var hasher = SHA256()
                hasher.update(Array(input[..<first]))
                hasher.update(Array(input[first..<second]))
                hasher.update(Array(input[second...]))
                #expect(hasher.finalize() == whole, "split at \(first) and \(second)")
            }
        }
        var bytewise = SHA256()
        for byte in input { bytewise.update([byte]) }
        #expect(bytewise.finalize() == whole)
    }

    @Test("Journal-style chaining: previous digest's hex, then the line")
    func chainedLines() {
        var previous = [UInt8](repeating: UInt8(ascii: "0"), count: 64)
        var head = SHA256Digest(hex: String(decoding: previous, as: UTF8.self))!
        for index in 0..<50 {
            let line = Self.pseudoRandomBytes(count: 250 + index, seed: UInt64(index))
            var hasher = SHA256()
            previous.withUnsafeBytes { hasher.update($0) }
            hasher.update(line)
            let next = hasher.finalize()
            #expect(next == SHA256.hash(previous + line))
            previous.withUnsafeMutableBytes { next.writeHex(into: $0) }
            #expect(String(decoding: previous, as: UTF8.self) == next.hex)
            head = next
        }
        #expect(head.hex.count == 64)
    }

    // MARK: Against the system tool

    @Test("Lengths 0...300 match /usr/bin/sha256sum",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum")))
    func matchesSha256sum() throws {
        // 55/56, 63/64/65 and 119/120 are where padding spills into an extra block.
        let lengths = Array(0...300)
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("socai-sha256-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        var ours: [String: String] = [:]
        for length in lengths {
            let bytes = Self.pseudoRandomBytes(count: length, seed: UInt64(length) &* 7919)
            let name = String(format: "len-%03d.bin", length)
            try Data(bytes).write(to: directory.appendingPathComponent(name))
            ours[name] = SHA256.hash(bytes).hex
        }

        // One process for all files: sha256sum prints "<hex>  <path>" per argument.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.currentDirectoryURL = directory
        process.arguments = ours.keys.sorted()
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        var theirs: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard fields.count == 2 else { continue }
            theirs[String(fields[1].drop(while: { $0 == " " || $0 == "*" }))] = String(fields[0])
        }
        #expect(theirs.count == lengths.count)
        for name in ours.keys.sorted() {
            #expect(ours[name] == theirs[name], "\(name)")
        }
    }

    // MARK: Hex

    @Test("Hex round trip, either case, and the forms that must agree with it")
    func hexRoundTrip() throws {
        for length in [0, 1, 55, 56, 64, 300] {
            let digest = SHA256.hash(Self.pseudoRandomBytes(count: length, seed: 42))
            let hex = digest.hex
            #expect(hex.utf8.count == 64)
            #expect(hex.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) })
            #expect(digest.description == hex)
            #expect(SHA256Digest(hex: hex) == digest)
            #expect(SHA256Digest(hex: hex.uppercased()) == digest)
            #expect(SHA256Digest(hex: hex.uppercased())?.hex == hex)

            // A Substring is accepted as well as a String.
            let padded = "  \(hex)  "
            let trimmed = padded.dropFirst(2).dropLast(2)
            #expect(SHA256Digest(hex: trimmed) == digest)

            let bytesAsHex = digest.bytes.map { String(format: "%02x", $0) }.joined()
            #expect(digest.bytes.count == 32)
            #expect(bytesAsHex == hex)

            var buffer = [UInt8](repeating: 0, count: 64)
            buffer.withUnsafeMutableBytes { digest.writeHex(into: $0) }
            #expect(String(decoding: buffer, as: UTF8.self) == hex)
        }
        let abc = try #require(SHA256Digest(hex: "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"))
        #expect(abc == SHA256.hash(Array("abc".utf8)))
        #expect(abc.bytes.prefix(4) == [0xba, 0x78, 0x16, 0xbf])
        #expect(Set([abc, SHA256.hash(Array("abc".utf8))]).count == 1)
        #expect(abc != SHA256.hash([UInt8]()))
    }

    @Test("Malformed hex is rejected", arguments: [
        "",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",    // 63 digits
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555",  // 65 digits
        "g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",   // non-hex digit
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85 ",   // trailing space
        " e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",   // leading space
        "0xb0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",   // 0x prefix
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8é",    // 64 characters, not ASCII
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85\n",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    ])
    func rejectsBadHex(_ text: String) {
        #expect(SHA256Digest(hex: text) == nil)
    }

    // MARK: Helpers

    /// splitmix64: deterministic, so a failure names bytes that can be reproduced.
    static func pseudoRandomBytes(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            z ^= z >> 31
            for shift in stride(from: 0, to: 64, by: 8) where bytes.count < count {
                bytes.append(UInt8(truncatingIfNeeded: z >> UInt64(shift)))
            }
        }
        return bytes
    }
}
