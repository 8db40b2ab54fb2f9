/// A unit enters the registry: `socai record unit`.
public struct UnitEstablished: Sendable, Hashable {
    public var id: UnitID
    public var name: String
    public var kind: UnitKind
    public var setting: UnitSetting?
    public var parent: UnitID?
    /// Other names the same organisation goes by ("Huyện ủy Sốp Cộp" / "Đảng bộ huyện Sốp Cộp"):
    /// lookups match them too.
    public var aliases: [String]
    public var printed: [PrintedPercent]

    public init(id: UnitID, name: String, kind: UnitKind, setting: UnitSetting? = nil, parent: UnitID? = nil,
                aliases: [String] = [], printed: [PrintedPercent] = []) {
        self.id = id
        self.name = name
        self.kind = kind
        self.setting = setting
        self.parent = parent
        self.aliases = aliases
        self.printed = printed
    }
}

/// A new name or kind from a date on (a district committee becoming a town committee).
public struct UnitRenamed: Sendable, Hashable {
    public var name: String?
    public var kind: UnitKind?
    public var setting: UnitSetting?
    /// Alternative names added from this date on.
    public var aliases: [String]
    public var printed: [PrintedPercent]

    public init(name: String? = nil, kind: UnitKind? = nil, setting: UnitSetting? = nil, aliases: [String] = [],
                printed: [PrintedPercent] = []) {
        self.name = name
        self.kind = kind
        self.setting = setting
        self.aliases = aliases
        self.printed = printed
    }
}

/// A unit placed under another parent from a date on; its members go with it.
public struct UnitMoved: Sendable, Hashable {
    public var parent: UnitID
    public var printed: [PrintedPercent]

    public init(parent: UnitID, printed: [PrintedPercent] = []) {
        self.parent = parent
        self.printed = printed
    }
}

/// A unit ends. What it still holds (members, units) passes to its successor, or with none
/// stays with its parent (DECISIONS R1).
public struct UnitDissolved: Sendable, Hashable {
    public var reason: String?
    public var successor: UnitID?
    public var printed: [PrintedPercent]

    public init(reason: String? = nil, successor: UnitID? = nil, printed: [PrintedPercent] = []) {
        self.reason = reason
        self.successor = successor
        self.printed = printed
    }
}
