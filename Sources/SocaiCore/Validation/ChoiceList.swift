/// The values one typed choice accepts (a departure's reason, a conference's kind, a rating's
/// subject, a unit's kind or setting, an event type), so a clerk can type them in Vietnamese.
///
/// Each choice has one canonical code, the English spelling socai stores and prints in JSON
/// (`death`), and accepts, compared without case, diacritics, dashes or underscores
/// (`TextFolding`): the code, its labels in both languages, and other words people use (`từ trần`,
/// `tu tran`, `qua đời`; `organisations` for `organizations`). Only the code is ever stored.
/// Choices people would write the same way in one list map to one code; the mappings that are a
/// judgement are documented in docs/REPORTS.md ("Choice words").
public struct ChoiceList: Sendable, Equatable {
    public struct Choice: Sendable, Equatable {
        /// What is stored: `death`.
        public let code: String
        /// How it is shown: `death` / `từ trần`.
        public let label: LocalizedText
        /// Other spellings accepted: `qua đời`, `died`.
        public let words: [String]
        /// Every spelling accepted for this choice, folded once.
        let keys: [String]

        public init(_ code: String, _ label: LocalizedText, _ words: [String] = []) {
            self.code = code
            self.label = label
            self.words = words
            self.keys = ([code, label.en, label.vi] + words).map(ChoiceList.key)
        }
    }

    /// The list's name, for catalogue ids (`choice.departure-reason.death`).
    public var name: String
    public var choices: [Choice]

    public init(name: String, choices: [Choice]) {
        self.name = name
        self.choices = choices
    }

    /// The codes, in order.
    public var codes: [String] { choices.map(\.code) }

    /// The code `text` names, or nil: an exact match of a spelling, folded.
    public func resolve(_ text: String) -> String? {
        if choices.contains(where: { $0.code == text }) { return text }  // the usual case, without folding
        let typed = Self.key(text)
        guard !typed.isEmpty else { return nil }
        return choices.first { $0.keys.contains(typed) }?.code
    }

    /// The codes one of whose spellings starts with what was typed (folded): what an unfinished
    /// answer may mean.
    public func codes(startingWith text: String) -> [String] {
        let typed = Self.key(text)
        guard !typed.isEmpty else { return [] }
        return choices.filter { $0.keys.contains { $0.hasPrefix(typed) } }.map(\.code)
    }

    /// How `code` is shown: its label (the code itself when it is not in the list).
    public func label(_ code: String) -> LocalizedText {
        choices.first { $0.code == code }?.label ?? LocalizedText(code)
    }

    /// The code in English (what is typed and stored), the label in Vietnamese: `death` / `từ trần`.
    public func shown(_ code: String) -> LocalizedText {
        LocalizedText(en: code, vi: label(code).vi)
    }

    /// Every choice as a reader of each language would type it: `transfer-out, death, …` /
    /// `chuyển đi; từ trần; …` (semicolons, since some Vietnamese labels hold a comma: `Thôn, bản`).
    public var listed: LocalizedText {
        LocalizedText(en: codes.joined(separator: ", "), vi: choices.map(\.label.vi).joined(separator: "; "))
    }

    /// The Vietnamese labels, for the catalogue walk.
    public var entries: [CatalogueEntry] {
        choices.map { CatalogueEntry(id: "choice." + name + "." + $0.code, text: $0.label) }
    }

    /// Folded for comparison: no case, no diacritics (đ = d), and dashes, underscores, commas and
    /// runs of spaces all one space (`Struck_Off`, `struck-off` and `struck off` are one word).
    static func key(_ text: String) -> String {
        let folded = TextFolding.searchKey(text)
        var out = ""
        var space = false
        for character in folded {
            if character.isLetter || character.isNumber {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.append(character)
            } else {
                space = true
            }
        }
        return out
    }
}

extension ChoiceList {
    /// Every list, for the catalogue walk and the test that no spelling names two choices.
    public static var all: [ChoiceList] {
        [departureReasons, conferenceKinds, ratingSubjects, unitKinds, unitSettings, eventTypes]
    }

    /// `record departure --reason`.
    public static let departureReasons = ChoiceList(name: "departure-reason", choices: FlowKind.allCases.compactMap { kind in
        guard let reason = kind.reason else { return nil }
        let words: [String] = switch kind {
        case .transferOut: ["chuyển sinh hoạt đi", "chuyển sinh hoạt đảng đi"]
        case .death: ["died", "deceased", "qua đời"]
        case .expulsion: ["expelled", "khai trừ khỏi đảng"]
        case .struckOff: ["xóa tên khỏi danh sách đảng viên"]
        case .exit: ["ra đảng", "xin ra khỏi đảng", "cho ra khỏi đảng"]
        case .admission, .arrival: []
        }
        return Choice(reason, kind.label, words)
    })

