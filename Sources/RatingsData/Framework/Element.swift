/// One rated element of a component, e.g. "2.3 compensation".
public struct Element: Equatable, Hashable, Sendable {
    /// Identifier used in panels, e.g. "2.3".
    public var id: String
    /// Index of the owning component in `Framework.components`.
    public var componentIndex: Int
    /// What the element asks, from the framework's own wording.
    public var text: String

    /// An element of component `componentIndex` (framework order); `text` may be empty.
    public init(id: String, componentIndex: Int, text: String) {
        self.id = id
        self.componentIndex = componentIndex
        self.text = text
    }
}
