import OICP

/// Every OICP field a mapping can fill, by its OICP name.
enum TargetCatalog {
    static let address: [Target<Address>] = [
        Leaf.text("Country", { $0.country = $1 }), Leaf.text("City", { $0.city = $1 }), Leaf.text("Street", { $0.street = $1 }),
        Leaf.text("PostalCode", { $0.postalCode = $1 }), Leaf.text("HouseNum", { $0.houseNum = $1 }), Leaf.text("Floor", { $0.floor = $1 }),
        Leaf.text("Region", { $0.region = $1 }), Leaf.bool("ParkingFacility", { $0.parkingFacility = $1 }), Leaf.text("ParkingSpot", { $0.parkingSpot = $1 }),
        Leaf.text("TimeZone", { $0.timeZone = $1 }),
    ]

    static let facility: [Target<ChargingFacility>] = [
        Leaf.enumeration("PowerType", { $0.powerType = $1 }),
        Leaf.integer("Voltage", { $0.voltage = $1 }) { v, ctx, path in
            // OICP 2.3 allows 0–999 V (line to neutral); a larger value is left out.
            if ctx.version == .v2_3 && v > 999 {
                ctx.warn("oicp-fit.voltage", field: path, "\(v) V does not fit OICP 2.3 (at most 999); left out", value: String(v))
                ctx.statistics.dropped(field: path)
                return nil
            }
            return v
        },
        Leaf.integer("Amperage", { $0.amperage = $1 }) { a, ctx, path in
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
            let memo = LeafMemo<Double>.leaf(e.inputs)
            let compute: Leaf.Compute<Double> = { ctx in
                guard let kw = Convert.number(e.evaluate(&ctx, field: path), &ctx, path) else { return nil }
                // OICP 2.3 writes Power as an integer number of kW: round, and count it.
                guard ctx.version == .v2_3 && kw != kw.rounded() else { return kw }
                let r = kw.rounded(.toNearestOrAwayFromZero)
                ctx.statistics.rounded(field: path, from: kw, to: r)
                return r
            }
            return CompiledField(name: "Power", readsSource: e.readsSource, sources: [(path, e.summary)], inputs: e.inputs) { f, ctx in
                guard let power = Leaf.value(memo, &ctx, compute) else { return false }
                f.power = power
                return true
            }
        },
        Leaf.enumerations("ChargingModes", { $0.chargingModes = $1 }),
    ]

    static let energySource: [Target<EnergySource>] = [
        Leaf.enumeration("Energy", { $0.energy = $1 }), Leaf.integer("Percentage", { $0.percentage = $1 }),
    ]

    static let environmentalImpact: [Target<EnvironmentalImpact>] = [
        Leaf.number("CO2Emission", { $0.co2Emission = $1 }), Leaf.number("NuclearWaste", { $0.nuclearWaste = $1 }),
    ]

    static let period: [Target<Period>] = [Leaf.text("begin", { $0.begin = $1 }), Leaf.text("end", { $0.end = $1 })]

    static let openingTimes: [Target<OpeningTimes>] = [
        Target(name: "Period") { node, compiler, path in
            let list = try compiler.objectList(node, targets: period, path: path) { Period(begin: nil, end: nil) }
            return CompiledField(name: "Period", readsSource: list.readsSource, sources: list.sources, inputs: list.inputs) { o, ctx in
                guard let p = list.build(&ctx) else { return false }
                o.period = p
                return true
            }
        },
        Leaf.enumeration("on", { $0.on = $1 }),
        Leaf.text("unstructuredOpeningTime", { $0.unstructuredOpeningTime = $1 }),
    ]

