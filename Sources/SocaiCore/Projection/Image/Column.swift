/// Fixed-width values stored contiguously in an image: a column of a table.
///
/// A column is a view; the `ImageStorage` it came from keeps the bytes alive (every table holds
/// it). Indexing is bounds-checked, so a damaged image can stop a query but never read outside
/// its bytes.
public struct Column<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    @usableFromInline let base: UnsafePointer<Element>?
    public let count: Int

    @inlinable public init(base: UnsafePointer<Element>?, count: Int) {
        self.base = base
        self.count = count
    }

    public static var empty: Column { Column(base: nil, count: 0) }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable public subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "column index out of range")
        return base.unsafelyUnwrapped[position]
    }

    /// The first index in `range` whose element is not less than `value` (the column is sorted
    /// ascending within `range`).
    @inlinable public func lowerBound<Key: Comparable>(of value: Key, in range: Range<Int>, by key: (Element) -> Key) -> Int {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let middle = (low + high) >> 1
            if key(self[middle]) < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The first index in `range` whose element is greater than `value`.
    @inlinable public func upperBound<Key: Comparable>(of value: Key, in range: Range<Int>, by key: (Element) -> Key) -> Int {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let middle = (low + high) >> 1
            if value < key(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

extension Column where Element: Comparable {
    @inlinable public func lowerBound(of value: Element, in range: Range<Int>) -> Int { lowerBound(of: value, in: range) { $0 } }
    @inlinable public func upperBound(of value: Element, in range: Range<Int>) -> Int { upperBound(of: value, in: range) { $0 } }
}

/// Rows grouped by an owner (a unit): `offsets[u] ..< offsets[u + 1]` are owner u's rows.
public struct Groups: Sendable {
    public let offsets: Column<UInt32>

    public init(_ offsets: Column<UInt32>) { self.offsets = offsets }

    /// The number of owners.
    public var count: Int { max(0, offsets.count - 1) }

    /// Owner `i`'s rows; empty for an owner the table never saw (an image older than its units).
    @inlinable public func rows(_ i: Int) -> Range<Int> {
        guard i >= 0, i + 1 < offsets.count else { return 0..<0 }
        let a = Int(offsets[i]), b = Int(offsets[i + 1])
        return a..<max(a, b)
    }

    /// The owner of row `row` (a binary search of the offsets), or nil when no owner has it.
    public func owner(ofRow row: Int) -> Int? {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) >> 1
            if Int(offsets[middle + 1]) <= row { low = middle + 1 } else { high = middle }
        }
        return low < count && rows(low).contains(row) ? low : nil
    }
}
