import OICP

/// Every OICP field a mapping can fill, by its OICP name.
enum TargetCatalog {
    static let address: [Target<Address>] = [
        Leaf.text("Country", \.country), Leaf.text("City", \.city), Leaf.text("Street", \.street),
        Leaf.text("PostalCode", \.postalCode), Leaf.text("HouseNum", \.houseNum), Leaf.text("Floor", \.floor),
        Leaf.text("Region", \.region), Leaf.bool("ParkingFacility", \.parkingFacility), Leaf.text("ParkingSpot", \.parkingSpot),
        Leaf.text("TimeZone", \.timeZone),
    ]

    static let facility: [Target<ChargingFacility>] = [
        Leaf.enumeration("PowerType", \.powerType),
        Leaf.integer("Voltage", \.voltage) { v, ctx, path in
            // OICP 2.3 allows 0–999 V (line to neutral); a larger value is left out.
            if ctx.version == .v2_3 && v > 999 {
                ctx.warn("oicp-fit.voltage", field: path, "\(v) V does not fit OICP 2.3 (at most 999); left out", value: String(v))
                ctx.statistics.dropped(field: path)
                return nil
            }
            return v
        },
        Leaf.integer("Amperage", \.amperage) { a, ctx, path in
            // OICP 2.3 allows 0–99 A; high-current chargers do not fit and the value is left out.
            if ctx.version == .v2_3 && a > 99 {
                ctx.warn("oicp-fit.amperage", field: path, "\(a) A does not fit OICP 2.3 (at most 99); left out", value: String(a))
                ctx.statistics.dropped(field: path)
                return nil
            }
            return a
        },
        Target(name: "Power") { node, compiler, path in
            let e = try compiler.expression(node)
            return CompiledField(name: "Power", readsSource: e.readsSource, sources: [(path, e.summary)]) { f, ctx in
                guard var kw = Convert.number(e.evaluate(&ctx, field: path), &ctx, path) else { return false }
                // OICP 2.3 writes Power as an integer number of kW: round, and count it.
                if ctx.version == .v2_3 && kw != kw.rounded() {
                    let r = kw.rounded(.toNearestOrAwayFromZero)
                    ctx.statistics.rounded(field: path, from: kw, to: r)
                    kw = r
                }
                f.power = kw
                return true
            }
        },
        Leaf.enumerations("ChargingModes", \.chargingModes),
    ]

    static let energySource: [Target<EnergySource>] = [
        Leaf.enumeration("Energy", \.energy), Leaf.integer("Percentage", \.percentage),
    ]

    static let environmentalImpact: [Target<EnvironmentalImpact>] = [
        Leaf.number("CO2Emission", \.co2Emission), Leaf.number("NuclearWaste", \.nuclearWaste),
    ]

    static let period: [Target<Period>] = [Leaf.text("begin", \.begin), Leaf.text("end", \.end)]

    static let openingTimes: [Target<OpeningTimes>] = [
        Target(name: "Period") { node, compiler, path in
            let list = try compiler.objectList(node, targets: period, path: path) { Period(begin: nil, end: nil) }
            return CompiledField(name: "Period", readsSource: list.readsSource, sources: list.sources) { o, ctx in
                guard let p = list.build(&ctx) else { return false }
                o.period = p
                return true
            }
        },
        Leaf.enumeration("on", \.on),
        Leaf.text("unstructuredOpeningTime", \.unstructuredOpeningTime),
    ]

    static func object<R, T>(_ name: String, _ kp: WritableKeyPath<R, T?>, _ targets: [Target<T>], make: @escaping () -> T) -> Target<R> {
        Target(name: name) { node, compiler, path in
            let build = try compiler.object(node, targets: targets, path: path, make: make)
            let children = try compiler.fields(node, targets: targets, path: path)
            return CompiledField(name: name, readsSource: children.contains(where: \.readsSource), sources: children.flatMap(\.sources)) { root, ctx in
                guard let o = build(&ctx) else { return false }
                root[keyPath: kp] = o
                return true
            }
        }
    }

    static func objects<R, T>(_ name: String, _ kp: WritableKeyPath<R, [T]?>, _ targets: [Target<T>], make: @escaping () -> T) -> Target<R> {
        Target(name: name) { node, compiler, path in
            let list = try compiler.objectList(node, targets: targets, path: path, make: make)
            return CompiledField(name: name, readsSource: list.readsSource, sources: list.sources) { root, ctx in
                guard let items = list.build(&ctx) else { return false }
                root[keyPath: kp] = items
                return true
            }
        }
    }

    /// `OpeningHours`: not an OICP key but a convenience that sets `IsOpen24Hours` and
    /// `OpeningTimes` from one value (`24/7`, `Mo-Fr 08:00-18:00`, or `opening_hours` output).
    static let openingHours = Target<EvseDataRecord>(name: "OpeningHours") { node, compiler, path in
        let e = try compiler.expression(node)
        return CompiledField(name: "OpeningHours", readsSource: e.readsSource, sources: [(path + " (IsOpen24Hours, OpeningTimes)", e.summary)]) { r, ctx in
            guard let h = Convert.hours(e.evaluate(&ctx, field: path), &ctx, path) else { return false }
            r.isOpen24Hours = h.isOpen24Hours
            r.openingTimes = h.isOpen24Hours || h.openingTimes.isEmpty ? nil : h.openingTimes
            return true
        }
    }

