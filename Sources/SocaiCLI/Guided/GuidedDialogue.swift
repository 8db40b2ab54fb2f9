import Foundation
import SocaiCore
import SocaiReports

/// The questions and answers of guided entry: prompts on stdout, answers from `readLine`, each
/// answer checked as soon as it is given (a unit is looked up, a date parsed, a choice matched)
/// so a mistake is fixed at the question, not after the last one.
final class GuidedDialogue {
    let invocation: Invocation
    /// Most units listed by `?` before asking to narrow down.
    static let listLimit = 40

    init(invocation: Invocation) {
        self.invocation = invocation
    }

    func t(_ en: String, _ vi: String) -> String { invocation.presenter.text(LocalizedText(en: en, vi: vi)) }

    func say(_ line: String) { invocation.out(line + "\n") }

    /// Shows `prompt` and reads one line; end of input cancels the whole entry. At a terminal the
    /// line editor reads it, and Tab offers what `completing` accepts (units, choices, figure keys).
    func read(_ prompt: String, completing field: GuidedField? = nil, view: Rules? = nil) throws(GuidedEntry.Cancelled) -> String {
        let line: String?
        if let editor = invocation.context.lineEditor {
            let completion = view.map { GuidedCompletion(view: $0, today: invocation.today) }
            line = editor.readLine(prompt: TerminalText.neutralised(prompt)) { typed in
                completion?.candidates(field, word: LineEditState.word(in: typed)) ?? []
            }
        } else {
            invocation.out(prompt)
            line = invocation.context.readLine()
        }
        guard let line else { throw GuidedEntry.Cancelled() }
        return line.precomposedNFC.trimmingCharacters(in: .whitespaces)
    }

    func promptText(_ field: GuidedField, _ prompt: String?) -> String {
        var text = prompt ?? field.name
        if !field.required && field.defaultValue == nil && field.marksOptional { text += t(" (optional)", " (không bắt buộc)") }
        if let value = field.defaultValue { text += " [" + value + "]" }
        return text + ": "
    }

    /// Asks one field until its answer is valid; nil when an optional field is left empty.
    func ask(_ field: GuidedField, prompt: String? = nil, view: Rules) throws(GuidedEntry.Cancelled) -> String? {
        while true {
            var line = try read(promptText(field, prompt), completing: field, view: view)
            if line == "?" || (line.hasSuffix("?") && (field.kind == .unit || field.kind == .units || field.kind == .unitOrNew)) {
                explain(field, filter: String(line.dropLast()), view: view)
                continue
            }
            if line.isEmpty {
                if let value = field.defaultValue { line = value } else if !field.required { return nil } else {
                    say(t("  (needed: type ? for help)", "  (bắt buộc: gõ ? để xem hướng dẫn)"))
                    continue
                }
            }
            if let answer = try check(field, line, view: view) { return answer }
        }
    }

