import SocaiCore

extension Invocation {
    /// Resolves a `--unit` style argument against the registry, or fails with the candidates.
    func unit(_ text: String, in rules: Rules, option: String = "unit", command: String) throws(CLIError) -> Int32 {
        switch UnitLookup.resolve(text.precomposedNFC, in: rules.registry) {
        case .found(let index):
            return index
        case .ambiguous(let candidates):
            throw .badQuery([ValidationIssue(field: option, value: text, message: LocalizedText(
                en: "--\(option) '\(text)' matches several units: \(candidates.joined(separator: "; ")); give the id",
                vi: "--\(option) '\(text)' khớp nhiều đơn vị: \(candidates.joined(separator: "; ")); hãy ghi mã đơn vị"))])
        case .unknown(let suggestions):
            throw .badQuery([ValidationIssue(field: option, value: text, message: LocalizedText(
                en: "no unit '\(text)'" + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: "; "))?"),
                vi: "không có đơn vị '\(text)'" + (suggestions.isEmpty ? "" : "; có phải ý bạn là \(suggestions.joined(separator: "; "))?")))])
        }
    }

    /// Reads `--figure KEY` for audit, suggesting the nearest keys when unknown.
    func figureKey(_ text: String) throws(CLIError) -> String {
        guard FigureCatalogue.definition(text) == nil else { return text }
        let near = EditDistance.nearest(to: text, among: FigureCatalogue.keys)
        throw .badQuery([ValidationIssue(field: "figure", value: text, message: LocalizedText(
            en: "unknown figure '\(text)'" + (near.isEmpty ? "; see `socai help figures`" : "; did you mean \(near.joined(separator: ", "))?"),
            vi: "chỉ tiêu '\(text)' không tồn tại" + (near.isEmpty ? "; xem `socai help figures`" : "; có phải ý bạn là \(near.joined(separator: ", "))?")))])
    }
}
