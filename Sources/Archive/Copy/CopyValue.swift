import Foundation

/// One column's value in a row `archive copy` moves (see `CopyTable`): what both stores
/// can hold, without either one's encoding.
public enum CopyValue: Sendable, Equatable {
    case int(Int64)
    case double(Double)
    case text(String)
    case bytes(Data)
    case date(Date)
    case bool(Bool)
    case null
}
