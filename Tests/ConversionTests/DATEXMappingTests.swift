import ETLCore
import Foundation
import OICP
import Testing

@testable import Conversion

/// The DATEX II v3 Energy Infrastructure mapping on a publication written here, with other
/// namespace prefixes than the usual ones.
@Suite struct DATEXMappingTests {
    static let publication = """
        <?xml version="1.0" encoding="UTF-8"?>
        <payload xmlns="http://datex2.eu/schema/3/d2Payload" xmlns:c="http://datex2.eu/schema/3/common"
          xmlns:e="http://datex2.eu/schema/3/energyInfrastructure" xmlns:f="http://datex2.eu/schema/3/facilities"
          xmlns:l="http://datex2.eu/schema/3/locationReferencing" xmlns:lx="http://datex2.eu/schema/3/locationExtension"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="e:EnergyInfrastructureTablePublication">
          <c:publicationTime>2026-11-20T06:00:00+01:00</c:publicationTime>
          <e:energyInfrastructureTable id="T1" version="1">
            <e:energyInfrastructureSite id="SITE-1" version="1">
              <f:name><c:values><c:value lang="de">Parkplatz Nord</c:value></c:values></f:name>
              <e:typeOfSite>onstreet</e:typeOfSite>
              <e:exclusiveUsers>allUsers</e:exclusiveUsers>
              <e:energyInfrastructureStation id="STATION-1" version="1">
                <f:operatingHours xsi:type="f:OperatingHoursSpecification" id="H1" version="1">
                  <f:overallPeriod>
                    <c:validPeriod>
                      <c:recurringTimePeriodOfDay><c:startTimeOfPeriod>07:00:00</c:startTimeOfPeriod><c:endTimeOfPeriod>20:00:00</c:endTimeOfPeriod></c:recurringTimePeriodOfDay>
                      <c:recurringDayWeekMonthPeriod>
                        <c:applicableDay>monday</c:applicableDay><c:applicableDay>tuesday</c:applicableDay><c:applicableDay>wednesday</c:applicableDay>
                        <c:applicableDay>thursday</c:applicableDay><c:applicableDay>friday</c:applicableDay>
                      </c:recurringDayWeekMonthPeriod>
                    </c:validPeriod>
                  </f:overallPeriod>
                </f:operatingHours>
                <f:locationReference xsi:type="l:PointLocation">
                  <l:facilityLocation>
                    <lx:timeZone>+01:00</lx:timeZone>
                    <lx:address>
                      <lx:postcode>50667</lx:postcode>
                      <lx:city><c:values><c:value lang="de">Köln</c:value></c:values></lx:city>
                      <lx:countryCode>DE</lx:countryCode>
                      <lx:addressLine order="0"><lx:type>street</lx:type><lx:text><c:values><c:value lang="de">Domkloster</c:value></c:values></lx:text></lx:addressLine>
                      <lx:addressLine order="1"><lx:type>houseNumber</lx:type><lx:text><c:values><c:value lang="de">4</c:value></c:values></lx:text></lx:addressLine>
                    </lx:address>
                  </l:facilityLocation>
                  <l:pointByCoordinates><l:pointCoordinates><l:latitude>50.941357</l:latitude><l:longitude>6.958307</l:longitude></l:pointCoordinates></l:pointByCoordinates>
                </f:locationReference>
                <f:operator xsi:type="f:OrganisationSpecification" id="O1" version="1">
                  <f:name><c:values><c:value lang="de">Stadtwerke Köln</c:value></c:values></f:name>
                </f:operator>
                <f:helpdesk xsi:type="f:OrganisationSpecification" id="HD" version="1">
                  <f:organisationUnit><f:contactInformation><f:telephoneNumber>+49 221 1234567</f:telephoneNumber></f:contactInformation></f:organisationUnit>
                </f:helpdesk>
                <e:authenticationAndIdentificationMethods>rfid</e:authenticationAndIdentificationMethods>
                <e:authenticationAndIdentificationMethods>creditCard</e:authenticationAndIdentificationMethods>
                <e:refillPoint xsi:type="e:ElectricChargingPoint" id="RP-1" version="1">
                  <e:evseId>DEKOEE0001</e:evseId>
                  <e:connector><e:connectorType>iec62196T2</e:connectorType><e:chargingMode>mode3AC3p</e:chargingMode><e:connectorFormat>socket</e:connectorFormat><e:maxPowerAtSocket>22000</e:maxPowerAtSocket><e:voltage>230</e:voltage><e:maximumCurrent>32</e:maximumCurrent></e:connector>
                  <e:connector><e:connectorType>iec62196T2COMBO</e:connectorType><e:maxPowerAtSocket>150000</e:maxPowerAtSocket></e:connector>
                  <e:electricEnergy><e:isGreenEnergy>true</e:isGreenEnergy></e:electricEnergy>
                </e:refillPoint>
                <e:refillPoint xsi:type="e:ElectricChargingPoint" id="RP-2" version="1">
                  <e:connector><e:connectorType>iec62196T2</e:connectorType><e:maxPowerAtSocket>11000</e:maxPowerAtSocket></e:connector>
                </e:refillPoint>
                <e:refillPoint xsi:type="e:ElectricChargingPoint" id="RP-3" version="1">
                  <e:evseId>DEKOEE0003</e:evseId>
                  <e:connector><e:connectorType>other</e:connectorType><e:maxPowerAtSocket>7000</e:maxPowerAtSocket></e:connector>
                </e:refillPoint>
                <e:electricEnergy><e:energyRate id="R1"><e:ratePolicy>adHoc</e:ratePolicy></e:energyRate></e:electricEnergy>
              </e:energyInfrastructureStation>
              <e:energyInfrastructureStation id="STATION-2" version="1">
                <f:operatingHours xsi:type="f:OpenAllHours"/>
              </e:energyInfrastructureStation>
            </e:energyInfrastructureSite>
          </e:energyInfrastructureTable>
        </payload>
        """

