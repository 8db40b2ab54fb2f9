import Foundation

extension String {
    /// Unicode NFC, as every text in the journal is stored (macOS paths and some keyboards give NFD).
    var precomposedNFC: String { precomposedStringWithCanonicalMapping }
}
