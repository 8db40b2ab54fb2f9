/// A unit enters the registry: `socai record unit`.
public struct UnitEstablished: Sendable, Hashable {
    public var id: UnitID
    public var name: String
    public var kind: UnitKind
    public var setting: UnitSetting?
    public var parent: UnitID?

    public init(id: UnitID, name: String, kind: UnitKind, setting: UnitSetting? = nil, parent: UnitID? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.setting = setting
        self.parent = parent
    }
}

/// A new name or kind from a date on (a district committee becoming a town committee).
public struct UnitRenamed: Sendable, Hashable {
    public var name: String?
    public var kind: UnitKind?
    public var setting: UnitSetting?

    public init(name: String? = nil, kind: UnitKind? = nil, setting: UnitSetting? = nil) {
        self.name = name
        self.kind = kind
        self.setting = setting
    }
}

/// A unit placed under another parent from a date on; its members go with it.
public struct UnitMoved: Sendable, Hashable {
    public var parent: UnitID

    public init(parent: UnitID) { self.parent = parent }
}

/// A unit ends without a successor.
public struct UnitDissolved: Sendable, Hashable {
    public var reason: String?

    public init(reason: String? = nil) { self.reason = reason }
}