    /// The answer as the `record` option takes it, or nil (after saying why) to ask again.
    func check(_ field: GuidedField, _ line: String, view: Rules) throws(GuidedEntry.Cancelled) -> String? {
        switch field.kind {
        case .text, .pairs:
            return line
        case .number:
            let digits = line.filter { $0 != "." && $0 != "," && $0 != " " }
            if let n = Int(digits), n >= 0, !digits.isEmpty { return String(n) }
            say(t("  '\(line)' is not a whole number", "  '\(line)' không phải số nguyên"))
            return nil
        case .date:
            do { return try DateParser.parse(line).iso } catch {
                say("  " + invocation.presenter.text(error.reason) + t(": write 2023-12-31 or 31/12/2023", ": ghi 2023-12-31 hoặc 31/12/2023"))
                return nil
            }
        case .choice(let choices):
            return choose(line, among: choices)
        case .yesNo:
            let folded = TextFolding.searchKey(line)
            if ["y", "yes", "c", "co", "ok"].contains(folded) { return "yes" }
            if ["n", "no", "k", "khong"].contains(folded) { return "no" }
            say(t("  answer yes or no", "  trả lời yes (có) hoặc no (không)"))
            return nil
        case .unit:
            return try unit(line, view: view)
        case .units:
            var ids: [String] = []
            for part in line.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
                guard let id = try unit(part, view: view) else { return nil }
                ids.append(id)
            }
            return ids.isEmpty ? nil : ids.joined(separator: ",")
        case .unitOrNew:
            if case .unknown = UnitLookup.resolve(line, in: view.registry), UnitID.isValid(line) {
                say(t("  → a new unit with id \(line)", "  → đơn vị mới, mã \(line)"))
                return line
            }
            return try unit(line, view: view)
        case .newID:
            guard UnitID.isValid(line) else {
                say(t("  an id is lowercase ASCII letters, digits and dashes, e.g. sop-cop", "  mã gồm chữ thường không dấu, số và dấu gạch, ví dụ sop-cop"))
                return nil
            }
            if let existing = view.registry.timeline(UnitID(line)!), existing.established != nil {
                say(t("  \(UnitLookup.describe(existing)) already exists", "  \(UnitLookup.describe(existing)) đã có"))
                return nil
            }
            return line
        }
    }

    /// A choice by exact word, unambiguous beginning, or number in the list.
    func choose(_ line: String, among choices: [String]) -> String? {
        if choices.contains(line) { return line }
        if let n = Int(line), n >= 1, n <= choices.count { return choices[n - 1] }
        let key = TextFolding.searchKey(line)
        let starting = choices.filter { $0.hasPrefix(key) }
        if starting.count == 1 {
            say("  → " + starting[0])
            return starting[0]
        }
        let near = starting.isEmpty ? EditDistance.nearest(to: key, among: choices) : starting
        say(t("  '\(line)' is not one of: ", "  '\(line)' không thuộc: ") + choices.joined(separator: ", ")
            + (near.isEmpty ? "" : t("; did you mean ", "; có phải ") + near.joined(separator: ", ") + "?"))
        return nil
    }

    /// A unit by id or name, diacritics optional: `sop cop`, `Sốp`, `sop-cop`. Ambiguous and
    /// unknown answers list the candidates to pick by number.
    func unit(_ text: String, view: Rules) throws(GuidedEntry.Cancelled) -> String? {
        switch UnitLookup.resolve(text, in: view.registry) {
        case .found(let index):
            let entry = view.registry[index]
            say("  → " + UnitLookup.describe(entry))
            return entry.id.rawValue
        case .ambiguous(let candidates):
            say(t("  '\(text)' matches several units:", "  '\(text)' khớp nhiều đơn vị:"))
            return try pick(candidates, view: view)
        case .unknown(let suggestions):
            say(t("  no unit '\(text)'", "  không có đơn vị '\(text)'") + (suggestions.isEmpty ? t(" (? lists them)", " (gõ ? để xem danh sách)") : t("; did you mean:", "; có phải:")))
            return suggestions.isEmpty ? nil : try pick(suggestions, view: view)
        }
    }

    /// Lists `candidates` (`id (name)`) numbered and reads a number; anything else is looked up anew.
    func pick(_ candidates: [String], view: Rules) throws(GuidedEntry.Cancelled) -> String? {
        for (i, candidate) in candidates.enumerated() { say("    \(i + 1)) " + candidate) }
        let line = try read(t("  which one? (number, or type again): ", "  chọn số nào? (số thứ tự, hoặc gõ lại): "))
        if let n = Int(line), n >= 1, n <= candidates.count {
            let id = String(candidates[n - 1].prefix { $0 != " " })
            say("  → " + candidates[n - 1])
            return id
        }
        return line.isEmpty ? nil : try unit(line, view: view)
    }

    /// `?`: the field's help and its choices (units matching what was typed before the `?`).
    func explain(_ field: GuidedField, filter: String, view: Rules) {
        if !field.help.isEmpty { say("  " + field.help) }
        switch field.kind {
        case .choice(let choices):
            say("  " + choices.enumerated().map { "\($0.offset + 1)) \($0.element)" }.joined(separator: "  "))
        case .unit, .units, .unitOrNew:
            let today = invocation.today
            let entries = view.registry.established.map({ view.registry[$0] }).filter { entry in
                guard entry.established != nil else { return false }
                guard !filter.isEmpty else { return entry.isActive(at: today) }
                return TextFolding.matches(filter, entry.id.rawValue) != nil
                    || entry.allNames.contains { TextFolding.matches(filter, $0) != nil }
            }.sorted { $0.id < $1.id }
            if entries.isEmpty { say(t("  no unit matches", "  không có đơn vị nào khớp")) }
            for entry in entries.prefix(GuidedDialogue.listLimit) { say("    " + UnitLookup.describe(entry)) }
            if entries.count > GuidedDialogue.listLimit {
                say(t("    … \(entries.count - GuidedDialogue.listLimit) more: type part of a name and ? to narrow",
                      "    … còn \(entries.count - GuidedDialogue.listLimit) đơn vị: gõ một phần tên rồi ? để lọc"))
            }
        case .date:
            say(t("  2023-12-31, 31/12/2023 or 31-12-2023; a date needs its year", "  2023-12-31, 31/12/2023 hoặc 31-12-2023; ngày phải có năm"))
        case .pairs:
            if field.name == "figure" || field.name == "target" {
                say("  " + FigureCatalogue.keys.joined(separator: ", "))
            }
        default:
            break
        }
    }

    /// Asks `KEY=VALUE` answers until an empty one.
    func askPairs(_ field: GuidedField) throws(GuidedEntry.Cancelled) -> [String] {
        var answers: [String] = []
        while true {
            let line = try read(field.name + t(" (KEY=VALUE, Enter when done)", " (KHÓA=GIÁ TRỊ, Enter để xong)") + ": ")
            if line == "?" {
                explain(field, filter: "", view: Rules(Projection(ProjectionBuilder())))
                continue
            }
            if line.isEmpty {
                if field.required && answers.isEmpty {
                    say(t("  (at least one)", "  (cần ít nhất một)"))
                    continue
                }
                return answers
            }
            guard let eq = line.firstIndex(of: "="), eq != line.startIndex else {
                say(t("  write KEY=VALUE, e.g. members=4014", "  ghi KHÓA=GIÁ TRỊ, ví dụ members=4014"))
                continue
            }
            answers.append(line)
        }
    }

    /// The type's other options, as `NAME=VALUE` answers until an empty one.
    func askExtras(_ type: String, asked: Set<String>) throws(GuidedEntry.Cancelled) -> [String: [String]] {
        let common = Set(RecordSpecs.common.map(\.name))
        let others = (GuidedPlan.spec(type)?.options ?? []).filter { !asked.contains($0.name) && !common.contains($0.name) && $0.takesValue }
        guard !others.isEmpty else { return [:] }
        var answers: [String: [String]] = [:]
        while true {
            let line = try read(t("Other options (NAME=VALUE, Enter when done, ? lists them)", "Tùy chọn khác (TÊN=GIÁ TRỊ, Enter để xong, ? để xem)") + ": ")
            if line.isEmpty { return answers }
            if line == "?" {
                for option in others { say("  " + option.name + "=" + (option.valueName ?? "") + "  " + option.help) }
                continue
            }
            let name = String(line.prefix { $0 != "=" }).trimmingCharacters(in: CharacterSet(charactersIn: "- "))
            guard line.contains("="), let option = others.first(where: { $0.name == name }) else {
                let near = EditDistance.nearest(to: name, among: others.map(\.name))
                say(t("  not an option here", "  không có tùy chọn này") + (near.isEmpty ? "" : t("; did you mean ", "; có phải ") + near.joined(separator: ", ") + "?"))
                continue
            }
            let value = String(line[line.index(after: line.firstIndex(of: "=")!)...]).trimmingCharacters(in: .whitespaces)
            answers[option.name, default: []].append(value)
        }
    }
}
