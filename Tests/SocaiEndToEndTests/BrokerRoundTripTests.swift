import Foundation
import SocaiTestSupport
import Testing

/// The broker flow of docs/FEDERATION.md with a real NATS server: a district's
/// `export --format cloudevents-lines --follow` published line by line to a subject, the messages
/// received by a subscriber and taken into the province's journal with
/// `import --format cloudevents-lines -`; the province then answers as the district does.
@Suite("Broker round trip (NATS)", .enabled(if: NATSServer.executable != nil, "nats-server is not installed; Tools/ci-deps installs it"))
struct BrokerRoundTripTests {
    typealias F = FederationFixture

    @Test func aFollowStreamThroughNATSFeedsAnotherJournal() throws {
        let district = F.district(segmentBytes: 4096)
        let province = ScratchJournal()
        let server = try NATSServer(directory: district.directory.path)
        let subject = "socai.son-la.events"
        let subscriber = try NATSConnection(port: server.port)
        try subscriber.subscribe(subject)
        let publisher = try NATSConnection(port: server.port)

        // The producer: socai's stream, each line published as one message.
        let stream = Process()
        stream.executableURL = URL(fileURLWithPath: SocaiProcess.binary)
        stream.arguments = ["--journal", district.journalPath, "export", "--format", "cloudevents-lines", "--follow"]
        let pipe = Pipe()
        stream.standardOutput = pipe
        stream.standardError = FileHandle.nullDevice
        try stream.run()
        let bridge = Thread {
            var pending: [UInt8] = []
            while true {
                let chunk = pipe.fileHandleForReading.availableData
                if chunk.isEmpty { return }
                pending += chunk
                while let end = pending.firstIndex(of: 0x0A) {
                    try? publisher.publish(subject, Array(pending[..<end]))
                    pending.removeSubrange(...end)
                }
                try? publisher.flush()
            }
        }
        bridge.start()

        // Events recorded while the stream runs (the journal rolls over to new segments on the way).
        let segmentsBefore = district.segmentNames.count
        for day in 1...10 {
            let result = district.run(["record", "arrival", "--unit", "muong-lan", "--date", String(format: "2021-06-%02d", day), "--count", "2"])
            #expect(result.status == 0, "\(result)")
        }
        #expect(district.segmentNames.count > segmentsBefore)
        let expected = F.lines(district).count

        var received: [String] = []
        while received.count < expected {
            received.append(String(decoding: try subscriber.nextMessage(), as: UTF8.self))
        }
        stream.terminate()  // SIGTERM: the stream ends cleanly
        stream.waitUntilExit()
        #expect(stream.terminationStatus == 0)
        #expect(received == F.lines(district), "every line, in order, byte for byte")

        let imported = province.run(["import", "--format", "cloudevents-lines", "-"], stdin: received.joined(separator: "\n") + "\n")
        #expect(imported.status == 0, "\(imported)")
        #expect(imported.stdout == "recorded \(expected) events, seq 1–\(expected)\n")
        #expect(F.answers(province) == F.answers(district))
        #expect(F.answers(province, ["--unit", "sop-cop"]).contains("\"members\": 1243"), "1200 + 26 + 20 − 3")
        let check = ["check", "--json"]
        #expect(province.run(check).stdout == district.run(check).stdout)
    }
}
