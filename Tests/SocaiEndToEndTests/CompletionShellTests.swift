import Foundation
import SocaiTestSupport
import Testing

/// The completion scripts load in their shells and offer what socai accepts: commands, options,
/// fixed values, figure keys, and unit ids read from the journal as the user types.
@Suite("Shell completion")
struct CompletionShellTests {
    static let binary = SocaiProcess.binary

    /// Runs `_socai` in bash for the words typed (the last one being completed) and returns COMPREPLY.
    static func bashCompletions(_ words: [String], in directory: String, environment: [String: String] = [:]) -> [String] {
        let quoted = ([binary] + words).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let script = """
            source <('\(binary)' completion bash) || exit 3
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count); COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _socai
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        var env = environment
        env["SOCAI_NOW"] = SocaiProcess.fixedNow
        let result = ExternalTool.run(ExternalTool.bash!, ["-c", script], environment: env, in: directory)
        #expect(result.status == 0, "\(result)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test(.enabled(if: ExternalTool.bash != nil, "bash is not installed"))
    func bashSourcesTheScriptAndRegistersIt() {
        let dir = TemporaryDirectory()
        let result = ExternalTool.run(ExternalTool.bash!, ["-c", "source <('\(Self.binary)' completion bash) && complete -p socai"],
                                      in: dir.path)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "complete -F _socai socai\n")
        #expect(result.stderr.isEmpty)
    }

    @Test(.enabled(if: ExternalTool.bash != nil, "bash is not installed"))
    func bashCompletesCommandsOptionsValuesAndUnits() {
        let j = ScratchJournal()
        for arguments in [["unit", "--id", "son-la", "--name", "Tỉnh ủy Sơn La", "--kind", "province", "--date", "2015-01-01"],
                          ["unit", "--id", "sop-cop", "--name", "Huyện ủy Sốp Cộp", "--kind", "district", "--parent", "son-la",
                           "--date", "2015-01-01"]] {
            #expect(j.run(["record"] + arguments).status == 0)
        }
        let here = j.directory.path
        #expect(Self.bashCompletions(["ex"], in: here) == ["export"])
        #expect(Self.bashCompletions(["record", "adm"], in: here) == ["admission"])
        #expect(Self.bashCompletions(["record", "admission", "--co"], in: here) == ["--count"])
        #expect(Self.bashCompletions(["--lang", ""], in: here) == ["vi", "en"])
        #expect(Self.bashCompletions(["export", "--format", "c"], in: here) == ["csv", "cloudevents", "cloudevents-lines"])
        #expect(Self.bashCompletions(["record", "departure", "--reason", "t"], in: here) == ["transfer-out"])
        #expect(Self.bashCompletions(["record", "conference", "--kind", "c"], in: here) == ["congress"])
        #expect(Self.bashCompletions(["record", "unit", "--kind", "dis"], in: here) == ["district"])
        #expect(Self.bashCompletions(["record", "conference", "--figure", "members"], in: here).contains("members="))
        #expect(Self.bashCompletions(["audit", "--figure", "member"], in: here) == ["members"])  // a key, not KEY=
        #expect(Self.bashCompletions(["help", "fig"], in: here) == ["figures"])
        #expect(Self.bashCompletions(["completion", ""], in: here) == ["bash", "zsh", "fish"])
        // Unit ids come from the journal: the one in the working directory …
        #expect(Self.bashCompletions(["term", "--unit", "s"], in: here) == ["son-la", "sop-cop"])
        // … names with diacritics for a word with diacritics (escaped for the shell, or as typed after a quote),
        // and ids for a plain word, from any part of a name.
        #expect(Self.bashCompletions(["term", "--unit", "Sốp"], in: here) == ["Huyện\\ ủy\\ Sốp\\ Cộp"])
        #expect(Self.bashCompletions(["term", "--unit", "\"Huyện ủy S"], in: here) == ["Huyện ủy Sốp Cộp"])
        #expect(Self.bashCompletions(["term", "--unit", "Huyện\\ ủy\\ S"], in: here) == ["Huyện\\ ủy\\ Sốp\\ Cộp"])
        #expect(Self.bashCompletions(["term", "--unit", "cop"], in: here) == ["sop-cop"])
        #expect(Self.bashCompletions(["term", "--unit", "huyen uy"], in: here) == ["sop-cop"])
        // … or the one named on the line, from anywhere; no journal, no ids (and no noise).
        let elsewhere = TemporaryDirectory()
        #expect(Self.bashCompletions(["--journal", j.journalPath, "replay", "--unit", "so"], in: elsewhere.path) == ["son-la", "sop-cop"])
        #expect(Self.bashCompletions(["term", "--unit", ""], in: elsewhere.path).isEmpty)
        // Option values are not mistaken for command words.
        #expect(Self.bashCompletions(["--journal", "record", "--l"], in: here) == ["--lang"])
    }

    @Test(.enabled(if: ExternalTool.zsh != nil, "zsh is not installed"))
    func zshScriptParses() {
        let dir = TemporaryDirectory()
        let script = SocaiProcess.run(["completion", "zsh"], in: dir.path)
        dir.write("_socai", script.stdout)
        let result = ExternalTool.run(ExternalTool.zsh!, ["-n", dir.file("_socai")])
        #expect(result.status == 0, "\(result)")
    }

    @Test(.enabled(if: ExternalTool.fish != nil, "fish is not installed"))
    func fishScriptParses() {
        let dir = TemporaryDirectory()
        let script = SocaiProcess.run(["completion", "fish"], in: dir.path)
        dir.write("socai.fish", script.stdout)
        let result = ExternalTool.run(ExternalTool.fish!, ["--no-execute", dir.file("socai.fish")])
        #expect(result.status == 0, "\(result)")
    }

    static func journalWithTwoUnits() -> ScratchJournal {
        let j = ScratchJournal()
        for arguments in [["unit", "--id", "son-la", "--name", "Tỉnh ủy Sơn La", "--kind", "province", "--date", "2015-01-01"],
                          ["unit", "--id", "sop-cop", "--name", "Huyện ủy Sốp Cộp", "--kind", "district", "--parent", "son-la",
                           "--date", "2015-01-01"]] {
            #expect(j.run(["record"] + arguments).status == 0)
        }
        return j
    }

    /// Runs `_socai` in zsh for the words typed, with `compadd` and `_files` standing in for the
    /// completion system's builtins (which exist only inside a completion widget): what it would offer.
    static func zshCompletions(_ words: [String], in directory: String) -> [String] {
        let dir = TemporaryDirectory()
        dir.write("_socai", SocaiProcess.run(["completion", "zsh"], in: directory).stdout)
        dir.write("run.zsh", """
            compadd() { local suffix="" all=""; while [[ $1 != -- ]]; do [[ $1 == -S ]] && { suffix=$2; shift }; [[ $1 == -U ]] && all=1; shift; done; shift
                local w; for w in "$@"; do [[ -n $all || $w == ${words[CURRENT]}* ]] && print -r -- "$w$suffix"; done; }
            _files() { print -r -- "(files)"; }
            compdef() { : }
            source '\(dir.file("_socai"))'
            words=("$@"); CURRENT=$#
            _socai
            """)
        let result = ExternalTool.run(ExternalTool.zsh!, ["-f", dir.file("run.zsh"), binary] + words,
                                      environment: ["SOCAI_NOW": SocaiProcess.fixedNow], in: directory)
        #expect(result.stderr.isEmpty, "\(result)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test(.enabled(if: ExternalTool.zsh != nil, "zsh is not installed"))
    func zshCompletesCommandsOptionsValuesAndUnits() {
        let j = Self.journalWithTwoUnits()
        let here = j.directory.path
        #expect(Self.zshCompletions(["rec"], in: here) == ["record"])
        #expect(Self.zshCompletions(["record", "adm"], in: here) == ["admission"])
        #expect(Self.zshCompletions(["record", "admission", "--co"], in: here) == ["--count"])
        #expect(Self.zshCompletions(["record", "departure", "--reason", "d"], in: here) == ["death"])
        #expect(Self.zshCompletions(["record", "conference", "--figure", "memb"], in: here) == ["members="])
        #expect(Self.zshCompletions(["term", "--unit", "s"], in: here) == ["son-la", "sop-cop"])
        // A word with diacritics completes to names (zsh quotes them), a plain word to ids, from any part of a name.
        #expect(Self.zshCompletions(["term", "--unit", "Sốp"], in: here) == ["Huyện ủy Sốp Cộp"])
        #expect(Self.zshCompletions(["term", "--unit", "Sơn"], in: here) == ["Tỉnh ủy Sơn La"])
        #expect(Self.zshCompletions(["term", "--unit", "huyen uy"], in: here) == ["sop-cop"])
        #expect(Self.zshCompletions(["export", "--out", "r"], in: here) == ["(files)"])
    }

    @Test(.enabled(if: ExternalTool.fish != nil, "fish is not installed"))
    func fishCompletesCommandsOptionsValuesAndUnits() {
        let j = Self.journalWithTwoUnits()
        let here = j.directory.path
        j.directory.write("socai.fish", SocaiProcess.run(["completion", "fish"], in: here).stdout)
        func complete(_ line: String) -> [String] {
            // fish asks `socai` by name for unit ids, so the built binary's folder goes first on PATH.
            let folder = String(Self.binary[..<Self.binary.lastIndex(of: "/")!])
            let result = ExternalTool.run(ExternalTool.fish!, ["--no-config", "-c", "source socai.fish; complete -C '\(line)'"],
                                          environment: ["PATH": folder + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                                                        "SOCAI_NOW": SocaiProcess.fixedNow],
                                          in: here)
            #expect(result.status == 0, "\(result)")
            return result.stdout.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }
        }
        #expect(complete("socai rec") == ["record"])
        #expect(complete("socai record adm") == ["admission"])
        #expect(complete("socai record departure --reason d") == ["death"])
        #expect(complete("socai record conference --figure memb") == ["members="])
        #expect(complete("socai term --unit s") == ["son-la", "sop-cop"])
        // fish matches what socai offers against the word as typed: names with diacritics, ids by any part.
        #expect(complete("socai term --unit Sốp") == ["Huyện ủy Sốp Cộp"])
        #expect(complete("socai term --unit cop") == ["sop-cop"])
        #expect(complete("socai --lang ").sorted() == ["en", "vi"])
    }
}
