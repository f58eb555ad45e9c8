/// A text in one language (OICP `InfoText`): station names, additional info, directions.
public struct InfoText: Sendable, Hashable {
    /// Language code such as `de` or `de-DE` (lower-case key `lang`).
    public var lang: String?
    /// The text, at most 150 characters (lower-case key `value`).
    public var value: String?

    @inlinable public init(lang: String?, value: String?) {
        self.lang = lang
        self.value = value
    }
}