    static let record: [Target<EvseDataRecord>] = [
        Leaf.text("EvseID", \.evseID),
        Leaf.text("ChargingPoolID", \.chargingPoolID),
        Leaf.text("ChargingStationID", \.chargingStationID),
        Leaf.infoTexts("ChargingStationNames", \.chargingStationNames),
        Leaf.text("ChargingStationName", \.chargingStationName),
        Leaf.text("EnChargingStationName", \.enChargingStationName),
        Leaf.text("HardwareManufacturer", \.hardwareManufacturer),
        Leaf.text("ChargingStationImage", \.chargingStationImage),
        Leaf.text("SubOperatorName", \.subOperatorName),
        object("Address", \.address, address) { Address() },
        Leaf.geo("GeoCoordinates", \.geoCoordinates),
        Leaf.enumerations("Plugs", \.plugs),
        Leaf.bool("DynamicPowerLevel", \.dynamicPowerLevel),
        objects("ChargingFacilities", \.chargingFacilities, facility) { ChargingFacility() },
        Leaf.bool("RenewableEnergy", \.renewableEnergy),
        objects("EnergySource", \.energySource, energySource) { EnergySource(energy: nil, percentage: nil) },
        object("EnvironmentalImpact", \.environmentalImpact, environmentalImpact) { EnvironmentalImpact(co2Emission: nil, nuclearWaste: nil) },
        Leaf.enumeration("CalibrationLawDataAvailability", \.calibrationLawDataAvailability),
        Leaf.enumerations("AuthenticationModes", \.authenticationModes),
        Leaf.integer("MaxCapacity", \.maxCapacity),
        Leaf.enumerations("PaymentOptions", \.paymentOptions),
        Leaf.enumerations("ValueAddedServices", \.valueAddedServices),
        Leaf.enumeration("Accessibility", \.accessibility),
        Leaf.enumeration("AccessibilityLocation", \.accessibilityLocation),
        Leaf.text("HotlinePhoneNumber", \.hotlinePhoneNumber),
        Leaf.infoTexts("AdditionalInfo", \.additionalInfo),
        Leaf.infoTexts("ChargingStationLocationReference", \.chargingStationLocationReference),
        Leaf.geo("GeoChargingPointEntrance", \.geoChargingPointEntrance),
        Leaf.bool("IsOpen24Hours", \.isOpen24Hours),
        objects("OpeningTimes", \.openingTimes, openingTimes) { OpeningTimes(period: nil, on: nil) },
        openingHours,
        Leaf.text("HubOperatorID", \.hubOperatorID),
        Leaf.text("ClearinghouseID", \.clearinghouseID),
        Leaf.bool("IsHubjectCompatible", \.isHubjectCompatible),
        Leaf.enumeration("DynamicInfoAvailable", \.dynamicInfoAvailable),
        Leaf.enumerations("ChargingModes", \.chargingModes),
        Leaf.text("lastUpdate", \.lastUpdate),
        Leaf.enumeration("deltaType", \.deltaType),
    ]

    /// How rows of one group combine a list field; nil for fields that are not lists.
    static func merger(for field: String) -> ((inout EvseDataRecord, EvseDataRecord, MergePolicy) -> Void)? {
        switch field {
        case "ChargingStationNames": { a, b, p in a.chargingStationNames = merge(a.chargingStationNames, b.chargingStationNames, p) }
        case "Plugs": { a, b, p in a.plugs = merge(a.plugs, b.plugs, p) }
        case "ChargingFacilities": { a, b, p in a.chargingFacilities = merge(a.chargingFacilities, b.chargingFacilities, p) }
        case "EnergySource": { a, b, p in a.energySource = merge(a.energySource, b.energySource, p) }
        case "AuthenticationModes": { a, b, p in a.authenticationModes = merge(a.authenticationModes, b.authenticationModes, p) }
        case "PaymentOptions": { a, b, p in a.paymentOptions = merge(a.paymentOptions, b.paymentOptions, p) }
        case "ValueAddedServices": { a, b, p in a.valueAddedServices = merge(a.valueAddedServices, b.valueAddedServices, p) }
        case "AdditionalInfo": { a, b, p in a.additionalInfo = merge(a.additionalInfo, b.additionalInfo, p) }
        case "ChargingStationLocationReference": { a, b, p in
            a.chargingStationLocationReference = merge(a.chargingStationLocationReference, b.chargingStationLocationReference, p)
        }
        case "OpeningTimes": { a, b, p in a.openingTimes = merge(a.openingTimes, b.openingTimes, p) }
        case "ChargingModes": { a, b, p in a.chargingModes = merge(a.chargingModes, b.chargingModes, p) }
        default: nil
        }
    }

    static func merge<T: Equatable>(_ a: [T]?, _ b: [T]?, _ policy: MergePolicy) -> [T]? {
        guard let b, !b.isEmpty else { return a }
        guard var a else { return b }
        switch policy {
        case .first: return a
        case .append: a.append(contentsOf: b)
        case .union: for x in b where !a.contains(x) { a.append(x) }
        }
        return a
    }

    /// The merge policy of a field when the mapping does not set one.
    static func defaultMerge(_ field: String) -> MergePolicy {
        switch field {
        case "Plugs": .union
        case "ChargingFacilities": .append
        default: .first
        }
    }
}

/// How the rows of one group (one EVSE written on several rows) combine a field.
public enum MergePolicy: String, Sendable, CaseIterable {
    /// The first row that has a value wins.
    case first
    /// Lists of all rows are concatenated.
    case append
    /// Lists of all rows are combined without repeats.
    case union
}
