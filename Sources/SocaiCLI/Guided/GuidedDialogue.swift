import Foundation
import SocaiCore
import SocaiReports

/// The questions and answers of guided entry: prompts on stdout, answers from `readLine`, each
/// answer checked as soon as it is given (a unit is looked up, a date parsed, a choice matched)
/// so a mistake is fixed at the question, not after the last one. Everything it says is in the
/// reader's language (`GuidedText`); answers are read in either (`từ trần` or `death`), and
/// defaults are shown as the reader writes them (`[01/06/2024]`, `[có]`).
final class GuidedDialogue {
    let invocation: Invocation
    /// Most units listed by `?` before asking to narrow down.
    static let listLimit = 40

    init(invocation: Invocation) {
        self.invocation = invocation
    }

    func t(_ text: GuidedText, _ values: KeyValuePairs<String, String> = [:]) -> String {
        invocation.presenter.text(text(values))
    }

    func say(_ line: String) { invocation.out(line + "\n") }

    /// Shows `prompt` and reads one line; end of input cancels the whole entry. At a terminal the
    /// line editor reads it, and Tab offers what `completing` accepts (units, choices, figure keys).
    func read(_ prompt: String, completing field: GuidedField? = nil, view: Rules? = nil) throws(GuidedEntry.Cancelled) -> String {
        let line: String?
        if let editor = invocation.context.lineEditor {
            let completion = view.map { GuidedCompletion(view: $0, today: invocation.today, language: invocation.language) }
            line = editor.readLine(prompt: TerminalText.neutralised(prompt), more: { self.t(.more, ["count": String($0)]) }) { typed in
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
        var text = prompt ?? invocation.presenter.text(field.label())
        if !field.required && field.defaultValue == nil && field.marksOptional { text += t(.optional) }
        if let value = field.defaultValue { text += " [" + shown(value, for: field) + "]" }
        return text + ": "
    }

    /// A canonical answer as the reader writes it: a date in their format, a choice by its name.
    func shown(_ value: String, for field: GuidedField) -> String {
        switch field.kind {
        case .date:
            return CalendarDate(isoText: value).map(invocation.presenter.date) ?? value
        case .choice(let list):
            return invocation.presenter.text(list.shown(value))
        default:
            return value
        }
    }

    /// Asks one field until its answer is valid; nil when an optional field is left empty.
    func ask(_ field: GuidedField, prompt: String? = nil, view: Rules) throws(GuidedEntry.Cancelled) -> String? {
        while true {
            let line = try read(promptText(field, prompt), completing: field, view: view)
            if line == "?" || (line.hasSuffix("?") && field.isUnit) {
                explain(field, filter: String(line.dropLast()), view: view)
                continue
            }
            if line.isEmpty {
                // The default is already what the option takes: no need to read it back.
                if let value = field.defaultValue { return value }
                if !field.required { return nil }
                say(t(.needed))
                continue
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
            say(t(.notWholeNumber, ["answer": line]))
            return nil
        case .date:
            do { return try DateParser.parse(line).iso } catch {
                say("  " + invocation.presenter.text(error.reason) + t(.writeADate))
                return nil
            }
        case .choice(let list):
            return choose(line, among: list)
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
                say(t(.newUnit, ["id": line]))
                return line
            }
            return try unit(line, view: view)
        case .newID:
            guard UnitID.isValid(line) else {
                say(t(.newIDShape))
                return nil
            }
            if let existing = view.registry.timeline(UnitID(line)!), existing.established != nil {
                say(t(.alreadyExists, ["unit": UnitLookup.describe(existing)]))
                return nil
            }
            return line
        }
    }

    /// A choice by its code or name in either language (diacritics optional), an unambiguous
    /// beginning of one, or its number in the list.
    func choose(_ line: String, among list: ChoiceList) -> String? {
        let p = invocation.presenter
        if let n = Int(line), n >= 1, n <= list.codes.count { return confirmed(list.codes[n - 1], typed: line, list) }
        if let code = list.resolve(line) { return confirmed(code, typed: line, list) }
        let starting = list.codes(startingWith: line)
        if starting.count == 1 { return confirmed(starting[0], typed: line, list) }
        let key = TextFolding.searchKey(line)
        let near = starting.isEmpty ? EditDistance.nearest(to: key, among: list.codes) : starting
        let suggestions = near.map { p.text(list.shown($0)) }.joined(separator: ", ")
        say(t(.notOneOf, ["answer": line, "choices": p.text(list.listed)])
            + (near.isEmpty ? "" : t(.didYouMean, ["suggestions": suggestions])))
        return nil
    }

    /// `code`, after saying which choice an answer that did not spell it out stands for.
    private func confirmed(_ code: String, typed: String, _ list: ChoiceList) -> String {
        let shown = invocation.presenter.text(list.shown(code))
        if typed != shown { say("  → " + shown) }
        return code
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
            say(t(.severalUnits, ["answer": text]))
            return try pick(candidates, view: view)
        case .unknown(let suggestions):
            say(t(.noUnit, ["answer": text]) + (suggestions.isEmpty ? t(.listUnits) : t(.didYouMeanUnits)))
            return suggestions.isEmpty ? nil : try pick(suggestions, view: view)
        }
    }

    /// Lists `candidates` (`id (name)`) numbered and reads a number; anything else is looked up anew.
    func pick(_ candidates: [String], view: Rules) throws(GuidedEntry.Cancelled) -> String? {
        for (i, candidate) in candidates.enumerated() { say("    \(i + 1)) " + candidate) }
        let line = try read(t(.whichOne))
        if let n = Int(line), n >= 1, n <= candidates.count {
            let id = String(candidates[n - 1].prefix { $0 != " " })
            say("  → " + candidates[n - 1])
            return id
        }
        return line.isEmpty ? nil : try unit(line, view: view)
    }

    /// `?`: the field's help and its choices (units matching what was typed before the `?`).
    func explain(_ field: GuidedField, filter: String, view: Rules) {
        let p = invocation.presenter
        let help = p.text(field.help)
        if !help.isEmpty { say("  " + help) }
        switch field.kind {
        case .choice(let list):
            say("  " + list.codes.enumerated().map { "\($0.offset + 1)) " + p.text(list.shown($0.element)) }.joined(separator: "  "))
        case .unit, .units, .unitOrNew:
            let today = invocation.today
            let entries = view.registry.established.map({ view.registry[$0] }).filter { entry in
                guard entry.established != nil else { return false }
                guard !filter.isEmpty else { return entry.isActive(at: today) }
                return TextFolding.matches(filter, entry.id.rawValue) != nil
                    || entry.allNames.contains { TextFolding.matches(filter, $0) != nil }
            }.sorted { $0.id < $1.id }
            if entries.isEmpty { say(t(.noUnitMatches)) }
            for entry in entries.prefix(GuidedDialogue.listLimit) { say("    " + UnitLookup.describe(entry)) }
            if entries.count > GuidedDialogue.listLimit {
                say(p.text(GuidedText.moreUnits(["count": .count(entries.count - GuidedDialogue.listLimit)])))
            }
        case .date:
            say(t(.dateHelp))
        case .pairs:
            if field.name == "figure" || field.name == "target" {
                say("  " + FigureCatalogue.keys.joined(separator: ", "))
            }
        default:
            break
        }
    }

    /// Asks `KEY=VALUE` answers until an empty one; at a terminal, Tab completes the figure key.
    func askPairs(_ field: GuidedField, view: Rules) throws(GuidedEntry.Cancelled) -> [String] {
        var answers: [String] = []
        while true {
            let line = try read(invocation.presenter.text(field.label()) + t(.pairs) + ": ", completing: field, view: view)
            if line == "?" {
                explain(field, filter: "", view: view)
                continue
            }
            if line.isEmpty {
                if field.required && answers.isEmpty {
                    say(t(.atLeastOne))
                    continue
                }
                return answers
            }
            guard let eq = line.firstIndex(of: "="), eq != line.startIndex else {
                say(t(.writeKeyValue))
                continue
            }
            answers.append(line)
        }
    }

    /// The type's other options, as `NAME=VALUE` answers until an empty one.
    func askExtras(_ type: String, asked: Set<String>) throws(GuidedEntry.Cancelled) -> [String: [String]] {
        let p = invocation.presenter
        let common = Set(RecordSpecs.common.map(\.name))
        let others = (GuidedPlan.spec(type)?.options ?? []).filter { !asked.contains($0.name) && !common.contains($0.name) && $0.takesValue }
        guard !others.isEmpty else { return [:] }
        var answers: [String: [String]] = [:]
        while true {
            let line = try read(t(.otherOptions) + ": ")
            if line.isEmpty { return answers }
            if line == "?" {
                for option in others {
                    say("  " + option.name + "=" + (option.valueName.map(p.text) ?? "") + "  " + p.text(option.help))
                }
                continue
            }
            let name = String(line.prefix { $0 != "=" }).trimmingCharacters(in: CharacterSet(charactersIn: "- "))
            guard line.contains("="), let option = others.first(where: { $0.name == name }) else {
                let near = EditDistance.nearest(to: name, among: others.map(\.name))
                say(t(.notAnOption) + (near.isEmpty ? "" : t(.didYouMean, ["suggestions": near.joined(separator: ", ")])))
                continue
            }
            let value = String(line[line.index(after: line.firstIndex(of: "=")!)...]).trimmingCharacters(in: .whitespaces)
            answers[option.name, default: []].append(value)
        }
    }
}
