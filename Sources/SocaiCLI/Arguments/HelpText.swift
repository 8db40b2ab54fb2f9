import SocaiCore

/// The fixed words of a `--help` screen (section titles, marks), in both languages.
public enum HelpText: String, TextCatalogue {
    case overview, usage, subcommands, arguments, options, globalOptions, examples, seeSubcommandHelp
    case subcommandToken, required, repeatable

    public static let area = "help"

    public var text: LocalizedText {
        switch self {
        case .overview: LocalizedText(en: "OVERVIEW: ", vi: "TỔNG QUAN: ")
        case .usage: LocalizedText(en: "USAGE: ", vi: "CÁCH DÙNG: ")
        case .subcommands: LocalizedText(en: "SUBCOMMANDS:", vi: "LỆNH CON:")
        case .arguments: LocalizedText(en: "ARGUMENTS:", vi: "ĐỐI SỐ:")
        case .options: LocalizedText(en: "OPTIONS:", vi: "TÙY CHỌN:")
        case .globalOptions: LocalizedText(en: "GLOBAL OPTIONS:", vi: "TÙY CHỌN CHUNG:")
        case .examples: LocalizedText(en: "EXAMPLES:", vi: "VÍ DỤ:")
        case .seeSubcommandHelp:
            LocalizedText(en: "See '{invocation} <subcommand> --help' for detailed help.",
                          vi: "Xem '{invocation} <lệnh-con> --help' để biết chi tiết.")
        case .subcommandToken: LocalizedText(en: "<subcommand>", vi: "<lệnh-con>")
        case .required: LocalizedText(en: "required", vi: "bắt buộc")
        case .repeatable: LocalizedText(en: "repeatable", vi: "lặp lại được")
        }
    }
}