    static func object<R, T>(_ name: String, _ set: @escaping (inout R, consuming T) -> Void, _ targets: [Target<T>], make: @escaping () -> T) -> Target<R> {
        Target(name: name) { node, compiler, path in
            let build = try compiler.object(node, targets: targets, path: path, make: make)
            let children = try compiler.fields(node, targets: targets, path: path)
            return CompiledField(name: name, readsSource: children.contains(where: \.readsSource), sources: children.flatMap(\.sources),
                inputs: CompiledField.allInputs(of: children)) { root, ctx in
                guard let o = build(&ctx) else { return false }
                set(&root, consume o)
                return true
            }
        }
    }

    static func objects<R, T>(_ name: String, _ set: @escaping (inout R, consuming [T]) -> Void, _ targets: [Target<T>], make: @escaping () -> T) -> Target<R> {
        Target(name: name) { node, compiler, path in
            let list = try compiler.objectList(node, targets: targets, path: path, make: make)
            return CompiledField(name: name, readsSource: list.readsSource, sources: list.sources, inputs: list.inputs) { root, ctx in
                guard let items = list.build(&ctx) else { return false }
                set(&root, consume items)
                return true
            }
        }
    }

    /// `OpeningHours`: not an OICP key but a convenience that sets `IsOpen24Hours` and
    /// `OpeningTimes` from one value (`24/7`, `Mo-Fr 08:00-18:00`, or `opening_hours` output).
    static let openingHours = Target<EvseDataRecord>(name: "OpeningHours") { node, compiler, path in
        let e = try compiler.expression(node)
        let memo = FieldMemo<OpeningHours>.make(e.inputs)
        let compute: Leaf.Compute<OpeningHours> = { Convert.hours(e.evaluate(&$0, field: path), &$0, path) }
        return CompiledField(name: "OpeningHours", readsSource: e.readsSource, sources: [(path + " (IsOpen24Hours, OpeningTimes)", e.summary)],
            inputs: e.inputs) { r, ctx in
            guard let h = Leaf.value(memo, &ctx, compute) else { return false }
            r.isOpen24Hours = h.isOpen24Hours
            r.openingTimes = h.isOpen24Hours || h.openingTimes.isEmpty ? nil : h.openingTimes
            return true
        }
    }

    static let record: [Target<EvseDataRecord>] = [
        Leaf.text("EvseID", { $0.evseID = $1 }),
        Leaf.text("ChargingPoolID", { $0.chargingPoolID = $1 }),
        Leaf.text("ChargingStationID", { $0.chargingStationID = $1 }),
        Leaf.infoTexts("ChargingStationNames", { $0.chargingStationNames = $1 }),
        Leaf.text("ChargingStationName", { $0.chargingStationName = $1 }),
        Leaf.text("EnChargingStationName", { $0.enChargingStationName = $1 }),
        Leaf.text("HardwareManufacturer", { $0.hardwareManufacturer = $1 }),
        Leaf.text("ChargingStationImage", { $0.chargingStationImage = $1 }),
        Leaf.text("SubOperatorName", { $0.subOperatorName = $1 }),
        object("Address", { $0.address = $1 }, address) { Address() },
        Leaf.geo("GeoCoordinates", { $0.geoCoordinates = $1 }),
        Leaf.enumerations("Plugs", { $0.plugs = $1 }),
        Leaf.bool("DynamicPowerLevel", { $0.dynamicPowerLevel = $1 }),
        objects("ChargingFacilities", { $0.chargingFacilities = $1 }, facility) { ChargingFacility() },
        Leaf.bool("RenewableEnergy", { $0.renewableEnergy = $1 }),
        objects("EnergySource", { $0.energySource = $1 }, energySource) { EnergySource(energy: nil, percentage: nil) },
        object("EnvironmentalImpact", { $0.environmentalImpact = $1 }, environmentalImpact) { EnvironmentalImpact(co2Emission: nil, nuclearWaste: nil) },
        Leaf.enumeration("CalibrationLawDataAvailability", { $0.calibrationLawDataAvailability = $1 }),
        Leaf.enumerations("AuthenticationModes", { $0.authenticationModes = $1 }),
        Leaf.integer("MaxCapacity", { $0.maxCapacity = $1 }),
        Leaf.enumerations("PaymentOptions", { $0.paymentOptions = $1 }),
        Leaf.enumerations("ValueAddedServices", { $0.valueAddedServices = $1 }),
        Leaf.enumeration("Accessibility", { $0.accessibility = $1 }),
        Leaf.enumeration("AccessibilityLocation", { $0.accessibilityLocation = $1 }),
        Leaf.text("HotlinePhoneNumber", { $0.hotlinePhoneNumber = $1 }),
        Leaf.infoTexts("AdditionalInfo", { $0.additionalInfo = $1 }),
        Leaf.infoTexts("ChargingStationLocationReference", { $0.chargingStationLocationReference = $1 }),
        Leaf.geo("GeoChargingPointEntrance", { $0.geoChargingPointEntrance = $1 }),
        Leaf.bool("IsOpen24Hours", { $0.isOpen24Hours = $1 }),
        objects("OpeningTimes", { $0.openingTimes = $1 }, openingTimes) { OpeningTimes(period: nil, on: nil) },
        openingHours,
        Leaf.text("HubOperatorID", { $0.hubOperatorID = $1 }),
        Leaf.text("ClearinghouseID", { $0.clearinghouseID = $1 }),
        Leaf.bool("IsHubjectCompatible", { $0.isHubjectCompatible = $1 }),
        Leaf.enumeration("DynamicInfoAvailable", { $0.dynamicInfoAvailable = $1 }),
        Leaf.enumerations("ChargingModes", { $0.chargingModes = $1 }),
        Leaf.text("lastUpdate", { $0.lastUpdate = $1 }),
        Leaf.enumeration("deltaType", { $0.deltaType = $1 }),
    ]

