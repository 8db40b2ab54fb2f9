import Testing
import SocaiCLI

/// `socai help TOPIC`: each topic explains itself in both languages; commands get their help;
/// an unknown topic is a usage error that lists the topics.
@Suite("help topics")
struct HelpTopicTests {
    static let topics: [(topic: String, en: String, vi: String)] = [
        ("figures", "grassroots-orgs", "Chỉ tiêu thời điểm"),
        ("units", "base-committee", "Gọi đơn vị bằng mã"),
        ("dates", "A date without a year (23/1) is refused", "Ngày thiếu năm (23/1) bị từ chối"),
        ("terms", "A term (2020-2025) starts on the date of the unit's congress", "Nhiệm kỳ (2020-2025) bắt đầu từ ngày đại hội"),
        ("percentages", "469/400 = 117.25%", "469/400 = 117,25%"),
    ]

    @Test(arguments: topics.map(\.topic))
    func topicInBothLanguages(_ topic: String) {
        let expected = Self.topics.first { $0.topic == topic }!
        let p = InProcess()
        let en = p.run(["help", topic])
        #expect(en.status == 0)
        #expect(en.stdout.contains(expected.en), "\(en.stdout)")
        #expect(en.stderr.isEmpty)
        let vi = p.run(["help", topic, "--lang", "vi"])
        #expect(vi.status == 0)
        #expect(vi.stdout.contains(expected.vi), "\(vi.stdout)")
    }

    @Test func figuresListsTheWholeCatalogue() {
        let out = InProcess().run(["help", "figures"]).stdout
        for key in ["members", "villages-without-members", "admissions", "departures", "disciplined-members"] {
            #expect(out.contains(key))
        }
    }

    @Test func commandsHaveHelpToo() {
        let p = InProcess()
        for (words, fragment) in [(["help", "export"], "USAGE: socai export --format html"),
                                  (["help", "completion"], "source <(socai completion bash)"),
                                  (["help", "record", "admission"], "OVERVIEW: Members admitted at a unit.")] {
            let outcome = p.run(words)
            #expect(outcome.status == 0)
            #expect(outcome.stdout.contains(fragment), "\(words): \(outcome.stdout)")
        }
        let root = p.run(["help"])
        #expect(root.stdout.contains("export"))
        #expect(root.stdout.contains("completion"))
        #expect(!root.stdout.contains("__complete"))
    }

    @Test func unknownTopicIsAUsageError() {
        let outcome = InProcess().run(["help", "budgets"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("no help topic 'budgets'"))
        #expect(outcome.stderr.contains("topics: figures, units, dates, terms, percentages"))
    }
}
