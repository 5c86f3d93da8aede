import CQBankXML
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only view of one element of a parsed document. Valid only while the
/// document (`cqbx_doc`) it came from is alive; never escapes `XMLBankReader.read`.
struct XMLElementNode {
    let raw: cqbx_node

    var name: String { String(cString: cqbx_name(raw)) }

    /// True for elements in the bank namespace, `urn:qbank:bank:1`.
    var isBankElement: Bool {
        guard let ns = cqbx_namespace(raw) else { return false }
        return strcmp(ns, XMLBankFormat.namespace) == 0
    }

    func hasName(_ name: String) -> Bool { strcmp(cqbx_name(raw), name) == 0 }

    /// Byte offset of the element's `<` in the file, nil when unknown.
    var offset: Int? {
        let value = cqbx_offset(raw)
        return value >= 0 ? value : nil
    }

    var libxmlLine: Int { cqbx_line(raw) }

    var parent: XMLElementNode? { cqbx_parent_element(raw).map(XMLElementNode.init) }

    /// Child elements, walked without building an array.
    var children: Children { Children(first: cqbx_first_element(raw)) }

    struct Children: Sequence, IteratorProtocol {
        var first: cqbx_node?

        mutating func next() -> XMLElementNode? {
            guard let node = first else { return nil }
            first = cqbx_next_element(node)
            return XMLElementNode(raw: node)
        }
    }

    /// `transform` of each child element, in an array allocated once at the children's count:
    /// grown by appending, an array of options kept up to twice the room it needed.
    func mapChildren<T>(_ transform: (XMLElementNode) -> T?) -> [T] {
        var count = 0
        for _ in children { count += 1 }
        var values: [T] = []
        values.reserveCapacity(count)
        for child in children {
            if let value = transform(child) { values.append(value) }
        }
        return values
    }

    /// Frees this element and its subtree from the document (see `cqbx_free_element`); the
    /// node must not be used afterwards.
    func free() { cqbx_free_element(raw) }

    func attribute(_ name: String) -> String? {
        var owned: Int32 = 0
        guard let value = cqbx_attribute(raw, name, &owned) else { return nil }
        defer { if owned != 0 { cqbx_free(UnsafeMutableRawPointer(mutating: value)) } }
        return String(cString: value)
    }

    /// The element's text (its text and CDATA children), unnormalised.
    var text: String {
        var owned: Int32 = 0
        let value = cqbx_text(raw, &owned)!
        defer { if owned != 0 { cqbx_free(UnsafeMutableRawPointer(mutating: value)) } }
        return String(cString: value)
    }
}