    /// How rows of one group combine a list field; nil for fields that are not lists. The
    /// later row's list is taken out of its record (left empty for the next row).
    static func merger(for field: String) -> ((inout EvseDataRecord, inout EvseDataRecord, MergePolicy) -> Void)? {
        switch field {
        case "ChargingStationNames": { a, b, p in merge(into: &a.chargingStationNames, b.chargingStationNames.take(), p) }
        case "Plugs": { a, b, p in merge(into: &a.plugs, b.plugs.take(), p) }
        case "ChargingFacilities": { a, b, p in merge(into: &a.chargingFacilities, b.chargingFacilities.take(), p) }
        case "EnergySource": { a, b, p in merge(into: &a.energySource, b.energySource.take(), p) }
        case "AuthenticationModes": { a, b, p in merge(into: &a.authenticationModes, b.authenticationModes.take(), p) }
        case "PaymentOptions": { a, b, p in merge(into: &a.paymentOptions, b.paymentOptions.take(), p) }
        case "ValueAddedServices": { a, b, p in merge(into: &a.valueAddedServices, b.valueAddedServices.take(), p) }
        case "AdditionalInfo": { a, b, p in merge(into: &a.additionalInfo, b.additionalInfo.take(), p) }
        case "ChargingStationLocationReference": { a, b, p in merge(into: &a.chargingStationLocationReference, b.chargingStationLocationReference.take(), p) }
        case "OpeningTimes": { a, b, p in merge(into: &a.openingTimes, b.openingTimes.take(), p) }
        case "ChargingModes": { a, b, p in merge(into: &a.chargingModes, b.chargingModes.take(), p) }
        default: nil
        }
    }

    /// Adds the later row's list `b` to `a`, in place (the list is not copied for each row).
    static func merge<T: Equatable>(into a: inout [T]?, _ b: [T]?, _ policy: MergePolicy) {
        guard let b, !b.isEmpty else { return }
        guard a != nil else {
            a = b
            return
        }
        switch policy {
        case .first: return
        case .append: a!.append(contentsOf: b)
        case .union: for x in b where !a!.contains(x) { a!.append(x) }
        }
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
