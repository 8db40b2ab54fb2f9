import Foundation

extension String {
    /// Unicode NFC, as every text in the journal is stored (macOS paths and some keyboards give NFD).
    /// ASCII is its own NFC: most of an import's strings (ids, dates, types) skip Foundation.
    var precomposedNFC: String {
        utf8.allSatisfy { $0 < 0x80 } ? self : precomposedStringWithCanonicalMapping
    }
}
