/// What a unit is in the party structure (DOMAIN.md §1), kebab-case as the contract spells it.
///
/// Villages are registered as units too: they are what cells attach to, they are merged
/// (*sáp nhập bản*) and counted (`villages`), though they hold no party organisation themselves.
public enum UnitKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case central
    case province
    case bloc
    case provPartyAgencies = "prov-party-agencies"
    case provGovernment = "prov-government"
    case provMilitary = "prov-military"
    case provPolice = "prov-police"
    case provBorderGuard = "prov-border-guard"
    case district
    case baseCommittee = "base-committee"
    case baseCell = "base-cell"
    case subCommittee = "sub-committee"
    case cell
    case partyGroup = "party-group"
    case village

    public var label: LocalizedText {
        switch self {
        case .central: LocalizedText(en: "Central Committee", vi: "Trung ương")
        case .province: LocalizedText(en: "provincial party organisation", vi: "Đảng bộ tỉnh")
        case .bloc: LocalizedText(en: "provincial bloc", vi: "Đảng bộ Khối")
        case .provPartyAgencies: LocalizedText(en: "provincial party agencies", vi: "Đảng bộ các cơ quan Đảng tỉnh")
        case .provGovernment: LocalizedText(en: "provincial government party organisation", vi: "Đảng bộ UBND tỉnh")
        case .provMilitary: LocalizedText(en: "provincial military", vi: "Đảng bộ Quân sự tỉnh")
        case .provPolice: LocalizedText(en: "provincial police", vi: "Đảng bộ Công an tỉnh")
        case .provBorderGuard: LocalizedText(en: "provincial border guard", vi: "Đảng bộ Biên phòng tỉnh")
        case .district: LocalizedText(en: "district-level organisation", vi: "Đảng bộ huyện/thành phố")
        case .baseCommittee: LocalizedText(en: "grassroots committee", vi: "Đảng bộ cơ sở")
        case .baseCell: LocalizedText(en: "grassroots cell", vi: "Chi bộ cơ sở")
        case .subCommittee: LocalizedText(en: "sub-committee", vi: "Đảng bộ bộ phận")
        case .cell: LocalizedText(en: "subordinate cell", vi: "Chi bộ trực thuộc")
        case .partyGroup: LocalizedText(en: "party group", vi: "Tổ đảng")
        case .village: LocalizedText(en: "village", vi: "Thôn, bản")
        }
    }

    /// Grassroots organisations (TCCSĐ): what `grassroots-orgs` counts.
    public var isGrassroots: Bool { self == .baseCommittee || self == .baseCell }

    public static func < (a: UnitKind, b: UnitKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What a unit is attached to (DOMAIN.md §1 "settings"): a commune, a school, a village type….
public enum UnitSetting: String, Sendable, Hashable, CaseIterable {
    case commune, ward, township
    case specialZone = "special-zone"
    case thon, ban, xom, ap, lang
    case residentialGroup = "residential-group"
    case quarter, agency, school
    case healthStation = "health-station"
    case hospital, enterprise, cooperative
    case communeMilitary = "commune-military"
    case communePolice = "commune-police"
}

/// Whether a unit exists at a date, and if not, why.
public enum UnitStatus: String, Sendable, Hashable {
    case active, merged, dissolved
}
