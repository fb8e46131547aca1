/// A setting that is out of range; `message` names the setting and the allowed values.
public struct SettingsError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
