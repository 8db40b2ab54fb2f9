extension Registry.Handover.Reason {
    /// How a handover reads between the closing unit's name and its receiver's: "X merged into Y",
    /// "X dissolved, handed over to Y", "X dissolved without a successor, kept by Y" (R1).
    public var verb: LocalizedText {
        switch self {
        case .merger: LocalizedText(en: "merged into", vi: "sáp nhập vào")
        case .successor: LocalizedText(en: "dissolved, handed over to", vi: "giải thể, chuyển giao cho")
        case .parentKeeps: LocalizedText(en: "dissolved without a successor, kept by", vi: "giải thể không có đơn vị kế thừa, do")
        }
    }

    /// What follows the receiver's name (Vietnamese puts "giữ lại" after it).
    public var after: LocalizedText {
        self == .parentKeeps ? LocalizedText(en: "", vi: " giữ lại") : LocalizedText("")
    }

    /// "X merged into Y", in both languages.
    public func sentence(_ from: String, _ receiver: String) -> LocalizedText {
        LocalizedText("\(from) ") + verb + LocalizedText(" \(receiver)") + after
    }
}
