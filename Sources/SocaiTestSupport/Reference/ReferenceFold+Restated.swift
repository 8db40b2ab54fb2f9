import SocaiCore

/// R8 "Restated history" (`--boundaries B`).
extension ReferenceFold {
    /// Where x's values go on B: itself when active on B, else the destination of the unit it
    /// handed over to; nil when nobody received it.
    public func destination(_ x: UnitID, on b: CalendarDate) -> UnitID? {
        var current = x
        var hops = 0
        while !units.isActive(current, b) {
            guard let close = units.closeDay(current), close <= b, let next = units.receiver(current), hops < 64 else { return nil }
            current = next
            hops += 1
        }
        return current
    }

    /// restated(U, D) in the units of B: the residuals on D of the units whose destination is U,
    /// plus the restated values of U's children on B. Nil for a unit not active on B.
    public func restated(_ u: UnitID, _ key: String, _ d: CalendarDate, boundaries b: CalendarDate) -> ReferenceLevel? {
        guard units.isActive(u, b) else { return nil }
        var sum = QualifiedCount.zero
        var any = false
        for x in units.all where units.isActive(x, d) && destination(x, on: b) == u {
            if let r = residual(x, key, d) {
                sum = sum + r
                any = true
            }
        }
        for c in children(u, b) {
            if let v = restated(c, key, d, boundaries: b) {
                sum = sum + v.count
                any = true
            }
        }
        guard any else { return nil }
        return ReferenceLevel(count: sum, provenance: "restated", belowFloor: false, derived: sum.value)
    }
}