    @Test func refillPointsBecomeEVSEs() throws {
        let (result, records, rejects) = try ShippedMappingsTests().convert("datex2-v3-energy-infrastructure.yaml", csv: Self.publication)
        // RP-1 written; RP-2 (no evseId) and RP-3 (only an "other" connector) rejected; STATION-2
        // (no refill point) reported.
        #expect(result.report.read == 4)
        #expect(result.report.written == 1)
        #expect(result.report.rejected == 3)
        #expect(result.report.isBalanced)
        #expect(result.bundles.map(\.operatorID) == ["DE*KOE"])
        let r = try #require(records.first)
        #expect(r["EvseID"] == .string("DE*KOE*E0001"))
        #expect(r["ChargingStationID"] == .string("STATION-1"))
        #expect(r["ChargingStationNames"]?[0]?["value"] == .string("Parkplatz Nord"))
        #expect(r["Address"]?["City"] == .string("Köln"))
        #expect(r["Address"]?["Street"] == .string("Domkloster"))
        #expect(r["Address"]?["HouseNum"] == .string("4"))
        #expect(r["Address"]?["Country"] == .string("DEU"))
        #expect(r["Address"]?["TimeZone"] == .string("UTC+01:00"))
        #expect(r["GeoCoordinates"]?["DecimalDegree"]?["Latitude"] == .string("50.941357"))
        #expect(r["Plugs"] == .array([.string("Type 2 Outlet"), .string("CCS Combo 2 Plug (Cable Attached)")]))
        let facilities = try #require(r["ChargingFacilities"])
        #expect(facilities[0]?["PowerType"] == .string("AC_3_PHASE"))
        #expect(facilities[0]?["Power"] == .number("22"))
        #expect(facilities[0]?["Voltage"] == .number("230"))
        #expect(facilities[0]?["ChargingModes"] == .array([.string("Mode_3")]))
        #expect(facilities[1]?["PowerType"] == .string("DC"), "from the connector type when chargingMode is missing")
        #expect(facilities[1]?["Power"] == .number("150"))
        #expect(r["RenewableEnergy"] == .bool(true))
        #expect(r["AuthenticationModes"] == .array([.string("REMOTE"), .string("NFC RFID Classic"), .string("Direct Payment")]))
        #expect(r["PaymentOptions"] == .array([.string("Contract"), .string("Direct")]), "Direct from the station's ad-hoc rate, after the points")
        #expect(r["Accessibility"] == .string("Free publicly accessible"))
        #expect(r["AccessibilityLocation"] == .string("OnStreet"))
        #expect(r["HotlinePhoneNumber"] == .string("+492211234567"))
        #expect(r["IsOpen24Hours"] == .bool(false))
        #expect(r["OpeningTimes"]?[0]?["on"] == .string("Workdays"))
        #expect(r["OpeningTimes"]?[0]?["Period"]?[0]?["begin"] == .string("07:00"))
        #expect(rejects.contains("mapping.required,EvseID,the refill point has no evseId"))
        #expect(rejects.contains("DE*KOE*E0003,DE*KOE,field.required,Plugs"))
        #expect(rejects.contains("xml.no-records"))
    }
}