    /// `record conference --kind`. `hội nghị` alone means a review: the conferences that report
    /// figures between congresses are the sơ kết and tổng kết ones.
    public static let conferenceKinds = ChoiceList(name: "conference-kind", choices: ConferenceKind.allCases.map { kind in
        let words: [String] = switch kind {
        case .congress: ["đại hội đại biểu", "đại hội đảng bộ"]
        case .review: ["hội nghị", "sơ kết", "tổng kết", "hội nghị sơ kết", "hội nghị tổng kết"]
        case .report: ["báo cáo", "bài báo", "article"]
        case .other: []
        }
        return Choice(kind.rawValue, kind.label, words)
    })

    /// `record rating --of`.
    public static let ratingSubjects = ChoiceList(name: "rating-subject", choices: RatingSubject.allCases.map { subject in
        let words: [String] = switch subject {
        case .organizations: ["organisations", "organization", "organisation", "orgs", "tổ chức", "tổ chức đảng", "tccsđ"]
        case .cells: ["cell", "chi bộ"]
        case .committees: ["committee", "tập thể", "cấp ủy", "tập thể cấp ủy"]
        case .members: ["member", "đảng viên"]
        }
        return Choice(subject.rawValue, subject.label, words)
    })

    /// `--kind` of a unit, and `--of` of merger totals.
    public static let unitKinds = ChoiceList(name: "unit-kind", choices: UnitKind.allCases.map { kind in
        let words: [String] = switch kind {
        case .central: ["trung ương đảng"]
        case .province: ["tỉnh", "tỉnh ủy", "đảng bộ tỉnh"]
        case .bloc: ["khối", "đảng bộ khối"]
        case .provPartyAgencies: ["các cơ quan đảng tỉnh"]
        case .provGovernment: ["ủy ban nhân dân tỉnh", "ubnd tỉnh"]
        case .provMilitary: ["quân sự tỉnh"]
        case .provPolice: ["công an tỉnh"]
        case .provBorderGuard: ["biên phòng tỉnh"]
        case .district: ["huyện", "huyện ủy", "thành ủy", "thị ủy", "đảng bộ huyện"]
        case .baseCommittee: ["đảng ủy cơ sở", "đảng ủy xã", "đảng ủy phường"]
        case .baseCell: ["chi bộ cơ sở đảng"]
        case .subCommittee: ["bộ phận"]
        case .cell: ["chi bộ"]
        case .partyGroup: ["tổ"]
        case .village: ["thôn", "bản", "thôn bản", "xóm", "villages"]
        }
        return Choice(kind.rawValue, kind.label, words)
    })

    /// `--setting` of a unit.
    public static let unitSettings = ChoiceList(name: "unit-setting", choices: UnitSetting.allCases.map { setting in
        let (label, words): (LocalizedText, [String]) = switch setting {
        case .commune: (LocalizedText(en: "commune", vi: "xã"), [])
        case .ward: (LocalizedText(en: "ward", vi: "phường"), [])
        case .township: (LocalizedText(en: "township", vi: "thị trấn"), [])
        case .specialZone: (LocalizedText(en: "special zone", vi: "đặc khu"), [])
        case .thon: (LocalizedText(en: "hamlet (thôn)", vi: "thôn"), [])
        case .ban: (LocalizedText(en: "village (bản)", vi: "bản"), [])
        case .xom: (LocalizedText(en: "hamlet (xóm)", vi: "xóm"), [])
        case .ap: (LocalizedText(en: "hamlet (ấp)", vi: "ấp"), [])
        case .lang: (LocalizedText(en: "village (làng)", vi: "làng"), [])
        case .residentialGroup: (LocalizedText(en: "residential group", vi: "tổ dân phố"), [])
        case .quarter: (LocalizedText(en: "urban quarter", vi: "khu phố"), ["khu"])
        case .agency: (LocalizedText(en: "agency", vi: "cơ quan"), [])
        case .school: (LocalizedText(en: "school", vi: "trường học"), ["trường"])
        case .healthStation: (LocalizedText(en: "health station", vi: "trạm y tế"), [])
        case .hospital: (LocalizedText(en: "hospital", vi: "bệnh viện"), [])
        case .enterprise: (LocalizedText(en: "enterprise", vi: "doanh nghiệp"), ["công ty"])
        case .cooperative: (LocalizedText(en: "cooperative", vi: "hợp tác xã"), ["htx"])
        case .communeMilitary: (LocalizedText(en: "commune military", vi: "quân sự xã"), [])
        case .communePolice: (LocalizedText(en: "commune police", vi: "công an xã"), [])
        }
        return Choice(setting.rawValue, label, words)
    })

    /// The `record` event types: guided entry's first question, import's `type` column,
    /// `log --type`.
    public static let eventTypes = ChoiceList(name: "event-type", choices: EventType.allCases.map { type in
        let words: [String] = switch type {
        case .unitEstablished: ["thành lập", "đơn vị mới"]
        case .unitRenamed: ["đổi tên"]
        case .unitMoved: []
        case .unitDissolved: ["giải thể"]
        case .conference: ["đại hội", "sơ kết", "tổng kết", "báo cáo"]
        case .admission: []
        case .departure: ["giảm"]
        case .arrival: []
        case .merger: []
        case .rating: ["đánh giá", "xếp loại", "đánh giá xếp loại"]
        case .correction: []
        }
        return Choice(type.recordName, type.label, words)
    })
}
