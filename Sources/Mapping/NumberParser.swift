/// Reads numbers as exports write them: `22`, `22.5`, `22,5`, `1.234,5`, `1 234,5`, `22 kW`,
/// `22000 W`.
struct NumberParser: Sendable {
    enum DecimalSeparator: String, Sendable, CaseIterable {
        case point = "."
        case comma = ","
        /// The last of `.` and `,` is the decimal separator; a lone `,` is decimal.
        case auto
    }

    var decimal: DecimalSeparator = .point
    /// The unit the result is expressed in (`kW`); values written with another unit of the same
    /// quantity are converted.
    var unit: Unit?
    /// The unit of values written without one (default: `unit`).
    var assumedUnit: Unit?

    struct Unit: Sendable, Equatable {
        let name: String
        let quantity: String
        let factor: Double

        static let all: [Unit] = [
            Unit(name: "W", quantity: "power", factor: 1), Unit(name: "kW", quantity: "power", factor: 1e3),
            Unit(name: "MW", quantity: "power", factor: 1e6),
            // Apparent power, written where real power is meant (`22 kVA`); taken as the same number.
            Unit(name: "VA", quantity: "power", factor: 1), Unit(name: "kVA", quantity: "power", factor: 1e3),
            Unit(name: "Wh", quantity: "energy", factor: 1), Unit(name: "kWh", quantity: "energy", factor: 1e3),
            Unit(name: "MWh", quantity: "energy", factor: 1e6),
            Unit(name: "V", quantity: "voltage", factor: 1), Unit(name: "kV", quantity: "voltage", factor: 1e3),
            Unit(name: "A", quantity: "current", factor: 1), Unit(name: "mA", quantity: "current", factor: 1e-3),
        ]

        /// A unit by name, ignoring case except where it matters (`mW` is not `MW`: only exact
        /// case is tried first, then case-insensitively).
        static func named(_ name: String) -> Unit? {
            let n = name.trimmingWhitespace()
            if let u = all.first(where: { $0.name == n }) { return u }
            return all.first(where: { $0.name.lowercased() == n.lowercased() })
        }
    }

    enum Failure: Error, Equatable {
        case notANumber
        case unknownUnit(String)
        case wrongQuantity(String, expected: String)
        case notFinite
    }

    func parse(_ text: String) -> Result<Double, Failure> {
        var numeric = ""
        var unitText = ""
        var seenDigit = false
        for scalar in text.unicodeScalars {
            if !unitText.isEmpty {
                unitText.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "0"..."9":
                seenDigit = true
                numeric.unicodeScalars.append(scalar)
            case ".", ",", "-", "+":
                numeric.unicodeScalars.append(scalar)
            case " ", "\u{00A0}", "\u{202F}", "\u{2009}", "'", "\u{2019}", "\t":
                if seenDigit { numeric.unicodeScalars.append(" ") }
            case "e", "E":
                // An exponent only directly after a digit and before a digit or sign.
                if seenDigit, numeric.last?.isNumber == true { numeric.unicodeScalars.append(scalar) } else { unitText.unicodeScalars.append(scalar) }
            default:
                unitText.unicodeScalars.append(scalar)
            }
        }
        // "1e" followed by a letter was a unit after all.
        if let last = numeric.last, last == "e" || last == "E" {
            numeric.removeLast()
            unitText = String(last) + unitText
        }
        guard seenDigit else { return .failure(.notANumber) }
        let groupsWithSpaces = numeric.split(separator: " ")
        var digits = groupsWithSpaces.joined()
        let hasPoint = digits.utf8.contains(UInt8(ascii: "."))
        let hasComma = digits.utf8.contains(UInt8(ascii: ","))
        let decimalChar: Character?
        switch decimal {
        case .point: decimalChar = "."
        case .comma: decimalChar = ","
        case .auto:
            if hasPoint && hasComma {
                decimalChar = digits.lastIndex(of: ".")! > digits.lastIndex(of: ",")! ? "." : ","
            } else if hasComma {
                decimalChar = digits.filter({ $0 == "," }).count == 1 ? "," : nil
            } else if hasPoint {
                decimalChar = digits.filter({ $0 == "." }).count == 1 ? "." : nil
            } else {
                decimalChar = nil
            }
        }
        let thousandsChar: Character = decimalChar == "," ? "." : ","
        digits.removeAll { $0 == thousandsChar || (decimalChar == nil && ($0 == "." || $0 == ",")) }
        if decimalChar == "," { digits = digits.replacingOccurrences(of: ",", with: ".") }
        guard digits.filter({ $0 == "." }).count <= 1, var value = Double(digits) else { return .failure(.notANumber) }
        guard value.isFinite else { return .failure(.notFinite) }
        let writtenUnit = unitText.trimmingWhitespace()
        if let target = unit {
            let from: Unit
            if writtenUnit.isEmpty {
                from = assumedUnit ?? target
            } else {
                guard let u = Unit.named(writtenUnit) else { return .failure(.unknownUnit(writtenUnit)) }
                from = u
            }
            guard from.quantity == target.quantity else { return .failure(.wrongQuantity(from.name, expected: target.name)) }
            value = value * from.factor / target.factor
        } else if !writtenUnit.isEmpty {
            guard Unit.named(writtenUnit) != nil || writtenUnit == "%" else { return .failure(.unknownUnit(writtenUnit)) }
        }
        return .success(value)
    }
}

/// How numbers are rounded.
enum RoundingMode: String, Sendable, CaseIterable {
    /// 2.5 → 3, -2.5 → -3.
    case halfUp = "half-up"
    /// 2.5 → 2, 3.5 → 4 (banker's rounding).
    case halfEven = "half-even"
    /// Toward +∞.
    case up
    /// Toward −∞.
    case down

    func round(_ value: Double, decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = value * scale
        let rounded: Double
        switch self {
        case .halfUp: rounded = scaled.rounded(.toNearestOrAwayFromZero)
        case .halfEven: rounded = scaled.rounded(.toNearestOrEven)
        case .up: rounded = scaled.rounded(.up)
        case .down: rounded = scaled.rounded(.down)
        }
        return rounded / scale
    }
}
