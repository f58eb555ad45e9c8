import Testing

@testable import OICP

@Suite struct EnumerationLiteralsTests {
    /// The address of a string's bytes (the same for two strings that share their storage).
    static func storage(_ s: String) -> UnsafeRawPointer? {
        var s = s
        return s.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    /// Text made at run time, as a mapping's tables are (not a literal).
    static func madeAtRunTime(_ s: String) -> String { String(decoding: Array(s.utf8), as: UTF8.self) }

    @Test("every value of every enumeration, in both versions, comes back as the type's own literal")
    func everyValueIsCanonical() {
        var checked = 0
        func check<E: OICPEnumeration>(_: E.Type) {
            for version in OICPVersion.allCases {
                for value in E.allowedValues(in: version) where value.rawValue.utf8.count > 15 {
                    let made = Self.madeAtRunTime(value.rawValue)
                    #expect(Self.storage(made) != Self.storage(value.rawValue))
                    let canonical = EnumerationLiterals.canonical(made)
                    #expect(canonical == value.rawValue)
                    #expect(Self.storage(canonical) == Self.storage(value.rawValue), "\(value.rawValue)")
                    checked += 1
                }
            }
        }
        check(PlugType.self)
        check(AuthenticationMode.self)
        check(PaymentOption.self)
        check(Accessibility.self)
        check(CalibrationLawDataAvailability.self)
        check(ValueAddedService.self)
        #expect(checked > 20)
    }

    @Test("text that is no enumeration value is given back as it is")
    func otherTextUnchanged() {
        for text in ["Type 2 outlet", "type 2 Outlet ", "Ladestation am Marktplatz 12", "", "DE*ABC*E123"] {
            let made = Self.madeAtRunTime(text)
            #expect(EnumerationLiterals.canonical(made) == text)
            #expect(!EnumerationLiterals.contains(made))
        }
        #expect(EnumerationLiterals.contains(Self.madeAtRunTime("CCS Combo 2 Plug (Cable Attached)")))
    }
}

@Suite struct PlugTypeValidityTests {
    @Test("a plug type is valid exactly when it is spelled as one of the version's values", arguments: OICPVersion.allCases)
    func spellings(version: OICPVersion) {
        let allowed = PlugType.allowedValues(in: version)
        for value in allowed {
            #expect(PlugType(rawValue: EnumerationLiteralsTests.madeAtRunTime(value.rawValue)).isValid(in: version))
            // Same length, one letter changed; one byte more; one less.
            var bytes = Array(value.rawValue.utf8)
            bytes[bytes.count / 2] ^= 0x20
            for other in [String(decoding: bytes, as: UTF8.self), value.rawValue + " ", String(value.rawValue.dropLast())]
            where !allowed.contains(PlugType(rawValue: other)) {
                #expect(!PlugType(rawValue: other).isValid(in: version), "\(other)")
            }
        }
        #expect(PlugType(rawValue: "").isValid(in: version) == false)
        #expect(PlugType(rawValue: String(repeating: "x", count: 200)).isValid(in: version) == false)
        #expect(PlugType.unspecified.isValid(in: version) == (version == .v2_2))
    }
}
