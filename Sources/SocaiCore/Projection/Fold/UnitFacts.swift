/// The timeline steps one event makes for the units it is about (DECISIONS R1): written once,
/// used by the fold (as image rows) and by a registry that stages events not yet folded
/// (`Registry.stage`, what `import` validates later lines against).
enum UnitFacts {
    /// A fact before units have indices and texts are interned.
    struct Draft {
        enum Value {
            case none
            case text(String)
            case unit(UnitID?)
            case position(Int?)
        }
        var unit: UnitID
        var kind: FactRow.Kind
        var value: Value
    }

    static func drafts(_ payload: EventPayload, subject: UnitID) -> [Draft] {
        var result: [Draft] = []
        func establish(_ unit: UnitID, name: String, kind: UnitKind, setting: UnitSetting?, parent: UnitID?, aliases: [String]) {
            result.append(Draft(unit: unit, kind: .established, value: .none))
            result.append(Draft(unit: unit, kind: .name, value: .text(name)))
            result.append(Draft(unit: unit, kind: .kind, value: .position(UnitKind.allCases.firstIndex(of: kind))))
            result.append(Draft(unit: unit, kind: .setting, value: .position(setting.flatMap { UnitSetting.allCases.firstIndex(of: $0) })))
            result.append(Draft(unit: unit, kind: .parent, value: .unit(parent)))
            for alias in aliases { result.append(Draft(unit: unit, kind: .alias, value: .text(alias))) }
        }
        switch payload {
        case .unitEstablished(let u):
            establish(u.id, name: u.name, kind: u.kind, setting: u.setting, parent: u.parent, aliases: u.aliases)
        case .unitRenamed(let r):
            if let name = r.name { result.append(Draft(unit: subject, kind: .name, value: .text(name))) }
            if let kind = r.kind { result.append(Draft(unit: subject, kind: .kind, value: .position(UnitKind.allCases.firstIndex(of: kind)))) }
            if let setting = r.setting {
                result.append(Draft(unit: subject, kind: .setting, value: .position(UnitSetting.allCases.firstIndex(of: setting))))
            }
            for alias in r.aliases { result.append(Draft(unit: subject, kind: .alias, value: .text(alias))) }
        case .unitMoved(let m):
            result.append(Draft(unit: subject, kind: .parent, value: .unit(m.parent)))
        case .unitDissolved(let d):
            result.append(Draft(unit: subject, kind: .dissolved, value: .unit(d.successor)))
        case .merger(let m):
            if let new = m.newUnit {
                establish(m.into, name: new.name, kind: new.kind, setting: new.setting, parent: new.parent, aliases: [])
            }
            for source in m.from where source != m.into { result.append(Draft(unit: source, kind: .merged, value: .unit(m.into))) }
        default:
            break
        }
        return result
    }
}
