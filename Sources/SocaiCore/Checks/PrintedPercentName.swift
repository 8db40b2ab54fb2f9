/// What a printed percentage is a percentage of, read from its name (`--printed NAME=P`).
///
/// On a conference: `X-attainment` (flow X against its target), `X-reduction` and
/// `X-reduction-per-year` (a level X's fall between the first and last values the conference
/// states), `X-share` (X over the whole the catalogue names for it). On a rating: the tiers'
/// shares `excellent-share`, `good-share`, `completed-share`, `failed-share`, `good-or-better-share`.
public enum PrintedPercentName: Sendable, Hashable {
    case attainment(String)
    case reduction(String)
    case reductionPerYear(String)
    case share(String)
    case tierShare(RatingTier)
    case goodOrBetterShare

    public static func parse(_ name: String, onRating: Bool) -> PrintedPercentName? {
        if onRating {
            if name == "good-or-better-share" { return .goodOrBetterShare }
            for tier in RatingTier.allCases where name == tier.rawValue + "-share" { return .tierShare(tier) }
            return nil
        }
        if let base = FigureCatalogue.baseKey(name, suffix: "-reduction-per-year"), FigureCatalogue.definition(base)?.nature == .level {
            return .reductionPerYear(base)
        }
        if let base = FigureCatalogue.baseKey(name, suffix: "-reduction"), FigureCatalogue.definition(base)?.nature == .level {
            return .reduction(base)
        }
        if let base = FigureCatalogue.baseKey(name, suffix: "-attainment"), FigureCatalogue.definition(base)?.nature == .flow {
            return .attainment(base)
        }
        if let base = FigureCatalogue.baseKey(name, suffix: "-share"), FigureCatalogue.definition(base)?.shareOf != nil {
            return .share(base)
        }
        return nil
    }

    /// Every name a user could mean, for "did you mean" suggestions.
    public static func examples(onRating: Bool) -> [String] {
        if onRating { return RatingTier.allCases.map { $0.rawValue + "-share" } + ["good-or-better-share"] }
        var names: [String] = []
        for definition in FigureCatalogue.all {
            switch definition.nature {
            case .level: names += [definition.key + "-reduction", definition.key + "-reduction-per-year"]
            case .flow: names.append(definition.key + "-attainment")
            default: break
            }
            if definition.shareOf != nil { names.append(definition.key + "-share") }
        }
        return names
    }
}
