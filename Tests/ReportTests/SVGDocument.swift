import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One chart of a report page, parsed as XML (so a chart that is not well-formed fails to
/// load): its elements in document order with their attributes and text, and the axis mapping
/// read from the `axis-x`/`axis-y` lines (pixel ends and `data-min`/`data-max`).
struct SVGDocument {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text: String
        var classes: [String] { (attributes["class"] ?? "").split(separator: " ").map(String.init) }
        func number(_ key: String) -> Double? { attributes[key].flatMap(Double.init) }
    }

    let id: String
    let elements: [Element]

    /// Every `<svg …>…</svg>` of a page, by id.
    static func charts(in html: String) throws -> [String: SVGDocument] {
        var result: [String: SVGDocument] = [:]
        var rest = html[...]
        while let start = rest.range(of: "<svg "), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            let document = try SVGDocument(xml: String(rest[start.lowerBound..<end.upperBound]))
            result[document.id] = document
            rest = rest[end.upperBound...]
        }
        return result
    }

    init(xml: String) throws {
        let delegate = Collector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = delegate
        guard parser.parse(), let root = delegate.elements.first, root.name == "svg" else {
            throw ParseError(message: "not a well-formed <svg>: \(parser.parserError.map { "\($0)" } ?? "no root svg")")
        }
        id = root.attributes["id"] ?? ""
        elements = delegate.elements
    }

    struct ParseError: Error { let message: String }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        var open: [Int] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(Element(name: name, attributes: attributes, text: ""))
            open.append(elements.count - 1)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { open.removeLast() }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let k = open.last { elements[k].text += string }
        }
    }

    func all(_ name: String, class wanted: String? = nil) -> [Element] {
        elements.filter { $0.name == name && (wanted == nil || $0.classes.contains(wanted!)) }
    }

    func one(_ name: String, class wanted: String) throws -> Element {
        let found = all(name, class: wanted)
        guard found.count == 1 else { throw ParseError(message: "\(id): \(found.count) <\(name) class=\(wanted)>") }
        return found[0]
    }

    /// Pixel → data along the x axis and the y axis (linear, from the axis lines' ends).
    struct Axis {
        let pixel0: Double, pixel1: Double, data0: Double, data1: Double
        func data(_ pixel: Double) -> Double { data0 + (pixel - pixel0) / (pixel1 - pixel0) * (data1 - data0) }
        /// Data units per 0.005 px: the rounding of two-decimal coordinates.
        var rounding: Double { 0.005 / abs(pixel1 - pixel0) * abs(data1 - data0) }
    }

    func xAxis() throws -> Axis {
        let line = try one("line", class: "axis-x")
        return Axis(pixel0: line.number("x1")!, pixel1: line.number("x2")!, data0: line.number("data-min")!, data1: line.number("data-max")!)
    }

    func yAxis(_ wanted: String = "axis-y") throws -> Axis {
        let line = try one("line", class: wanted)
        return Axis(pixel0: line.number("y1")!, pixel1: line.number("y2")!, data0: line.number("data-min")!, data1: line.number("data-max")!)
    }

    /// A polyline's points in pixels.
    static func points(_ polyline: Element) -> [(Double, Double)] {
        (polyline.attributes["points"] ?? "").split(separator: " ").map { pair in
            let xy = pair.split(separator: ",").map { Double($0)! }
            return (xy[0], xy[1])
        }
    }
}
