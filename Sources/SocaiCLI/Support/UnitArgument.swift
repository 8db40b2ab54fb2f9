import SocaiCore

extension Invocation {
    /// Resolves a `--unit` style argument against the registry, or fails with the candidates.
    func unit(_ text: String, in rules: Rules, option: String = "unit", command: String) throws(CLIError) -> Int32 {
        switch UnitLookup.resolve(text.precomposedNFC, in: rules.registry) {
        case .found(let index):
            return index
        case .ambiguous(let candidates):
            throw .badQuery([ValidationIssue(field: option, value: text, message: CommandText.unitAmbiguous(
                ["option": option, "value": text, "candidates": candidates.joined(separator: "; ")]) + LocalizedText("; ")
                + CommandText.giveTheID())])
        case .unknown(let suggestions):
            let hint = suggestions.isEmpty ? LocalizedText("")
                : LocalizedText("; ") + UsageText.didYouMean(["suggestions": suggestions.joined(separator: "; ")])
            throw .badQuery([ValidationIssue(field: option, value: text, message: CommandText.unitUnknown(["value": text]) + hint)])
        }
    }

    /// Reads `--boundaries DATE` (R8): the units to answer in. The unit asked about (if any) must
    /// be active on that date, or it has no restated figures.
    func boundaries(_ arguments: ParsedArguments, unit: Int32?, in rules: Rules, command: String) throws(CLIError) -> CalendarDate? {
        guard let boundaries = try date(arguments, "boundaries") else { return nil }
        if let unit, !rules.registry.isActive(unit, at: boundaries) {
            throw .usage(UsageError(message: UsageText.notActiveOnBoundaries(["unit": rules.registry[unit].id.rawValue, "date": presenter.date(boundaries)]),
                                    command: command, hint: UsageText.nameAnActiveUnit()))
        }
        return boundaries
    }

    /// Reads `--figure KEY` for audit, suggesting the nearest keys when unknown.
    func figureKey(_ text: String) throws(CLIError) -> String {
        guard FigureCatalogue.definition(text) == nil else { return text }
        let near = EditDistance.nearest(to: text, among: FigureCatalogue.keys)
        let hint = near.isEmpty ? CommandText.seeHelpFigures() : UsageText.didYouMean(["suggestions": near.joined(separator: ", ")])
        throw .badQuery([ValidationIssue(field: "figure", value: text, message: CommandText.figureUnknown(["value": text])
                                        + LocalizedText("; ") + hint)])
    }
}
