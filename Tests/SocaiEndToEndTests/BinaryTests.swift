import Foundation
import SocaiTestSupport
import Testing

/// The binary starts, knows its version, and its help opens with what socai is.
@Suite("socai binary")
struct BinaryTests {
    @Test func printsVersion() {
        let dir = TemporaryDirectory()
        let result = SocaiProcess.run(["--version"], in: dir.path)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("socai "))
    }

    @Test func missingJournalExits66() {
        let dir = TemporaryDirectory()
        let result = SocaiProcess.run(["replay"], in: dir.path)
        #expect(result.status == 66)
        #expect(result.stderr.contains("no journal at Journal"))
    }
}
