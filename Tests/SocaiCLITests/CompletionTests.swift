import Testing
import SocaiCLI

/// `socai completion SHELL` and the hidden `socai __complete` it calls while the user types.
@Suite("completion")
struct CompletionTests {
    @Test(arguments: ["bash", "zsh", "fish"])
    func scriptsKnowEveryCommandAndOption(_ shell: String) {
        let outcome = InProcess().run(["completion", shell])
        #expect(outcome.status == 0)
        let script = outcome.stdout
        for word in ["init", "record", "import", "replay", "term", "audit", "check", "verify", "log", "export", "completion",
                     "conference", "admission", "rating", "correction"] {
            #expect(script.contains(word), "\(shell) lacks \(word)")
        }
        for option in ["--unit", "--figure", "--target", "--as-of", "--printed", "--good-or-better", "--known-at", "--out",
                       "--journal", "--lang", "--bom"] {
            #expect(script.contains(option), "\(shell) lacks \(option)")
        }
        #expect(script.contains("__complete units"))
        #expect(!script.contains("--today"), "hidden options stay hidden")
    }

    @Test func unknownShell() {
        let outcome = InProcess().run(["completion", "tcsh"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("no completion for 'tcsh'"))
    }

    @Test func completeListsUnitIdsAndFigureKeys() {
        let p = InProcess.sopCop()
        let units = p.run(["__complete", "units"])
        #expect(units.status == 0)
        #expect(units.stdout == "muong-lan\nmuong-va\nson-la\nsop-cop\n")
        let figures = p.run(["--lang", "vi", "__complete", "figures"])
        #expect(figures.stdout.hasPrefix("members\ngrassroots-orgs\n"))
        // No journal: nothing to offer, and nothing said.
        let none = p.run(["--journal", p.directory.file("nowhere"), "__complete", "units"])
        #expect(none.status == 0)
        #expect(none.stdout.isEmpty && none.stderr.isEmpty)
    }

    /// What has been typed of a unit: with diacritics, the names it matches (as recorded); plain,
    /// the ids it begins, else the ids of the units whose names it matches.
    @Test func unitsByNameWithDiacriticsOrByID() {
        let p = InProcess.sopCop()
        func offered(_ word: String) -> String { p.run(["__complete", "units", "--", word]).stdout }
        #expect(offered("Sốp") == "Huyện ủy Sốp Cộp\n")
        #expect(offered("Mường") == "Đảng ủy xã Mường Lạn\nĐảng ủy xã Mường Và\n")
        #expect(offered("muong") == "muong-lan\nmuong-va\n")
        #expect(offered("huyen uy") == "sop-cop\n")
        #expect(offered("cop") == "sop-cop\n")
        #expect(offered("hà nội") == "")
        #expect(offered("") == "muong-lan\nmuong-va\nson-la\nsop-cop\n")
    }

    @Test func scriptDescriptionsInTheReadersLanguage() {
        let fish = InProcess().run(["completion", "fish", "--lang", "vi"]).stdout
        #expect(fish.contains("'record\tGhi một sự kiện"), "\(fish.prefix(2000))")
    }

    @Test func aUnitNamedLikeTheHiddenCommandIsNotConfusedWithIt() {
        let p = InProcess.sopCop()
        let outcome = p.run(["log", "--unit", "__complete"])
        #expect(outcome.status == 64)
    }
}
