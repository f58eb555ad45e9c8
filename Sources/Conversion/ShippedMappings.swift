// Generated from mappings/*.yaml; a test checks that they match.
// After editing a mapping, regenerate: oicp-etl mapping shipped --write Sources/Conversion/ShippedMappings.swift
// (or copy the file's text here by hand).

/// The mappings in `mappings/`, built into the tool so `convert` can use them without a path.
public enum ShippedMappings {
    public static let all: [(name: String, yaml: String)] = [
        ("bench-legacy.yaml", #"""
# Legacy CPO export: one row per connector, rows of one EVSE next to each other.
# The format of ../shared/bench/gen_legacy_csv.py (the scale benchmark).
version: 1
name: Legacy CPO export (one row per connector)

input:
  format: csv
  delimiter: ","
  encoding: utf-8

records:
  # Rows with the same evse_id are one EVSE: Plugs are combined without repeats,
  # ChargingFacilities get one entry per row, every other field comes from the first row.
  group: { by: "{evse_id}" }

operator:
  id: { column: operator_id }
  name: { column: operator_name }

evse:
  EvseID: { column: evse_id, upper: true }
  ChargingStationID: { column: station_id }
  ChargingStationNames:
    - { lang: de, value: { column: station_name } }
  Address:
    Country: { column: country }
    City: { column: city }
    Street: { column: street }
    PostalCode: { column: postal_code }
    HouseNum: { column: house_number }
  GeoCoordinates:
    latitude: { column: latitude }
    longitude: { column: longitude }
    decimals: 6
  Plugs: { column: connector_type, table: plugs }
  ChargingFacilities:
    - PowerType: { column: power_type, table: power_types }
      Power: { column: power_kw, number: true, round: true }
      # Above 999 V or 99 A the value does not fit OICP 2.3 and is left out.
      Voltage: { column: voltage_v, number: true, range: { max: 999, outside: drop } }
      Amperage: { column: current_a, number: true, range: { max: 99, outside: drop } }
  RenewableEnergy: false
  CalibrationLawDataAvailability: Not Available
  AuthenticationModes: { column: auth_methods, split: ";", table: auth }
  PaymentOptions: { column: payment, split: ";", table: payment }
  ValueAddedServices: [None]
  Accessibility: { column: access, table: access }
  HotlinePhoneNumber: { column: hotline, phone: true }
  OpeningHours: { column: opening_hours, opening_hours: true }
  IsHubjectCompatible: true
  DynamicInfoAvailable: auto

tables:
  plugs:
    values:
      Type 2 socket: Type 2 Outlet
      Type 2 cable: Type 2 Connector (Cable Attached)
      Schuko: Type F Schuko
      CCS: CCS Combo 2 Plug (Cable Attached)
      CHAdeMO: CHAdeMO
      Type 1: Type 1 Connector (Cable Attached)
  power_types:
    values: { AC1: AC_1_PHASE, AC3: AC_3_PHASE, DC: DC }
  auth:
    values: { RFID: NFC RFID Classic, App: REMOTE, PnC: PnC, Direct: Direct Payment }
  payment:
    values: { contract: Contract, direct: Direct, free: No Payment }
  access:
    values:
      public: Free publicly accessible
      paying: Paying publicly accessible
      restricted: Restricted access
      private: Restricted access
"""#),
        ("bnetza-ladesaeulenregister.yaml", #"""
# The German charging register (Ladesäulenregister of the Bundesnetzagentur), CSV export:
# ";" separated, decimal commas, UTF-8 with BOM, CRLF, dates as dd.mm.yy.
# One row per charging device with up to four charge points (Steckertypen1/P1 [kW] … 4);
# each filled slot becomes one EVSE.
#
# The register has no EVSE IDs and no OperatorIDs: give the operator on the command line.
#
#   oicp-etl convert -m mappings/bnetza-ladesaeulenregister.yaml -i Ladesaeulenregister.csv -o out \
#       --set operator_id=DE*RHE --set operator_name="RheinEnergie AG" --set betreiber="Rheinenergie AG"
#
# - betreiber (optional) keeps only the rows of that operator (the column Betreiber); without it,
#   every row goes into the one bundle and Betreiber becomes SubOperatorName.
# - EvseIDs are synthesised from what identifies a device in the register (operator, address,
#   position, commissioning date) as a stable hash, plus the slot: DE*RHE*E<hash>*<slot>. They stay
#   the same when the register is exported again, as long as those columns do not change; rows
#   that are identical in all of them get *2, *3 … in file order.
# - PowerType: DC for DC plugs, three-phase AC above 3.7 kW, else single-phase AC.
# - The register says nothing of payment, authentication or opening hours: the parameters below
#   give them (defaults: contract, RFID and remote start, open 24/7).
version: 1
name: Bundesnetzagentur Ladesäulenregister

input:
  format: csv
  delimiter: ";"
  decimal: ","
  encoding: utf-8

parameters:
  operator_id: { required: true, description: "the OperatorID of the bundle, such as DE*RHE" }
  operator_name: { required: true, description: "the OperatorName of the bundle" }
  betreiber: { default: "", description: "keep only rows whose Betreiber is this text" }
  hotline: { required: true, description: "the operator's hotline, such as +49221123456" }
  opening_hours: { default: "24/7" }

records:
  select: "{$betreiber} is empty or {Betreiber} == {$betreiber}"
  explode: { var: i, from: 1, to: 4, when: "{Steckertypen{$i}} is not empty" }

operator:
  id: { param: operator_id, operator_id: true }
  name: { param: operator_name }

evse:
  EvseID:
    template: "{Betreiber}|{Straße?}|{Hausnummer?}|{Postleitzahl?}|{Breitengrad?}|{Längengrad?}|{Inbetriebnahmedatum?}"
    hash: { length: 10, repeats: number }
    prefix: "{$operator_id}*E"
    suffix: "*{$i}"
  SubOperatorName: { column: Betreiber, truncate: 100 }
  ChargingStationNames:
    - { lang: de, value: { template: "{Betreiber} {Straße?} {Hausnummer?}", truncate: 150 } }
  Address:
    Country: DEU
    Street: { column: Straße, truncate: 100 }
    HouseNum: { first: [{ column: Hausnummer, max_length: 10 }, "0"] }
    PostalCode: { column: Postleitzahl }
    City: { column: Ort, truncate: 50 }
    Region: { column: Bundesland }
  GeoCoordinates:
    latitude: { column: Breitengrad, number: true }
    longitude: { column: Längengrad, number: true }
  Plugs: { column: "Steckertypen{$i}", split: ",", table: plugs }
  ChargingFacilities:
    - PowerType:
        first:
          - { const: DC, when: "{Steckertypen{$i}} ~ 'DC'" }
          - { const: AC_3_PHASE, when: "{P{$i} [kW]} > 3.7" }
          - AC_1_PHASE
      Power: { column: "P{$i} [kW]", number: true }
  RenewableEnergy: false
  CalibrationLawDataAvailability: { first: [{ const: Local, when: "{Public Key{$i}} is not empty" }, Not Available] }
  AuthenticationModes: [NFC RFID Classic, REMOTE]
  PaymentOptions: [Contract]
  ValueAddedServices: [None]
  Accessibility: Free publicly accessible
  HotlinePhoneNumber: { param: hotline, phone: { country: 49 } }
  OpeningHours: { param: opening_hours, opening_hours: true }
  IsHubjectCompatible: true
  DynamicInfoAvailable: auto

tables:
  plugs:
    values:
      AC Steckdose Typ 2: Type 2 Outlet
      AC Kupplung Typ 2: Type 2 Connector (Cable Attached)
      AC Schuko: Type F Schuko
      DC Kupplung Combo: CCS Combo 2 Plug (Cable Attached)
      DC CHAdeMO: CHAdeMO
      AC Kupplung Typ 1: Type 1 Connector (Cable Attached)
      DC Kupplung Combo 1: CCS Combo 1 Plug (Cable Attached)
      AC CEE 5 polig: IEC 60309 Three Phase
      AC CEE 3 polig: IEC 60309 Single Phase
      DC Tesla: Tesla Connector
"""#),
        ("datex2-v3-energy-infrastructure.yaml", #"""
# DATEX II v3 Energy Infrastructure (EnergyInfrastructureTablePublication, the format of the
# EU's national access points) → OICP. One EVSE per refill point (an ElectricChargingPoint);
# its station and site are reachable as $station and $site.
#
#   oicp-etl convert -m mappings/datex2-v3-energy-infrastructure.yaml -i publication.xml -o out
#
# Names are matched by local name, whatever prefixes the file uses. Powers are in W.
version: 1
name: DATEX II v3 Energy Infrastructure

input:
  format: xml

parameters:
  operator_id: { default: "", description: "the OperatorID for refill points whose evseId does not carry one" }
  operator_name: { default: "", description: "the OperatorName when the station and site name no operator" }
  hotline: { default: "", description: "the hotline, +…, for stations without a helpdesk telephone number" }
  synthesize_evse_ids:
    default: "false"
    description: "true: refill points without evseId get <operator_id>*E<hash of the refill point's id>; false: they are rejected"

records:
  path: refillPoint
  enclosing: { station: energyInfrastructureStation, site: energyInfrastructureSite }

operator:
  # The EvseID's operator part is what Hubject checks.
  id:
    first:
      - { path: evseId, evse_id: true, capture: '^([A-Z]{2}\*?[A-Z0-9]{3})\*?E[A-Z0-9*]{1,30}$', operator_id: true }
      - { param: operator_id, operator_id: true }
  name:
    first:
      - { path: "$station.operator.name.values.value[0]", truncate: 100 }
      - { path: "$site.operator.name.values.value[0]", truncate: 100 }
      - { param: operator_name }

evse:
  EvseID:
    first:
      - { path: evseId, evse_id: true }
      - { path: "@id", hash: { length: 12 }, prefix: "{$operator_id}*E", when: "{$synthesize_evse_ids} == 'true' and {$operator_id} is not empty" }
    required: "the refill point has no evseId"
  ChargingStationID: { path: $station.@id, max_length: 50 }
  # Stations and sites often have no name: then the street and city.
  ChargingStationNames:
    - lang: { first: [{ path: "$station.name.values.value[0].@lang" }, { path: "$site.name.values.value[0].@lang" }, de] }
      value:
        first:
          - { path: "$station.name.values.value[0]" }
          - { path: "$site.name.values.value[0]" }
          - { template: "{$station.locationReference.facilityLocation.address.addressLine.text.values.value} {$station.locationReference.facilityLocation.address.postcode?} {$station.locationReference.facilityLocation.address.city.values.value?}", replace: { pattern: ",", with: " " } }
          - { template: "{$site.locationReference.facilityLocation.address.addressLine.text.values.value} {$site.locationReference.facilityLocation.address.postcode?} {$site.locationReference.facilityLocation.address.city.values.value?}", replace: { pattern: ",", with: " " } }
        truncate: 150
  ChargingStationImage: { path: "$station.photoUrl[0].urlLinkAddress", max_length: 200, on_error: drop }
  Address:
    Country:
      first: [{ path: $station.locationReference.facilityLocation.address.countryCode }, { path: $site.locationReference.facilityLocation.address.countryCode }]
      country: true
    City:
      first:
        - { path: "$station.locationReference.facilityLocation.address.city.values.value[0]" }
        - { path: "$site.locationReference.facilityLocation.address.city.values.value[0]" }
      truncate: 50
    PostalCode:
      first: [{ path: $station.locationReference.facilityLocation.address.postcode }, { path: $site.locationReference.facilityLocation.address.postcode }]
      truncate: 10
    Street:
      first:
        - { path: $station.locationReference.facilityLocation.address.addressLine, each: { path: text.values.value, when: "{type} == 'street'" }, join: " " }
        - { path: $site.locationReference.facilityLocation.address.addressLine, each: { path: text.values.value, when: "{type} == 'street'" }, join: " " }
      truncate: 100
    HouseNum:
      first:
        - { path: $station.locationReference.facilityLocation.address.addressLine, each: { path: text.values.value, when: "{type} == 'houseNumber'" }, join: " " }
        - { path: $site.locationReference.facilityLocation.address.addressLine, each: { path: text.values.value, when: "{type} == 'houseNumber'" }, join: " " }
        - "s/n"
      max_length: 10
    # "+01:00" → "UTC+01:00"
    TimeZone:
      first: [{ path: $station.locationReference.facilityLocation.timeZone }, { path: $site.locationReference.facilityLocation.timeZone }]
      prefix: UTC
      on_error: drop
  # The station's point, else its display coordinates, else the site's.
  GeoCoordinates:
    latitude:
      first:
        - { path: $station.locationReference.pointByCoordinates.pointCoordinates.latitude }
        - { path: $station.locationReference.coordinatesForDisplay.latitude }
        - { path: $site.locationReference.pointByCoordinates.pointCoordinates.latitude }
        - { path: $site.locationReference.coordinatesForDisplay.latitude }
      number: true
    longitude:
      first:
        - { path: $station.locationReference.pointByCoordinates.pointCoordinates.longitude }
        - { path: $station.locationReference.coordinatesForDisplay.longitude }
        - { path: $site.locationReference.pointByCoordinates.pointCoordinates.longitude }
        - { path: $site.locationReference.coordinatesForDisplay.longitude }
      number: true
  GeoChargingPointEntrance:
    latitude: { path: "$site.entrance[0].coordinatesForDisplay.latitude", number: true }
    longitude: { path: "$site.entrance[0].coordinatesForDisplay.longitude", number: true }
  Plugs: { path: connector, each: { template: "{connectorType} {connectorFormat?}" }, table: plugs, distinct: true }
  ChargingFacilities:
    path: connector
    each:
      PowerType: { first: [{ path: chargingMode, table: power_type }, { path: connectorType, table: power_type_of_plug }] }
      # maxPowerAtSocket, voltage and maximumCurrent are in W, V and A.
      Power: { path: maxPowerAtSocket, number: true, divide: 1000 }
      Voltage: { path: voltage, number: true, round: true, range: { max: 999, outside: drop } }
      Amperage: { path: maximumCurrent, number: true, round: true, range: { max: 99, outside: drop } }
      ChargingModes: { path: chargingMode, table: charging_mode }
  RenewableEnergy:
    first:
      - { const: true, when: "{electricEnergy.isGreenEnergy} ~ 'true' or {$station.electricEnergy.isGreenEnergy} ~ 'true'" }
      - false
  CalibrationLawDataAvailability: Not Available
  # REMOTE is always possible through Hubject (IsHubjectCompatible); the rest from the station.
  AuthenticationModes:
    - REMOTE
    - { path: $station.authenticationAndIdentificationMethods, table: authentication }
  # Contract always (roaming); Direct when the point or the station has an ad-hoc rate or takes cards.
  PaymentOptions:
    - Contract
    - { path: electricEnergy.energyRate.ratePolicy, table: payment }
    - { path: $station.electricEnergy.energyRate.ratePolicy, table: payment }
    - { path: $station.authenticationAndIdentificationMethods, table: payment_of_authentication }
  ValueAddedServices: [None]
  Accessibility:
    first:
      - { path: "$site.exclusiveUsers[0]", table: access }
      - Free publicly accessible
  AccessibilityLocation: { path: $site.typeOfSite, table: site_type }
  HotlinePhoneNumber:
    first:
      - { path: "$station.helpdesk.organisationUnit.contactInformation.telephoneNumber[0]" }
      - { path: "$site.helpdesk.organisationUnit.contactInformation.telephoneNumber[0]" }
      - { param: hotline }
    phone: true
  # OpenAllHours, or the recurring periods of an OperatingHoursSpecification
  # ("monday,tuesday 07:00:00-20:00:00"); no operating hours: open around the clock.
  OpeningHours:
    first:
      - { const: 24/7, when: "{$station.operatingHours.@type} == 'OpenAllHours'" }
      - path: $station.operatingHours.overallPeriod.validPeriod
        each: { template: "{recurringDayWeekMonthPeriod.applicableDay?} {recurringTimePeriodOfDay.startTimeOfPeriod}-{recurringTimePeriodOfDay.endTimeOfPeriod}" }
        join: "; "
      - { const: 24/7, when: "{$site.operatingHours.@type} == 'OpenAllHours'" }
      - path: $site.operatingHours.overallPeriod.validPeriod
        each: { template: "{recurringDayWeekMonthPeriod.applicableDay?} {recurringTimePeriodOfDay.startTimeOfPeriod}-{recurringTimePeriodOfDay.endTimeOfPeriod}" }
        join: "; "
      - 24/7
    opening_hours: true
  AdditionalInfo:
    path: $station.additionalInformation.values.value
    each: { lang: { path: "@lang" }, value: { path: "#text", truncate: 150 } }
  ChargingStationLocationReference:
    path: $station.locationReference.supplementaryPositionalDescription.locationDescription.values.value
    each: { lang: { path: "@lang" }, value: { path: "#text", truncate: 150 } }
  IsHubjectCompatible: true
  DynamicInfoAvailable: auto

tables:
  plugs:
    unknown: drop
    values:
      iec62196T2 socket: Type 2 Outlet
      iec62196T2 cableMode3: Type 2 Connector (Cable Attached)
      iec62196T2 cableMode2: Type 2 Connector (Cable Attached)
      iec62196T2 otherCable: Type 2 Connector (Cable Attached)
      iec62196T2: Type 2 Outlet
      iec62196T2COMBO: CCS Combo 2 Plug (Cable Attached)
      iec62196T1: Type 1 Connector (Cable Attached)
      iec62196T1COMBO: CCS Combo 1 Plug (Cable Attached)
      iec62196T3A: Type 3 Outlet
      iec62196T3C: Type 3 Outlet
      chademo: CHAdeMO
      domesticE: Type E French Standard
      domesticF: Type F Schuko
      domesticG: Type G British Standard
      domesticJ: Type J Swiss Standard
      iec60309x2single16: IEC 60309 Single Phase
      iec60309x2three16: IEC 60309 Three Phase
      iec60309x2three32: IEC 60309 Three Phase
      iec60309x2three64: IEC 60309 Three Phase
      cee3: IEC 60309 Single Phase
      cee5: IEC 60309 Three Phase
      teslaConnectorEurope: Tesla Connector
      teslaR: Tesla Connector
      teslaS: Tesla Connector
      # No OICP counterpart: left out and counted (a refill point with nothing else is rejected).
      other: ~
      mcs: ~
      pantographBottomUp: ~
      pantographTopDown: ~
      teslaConnectorAmerica: ~
      yazaki: ~
  power_type:
    unknown: drop
    values:
      mode1AC1p: AC_1_PHASE
      mode2AC1p: AC_1_PHASE
      mode1AC3p: AC_3_PHASE
      mode2AC3p: AC_3_PHASE
      mode3AC3p: AC_3_PHASE
      mode4DC: DC
      ccs: DC
  # Without chargingMode: DC connectors are DC; Type 2 and the industrial sockets three-phase.
  power_type_of_plug:
    unknown: drop
    values:
      chademo: DC
      iec62196T2COMBO: DC
      iec62196T1COMBO: DC
      mcs: DC
      iec62196T2: AC_3_PHASE
      iec62196T3A: AC_1_PHASE
      iec62196T3C: AC_3_PHASE
      iec62196T1: AC_1_PHASE
      iec60309x2three16: AC_3_PHASE
      iec60309x2three32: AC_3_PHASE
      iec60309x2three64: AC_3_PHASE
      cee5: AC_3_PHASE
      iec60309x2single16: AC_1_PHASE
      cee3: AC_1_PHASE
      domesticE: AC_1_PHASE
      domesticF: AC_1_PHASE
      domesticG: AC_1_PHASE
      domesticJ: AC_1_PHASE
      teslaConnectorEurope: AC_3_PHASE
      # Unknown current: the facility is rejected unless chargingMode says it.
      other: ~
      teslaR: ~
      teslaS: ~
      teslaConnectorAmerica: ~
      yazaki: ~
      pantographBottomUp: ~
      pantographTopDown: ~
  charging_mode:
    unknown: drop
    values:
      mode1AC1p: Mode_1
      mode1AC3p: Mode_1
      mode2AC1p: Mode_2
      mode2AC3p: Mode_2
      mode3AC3p: Mode_3
      mode4DC: Mode_4
      ccs: Mode_4
  authentication:
    unknown: drop
    values:
      activeRFIDChip: NFC RFID Classic
      rfid: NFC RFID Classic
      mifareClassic: NFC RFID Classic
      calypso: NFC RFID Classic
      mifareDesfire: NFC RFID DESFire
      plc: PnC
      apps: REMOTE
      overTheAir: REMOTE
      phoneSMS: REMOTE
      phoneDialog: REMOTE
      website: REMOTE
      creditCard: Direct Payment
      debitCard: Direct Payment
      nfc: Direct Payment
      pinpad: Direct Payment
      prepaidCard: Direct Payment
      cashPayment: Direct Payment
      unlimitedAccess: No Authentication Required
      noAccess: ~
  payment:
    unknown: drop
    values: { adHoc: Direct, contract: Contract }
  payment_of_authentication:
    unknown: drop
    values:
      creditCard: Direct
      debitCard: Direct
      cashPayment: Direct
      pinpad: Direct
      nfc: Direct
      prepaidCard: Direct
      unlimitedAccess: No Payment
      # Means of identification, not of payment.
      activeRFIDChip: ~
      rfid: ~
      mifareClassic: ~
      mifareDesfire: ~
      calypso: ~
      apps: ~
      overTheAir: ~
      phoneSMS: ~
      phoneDialog: ~
      plc: ~
      website: ~
      noAccess: ~
  access:
    unknown: drop
    values:
      allUsers: Free publicly accessible
      commuters: Restricted access
      customers: Restricted access
      elderlyUsers: Restricted access
      employees: Restricted access
      families: Restricted access
      personsWithDisabilities: Restricted access
      residents: Restricted access
      visitors: Restricted access
  site_type:
    unknown: drop
    values: { onstreet: OnStreet, openSpace: ParkingLot, inBuilding: ParkingGarage }
"""#),
        ("irve-consolidation-v1.yaml", #"""
# The older French IRVE national consolidation (schema v1, until 2020): ";" separated, CRLF,
# one row per charge point, plugs as free text in over a hundred spellings ("E/F-T2",
# "T2 – E/F", "EF - T2 - T3", "CHAdeMO-Combo", …), power as "22", "22 kW", "3,7kW" or "22 kva",
# opening hours in the column "accessibilité" ("24h/24 7j/7", "24/24 7/7 jours", …).
#
# The plug table collects every plug named in the text; spellings it cannot read are listed in
# report.json under unknown_values.plugs (add them to the table and run again).
version: 1
name: IRVE consolidation (schéma v1)

input:
  format: csv
  delimiter: ";"
  decimal: auto

parameters:
  hotline: { required: true, description: "the hotline written for every charge point (v1 has none), +33…" }
  no_house_number: { default: "s/n" }
  unknown_hours: { default: "24/7", description: "opening hours when the column is empty" }

operator:
  id: { column: id_pdc, evse_id: true, capture: '^([A-Z]{2}\*[A-Z0-9]{3})\*' }
  name: { first: [{ column: n_operateur }, { column: n_enseigne }, { column: n_amenageur }] }

evse:
  EvseID: { column: id_pdc, evse_id: true }
  # Optional: a station ID that is no valid pool ID (many v1 IDs hold "_") is left out, not a reason to reject.
  ChargingPoolID: { column: id_station, pool_id: true, when: "{$value} ~ '^[A-Z]{2}\\*?[A-Z0-9]{3}\\*?P[A-Z0-9*]{1,30}$'" }
  ChargingStationNames:
    - { lang: fr, value: { column: n_station, truncate: 150 } }
  SubOperatorName: { column: n_amenageur, truncate: 100 }
  Address:
    Country: { column: id_pdc, capture: '^([A-Za-z]{2})', country: true }
    # "<street> <number> <postal code> <city>" or "<number> <street> <postal code> <city>"
    HouseNum:
      first:
        - { column: ad_station, capture: '^(\d+\s?(?i:bis|ter)?)\s+\D' }
        - { column: ad_station, capture: '^\D.*?\s(\d+\s?(?i:bis|ter)?)\s+(?:\d{5}\s+)?\D[^0-9]*$', when: "{$value} != '0'" }
        - { param: no_house_number }
    Street: { column: ad_station, capture: '^(?:\d+\s?(?i:bis|ter)?\s+)?(\D.*?)(?:\s+\d+\s?(?i:bis|ter)?)?(?:\s+\d{5})?\s+[^\s]+(?:\s+[^\s]+)*?$', truncate: 100 }
    PostalCode: { column: ad_station, capture: '\b(\d{5})\b' }
    City: { column: ad_station, capture: '(?:\d{5}|\d+)\s+(\D[^0-9]*)$', truncate: 50 }
  GeoCoordinates:
    latitude: { column: Ylatitude, number: { decimal: auto } }
    longitude: { column: Xlongitude, number: { decimal: auto } }
  Plugs: { column: type_prise, table: plugs }
  ChargingFacilities:
    - PowerType:
        first:
          - { const: DC, when: "{type_prise} ~ '(?i)combo|ccs|cha.?de.?mo|cahdemo'" }
          - { const: AC_3_PHASE, when: "{puiss_max} > 7.4" }
          - AC_1_PHASE
      Power: { column: puiss_max, number: { unit: kW } }
  RenewableEnergy: false
  CalibrationLawDataAvailability: Not Available
  AuthenticationModes: [NFC RFID Classic, REMOTE]
  PaymentOptions:
    first:
      - { const: No Payment, when: "{acces_recharge} ~ '(?i)^gratuit'" }
      - Contract
  ValueAddedServices: [None]
  Accessibility: Free publicly accessible
  HotlinePhoneNumber: { param: hotline, phone: { country: 33 } }
  OpeningHours: { column: accessibilité, default: { param: unknown_hours }, opening_hours: true }
  AdditionalInfo:
    - { lang: fr, value: { column: observations, truncate: 150 } }
  IsHubjectCompatible: true
  DynamicInfoAvailable: auto

tables:
  plugs:
    unknown: drop
    collect: true
    patterns:
      - { match: '(?i)(\bE\s*/\s*F\b|\bEF\b|\bTE\b|type\s*E\b|T2\*E)', value: Type E French Standard }
      - { match: '(?i)(\bT2S?\b|type\s*2|AC socket)', value: Type 2 Outlet }
      - { match: '(?i)AC plug', value: Type 2 Connector (Cable Attached) }
      - { match: '(?i)(\bT3\b|type\s*3)', value: Type 3 Outlet }
      - { match: '(?i)(combo|ccs)', value: CCS Combo 2 Plug (Cable Attached) }
      - { match: '(?i)(cha\s*de\s*mo|cahdemo)', value: CHAdeMO }
"""#),
        ("irve-statique-v2.yaml", #"""
# French IRVE static data, schema 2.x (schema.data.gouv.fr etalab/schema-irve, "statique").
# One row per charge point (point de charge, PDC) = one EVSE.
#
#   oicp-etl convert -m mappings/irve-statique-v2.yaml -i consolidation.csv -o out
#
# Choices (see docs/mapping-language.md for the keys):
# - EvseID from id_pdc_itinerance (FRA12E123 → FR*A12*E123); the OperatorID is its operator part.
# - Plugs from the boolean columns; cable_t2_attache decides between a Type 2 socket and a
#   Type 2 cable. An empty cable_t2_attache (optional in the schema) reads as a socket.
# - PowerType: DC when the PDC has CCS or CHAdeMO, else three-phase AC above 7.4 kW.
# - The address string "10 Carrefour du Mont Blanc 74400 CHAMONIX" is cut into house number,
#   street, postal code and city; addresses without a house number get the parameter
#   no_house_number (OICP 2.3 requires one), counted in report.json under defaulted_values.
# - Payment: gratuit → No Payment; otherwise Contract (roaming), plus Direct when the PDC
#   takes ad-hoc or card payment. Authentication: RFID and REMOTE, plus Direct Payment with cards.
version: 1
name: IRVE statique (schéma 2.x)

input:
  format: csv
  delimiter: ","
  decimal: auto

parameters:
  hotline:
    default: ""
    description: hotline for PDCs whose telephone_operateur is empty (+33…)
  no_house_number:
    default: "s/n"
    description: HouseNum for addresses written without a number

operator:
  id: { column: id_pdc_itinerance, evse_id: true, capture: '^([A-Z]{2}\*[A-Z0-9]{3})\*' }
  name: { first: [{ column: nom_operateur }, { column: nom_enseigne }, { column: nom_amenageur }] }

evse:
  EvseID: { column: id_pdc_itinerance, evse_id: true }
  ChargingPoolID: { column: id_station_itinerance, pool_id: true, when: "{$value} !~ 'Non concern'" }
  ChargingStationID: { first: [{ column: id_station_local, max_length: 50 }, { column: id_station_itinerance }] }
  ChargingStationNames:
    - { lang: fr, value: { column: nom_station, truncate: 150 } }
  SubOperatorName: { column: nom_amenageur, truncate: 100 }
  Address:
    Country: { column: id_pdc_itinerance, capture: '^([A-Za-z]{2})', country: true }
    # "<number> <street> <postal code> <city>"; the number is often missing, sometimes
    # written twice ("319 319 Route du …"), as a range ("1347-1335") or with BIS/TER.
    HouseNum:
      column: adresse_station
      capture: { pattern: '^(?<num>\d+(?:\s*[-/]\s*\d+)?(?:\s?(?i:bis|ter|quater)|[A-Za-z](?=[\s,]))?)[,\s]+(?:\k<num>[,\s]+)?(?<street>.+?)[,\s]+(?<zip>\d{5})\s+(?<city>\D.*)$', group: num }
      default: { param: no_house_number }
    Street:
      column: adresse_station
      capture: { pattern: '^(?:(?<num>\d+(?:\s*[-/]\s*\d+)?(?:\s?(?i:bis|ter|quater)|[A-Za-z](?=[\s,]))?)[,\s]+(?:\k<num>[,\s]+)?)?(?<street>.+?)[,\s]+(?<zip>\d{5})\s+(?<city>\D.*)$', group: street }
      truncate: 100
    PostalCode: { column: adresse_station, capture: '^.*?\b(\d{5})\s+\D.*$' }
    City: { column: adresse_station, capture: '^.*?\b\d{5}\s+(\D.*)$', truncate: 50 }
  GeoCoordinates: { column: coordonneesXY, coordinates: lon-lat }
  Plugs:
    - { const: Type E French Standard, when: "{prise_type_ef}" }
    - { const: Type 2 Outlet, when: "{prise_type_2} and not {cable_t2_attache}" }
    - { const: Type 2 Connector (Cable Attached), when: "{prise_type_2} and {cable_t2_attache}" }
    - { const: CCS Combo 2 Plug (Cable Attached), when: "{prise_type_combo_ccs}" }
    - { const: CHAdeMO, when: "{prise_type_chademo}" }
  ChargingFacilities:
    - PowerType:
        first:
          - { const: DC, when: "{prise_type_combo_ccs} or {prise_type_chademo}" }
          - { const: AC_3_PHASE, when: "{puissance_nominale} > 7.4" }
          - AC_1_PHASE
      # puissance_nominale is in kW; a value above 2000 was written in W.
      Power:
        first:
          - { column: puissance_nominale, number: true, when: "{$value} <= 2000" }
          - { column: puissance_nominale, number: true, divide: 1000 }
  RenewableEnergy: false
  CalibrationLawDataAvailability: Not Available
  AuthenticationModes:
    - NFC RFID Classic
    - REMOTE
    - { const: Direct Payment, when: "{paiement_cb}" }
  PaymentOptions:
    first:
      - { const: No Payment, when: "{gratuit}" }
      - [Contract, { const: Direct, when: "{paiement_acte} or {paiement_cb}" }]
  ValueAddedServices:
    first:
      - { const: Reservation, when: "{reservation}" }
      - None
  Accessibility:
    first:
      - { const: Restricted access, when: "{condition_acces} == 'Accès réservé' or {implantation_station} == 'Parking privé réservé à la clientèle'" }
      - { column: implantation_station, table: accessibility }
  AccessibilityLocation: { column: implantation_station, table: location }
  HotlinePhoneNumber: { first: [{ column: telephone_operateur, phone: { country: 33 } }, { param: hotline }] }
  OpeningHours: { column: horaires, opening_hours: true }
  AdditionalInfo:
    - { lang: fr, value: { column: observations, truncate: 150 } }
  IsHubjectCompatible: true
  DynamicInfoAvailable: auto

tables:
  accessibility:
    values:
      Voirie: Free publicly accessible
      Parking public: Paying publicly accessible
      Parking privé à usage public: Paying publicly accessible
      Parking privé réservé à la clientèle: Restricted access
      Station dédiée à la recharge rapide: Free publicly accessible
  location:
    unknown: drop
    values:
      Voirie: OnStreet
      Parking public: ParkingLot
      Parking privé à usage public: ParkingLot
      Parking privé réservé à la clientèle: ParkingLot
      Station dédiée à la recharge rapide: ParkingLot
"""#),
        ("ocpi-2.1.1.yaml", #"""
# OCPI 2.1.1 Locations → OICP. One EVSE record per OCPI EVSE; its Location is reachable as $location.
# Differences from 2.2.1: connectors give voltage and amperage (no max_electric_power), the
# Location has type instead of parking_type, and there are no country_code, party_id or publish.
#
#   oicp-etl convert -m mappings/ocpi-2.1.1.yaml -i locations.json -o out --set hotline=+4930123456
#
# OCPI has no hotline: give it with --set hotline=… (or per operator under operators:).
# Every choice is explained in docs/ocpi-to-oicp.md.
version: 1
name: OCPI 2.1.1 Locations

input:
  format: json
  # OCPI keys are snake_case; feeds serialised from camelCase code (postalCode, evseId) read the same.
  keys: snake_case

parameters:
  hotline: { required: true, description: "the CPO's hotline, +… (OCPI has none)" }
  language: { default: "en", description: "the language of Location names and texts without one" }
  operator_name: { default: "", description: "the OperatorName for Locations without operator, suboperator or owner" }
  operator_id: { default: "", description: "the OperatorID for EVSEs whose evse_id carries none (2.1.1 has no party)" }
  synthesize_evse_ids:
    default: "false"
    description: "true: EVSEs without evse_id get <operator_id>*E<hash of uid>; false: they are rejected"

records:
  path: "evses[*]"
  enclosing: location
  # Removed EVSEs are left out (counted as excluded).
  select: "{status} != 'REMOVED'"

operator:
  # The EvseID's operator part is what Hubject checks; the OCPI party is the fallback.
  id:
    first:
      - { first: [{ path: evse_id }, { path: id }], evse_id: true, capture: '^([A-Z]{2}\*?[A-Z0-9]{3})\*?E', operator_id: true }
      - { param: operator_id, operator_id: true }
  name:
    first:
      - { path: $location.operator.name, truncate: 100 }
      - { path: $location.suboperator.name, truncate: 100 }
      - { path: $location.owner.name, truncate: 100 }
      - { param: operator_name }

evse:
  EvseID:
    first:
      - { path: evse_id, evse_id: true }
      - { path: id, evse_id: true }
      - { path: uid, hash: { length: 12 }, prefix: "{$operator_id}*E", when: "{$synthesize_evse_ids} == 'true' and {$operator_id} is not empty" }
    required: "the EVSE has no evse_id"
  ChargingStationID: { path: $location.id, max_length: 50 }
  ChargingStationNames:
    - { lang: { param: language }, value: { path: $location.name, truncate: 150 } }
  SubOperatorName: { path: $location.suboperator.name, truncate: 100 }
  ChargingStationImage: { path: "$location.images[0].url", max_length: 200, on_error: drop }
  Address:
    Country: { path: $location.country, country: true }
    City: { path: $location.city, truncate: 50 }
    PostalCode: { path: $location.postal_code, truncate: 10 }
    Region: { path: $location.state, truncate: 50 }
    # "F.Rooseveltlaan 3A", "10 Rue de la Paix", "R. da Igreja, 79"
    Street:
      first:
        - { path: $location.address, capture: '^(.*?\D)[\s,]+(?:No[:.]?\s*)?\d+\s?[A-Za-z]?(?:[-/]\d+[A-Za-z]?)?$', truncate: 100 }
        - { path: $location.address, capture: '^\d+\s?[A-Za-z]?(?:[-/]\d+)?[\s,]+(\D.*)$', truncate: 100 }
        - { path: $location.address, truncate: 100 }
    HouseNum:
      first:
        - { path: $location.address, capture: '^.*?\D[\s,]+(?:No[:.]?\s*)?(\d+\s?[A-Za-z]?(?:[-/]\d+[A-Za-z]?)?)$', max_length: 10 }
        - { path: $location.address, capture: '^(\d+\s?[A-Za-z]?(?:[-/]\d+)?)[\s,]+\D', max_length: 10 }
        - "s/n"
    Floor: { path: floor_level, truncate: 5 }
    TimeZone: { path: $location.time_zone, utc_offset: true, on_error: drop }
  # The EVSE's own position when it has one, else the Location's.
  GeoCoordinates:
    latitude: { first: [{ path: coordinates.latitude }, { path: $location.coordinates.latitude }], number: true }
    longitude: { first: [{ path: coordinates.longitude }, { path: $location.coordinates.longitude }], number: true }
  Plugs: { path: connectors, each: { template: "{standard} {format?}" }, table: plugs, distinct: true }
  ChargingFacilities:
    path: connectors
    each:
      PowerType: { path: power_type, table: power_type }
      Voltage: { path: voltage, number: true, range: { max: 999, outside: drop } }
      Amperage: { path: amperage, number: true, range: { max: 99, outside: drop } }
      # 2.1.1 has no power: voltage × amperage (× 3 for three phases).
      Power:
        first:
          - { path: max_electric_power, number: true, kilowatts: true }
          - product: [{ path: voltage }, { path: amperage }, { first: [{ const: 3, when: "{power_type} == 'AC_3_PHASE'" }, 1] }]
            divide: 1000
  RenewableEnergy: { path: $location.energy_mix.is_green_energy, bool: true, default: false }
  EnergySource:
    path: $location.energy_mix.energy_sources
    each:
      Energy: { path: source, table: energy }
      Percentage: { path: percentage, number: true, round: true, range: { max: 99, outside: drop } }
  EnvironmentalImpact:
    CO2Emission: { path: $location.energy_mix.environ_impact, each: { path: amount, when: "{category} == 'CARBON_DIOXIDE'" }, number: true }
    NuclearWaste: { path: $location.energy_mix.environ_impact, each: { path: amount, when: "{category} == 'NUCLEAR_WASTE'" }, number: true }
  CalibrationLawDataAvailability: Not Available
  # REMOTE is always possible through Hubject (IsHubjectCompatible); the rest from capabilities.
  AuthenticationModes:
    - REMOTE
    - { path: capabilities, table: authentication }
  PaymentOptions:
    - Contract
    - { path: capabilities, table: payment, distinct: true }
  ValueAddedServices:
    first:
      - { path: capabilities, table: services }
      - None
  Accessibility:
    first:
      - { const: Restricted access, when: "{parking_restrictions} ~ 'CUSTOMERS'" }
      - Free publicly accessible
  AccessibilityLocation: { path: $location.type, table: parking }
  HotlinePhoneNumber: { param: hotline, phone: true }
  # Without opening_times a Location is open around the clock (counted under defaulted_values).
  OpeningHours: { path: $location.opening_times, default: 24/7, opening_hours: ocpi }
  ChargingStationLocationReference:
    path: $location.directions
    each: { lang: { path: language }, value: { path: text, truncate: 150 } }
  AdditionalInfo:
    - { lang: { param: language }, value: { path: physical_reference, prefix: "Charge point ", truncate: 150 } }
  IsHubjectCompatible: true
  DynamicInfoAvailable: auto

tables:
  plugs:
    unknown: drop
    values:
      IEC_62196_T2 SOCKET: Type 2 Outlet
      IEC_62196_T2 CABLE: Type 2 Connector (Cable Attached)
      IEC_62196_T2: Type 2 Outlet
      IEC_62196_T2_COMBO CABLE: CCS Combo 2 Plug (Cable Attached)
      IEC_62196_T2_COMBO SOCKET: CCS Combo 2 Plug (Cable Attached)
      IEC_62196_T2_COMBO: CCS Combo 2 Plug (Cable Attached)
      IEC_62196_T1 CABLE: Type 1 Connector (Cable Attached)
      IEC_62196_T1 SOCKET: Type 1 Connector (Cable Attached)
      IEC_62196_T1: Type 1 Connector (Cable Attached)
      IEC_62196_T1_COMBO CABLE: CCS Combo 1 Plug (Cable Attached)
      IEC_62196_T1_COMBO: CCS Combo 1 Plug (Cable Attached)
      CHADEMO CABLE: CHAdeMO
      CHADEMO SOCKET: CHAdeMO
      CHADEMO: CHAdeMO
      IEC_62196_T3A SOCKET: Type 3 Outlet
      IEC_62196_T3A: Type 3 Outlet
      IEC_62196_T3C SOCKET: Type 3 Outlet
      IEC_62196_T3C: Type 3 Outlet
      DOMESTIC_E SOCKET: Type E French Standard
      DOMESTIC_E: Type E French Standard
      DOMESTIC_F SOCKET: Type F Schuko
      DOMESTIC_F: Type F Schuko
      DOMESTIC_G SOCKET: Type G British Standard
      DOMESTIC_G: Type G British Standard
      DOMESTIC_J SOCKET: Type J Swiss Standard
      DOMESTIC_J: Type J Swiss Standard
      IEC_60309_2_single_16 SOCKET: IEC 60309 Single Phase
      IEC_60309_2_single_16: IEC 60309 Single Phase
      IEC_60309_2_three_16 SOCKET: IEC 60309 Three Phase
      IEC_60309_2_three_16: IEC 60309 Three Phase
      IEC_60309_2_three_32 SOCKET: IEC 60309 Three Phase
      IEC_60309_2_three_32: IEC 60309 Three Phase
      IEC_60309_2_three_64 SOCKET: IEC 60309 Three Phase
      IEC_60309_2_three_64: IEC 60309 Three Phase
      TESLA_R CABLE: Tesla Connector
      TESLA_R: Tesla Connector
      TESLA_S CABLE: Tesla Connector
      TESLA_S: Tesla Connector
      NEMA_5_20 SOCKET: NEMA 5-20
      NEMA_5_20: NEMA 5-20
      # No OICP counterpart: left out (an EVSE with nothing else is rejected).
      GBT_AC CABLE: ~
      GBT_AC SOCKET: ~
      GBT_AC: ~
      GBT_DC CABLE: ~
      GBT_DC: ~
      CHAOJI CABLE: ~
      CHAOJI: ~
  power_type:
    values: { AC_1_PHASE: AC_1_PHASE, AC_3_PHASE: AC_3_PHASE, DC: DC }
  authentication:
    unknown: drop
    values:
      RFID_READER: NFC RFID Classic
      REMOTE_START_STOP_CAPABLE: REMOTE
      PLUG_AND_CHARGE_CAPABLE: PnC
      CREDIT_CARD_PAYABLE: Direct Payment
      DEBIT_CARD_PAYABLE: Direct Payment
      CONTACTLESS_CARD_SUPPORT: Direct Payment
      CHIP_CARD_SUPPORT: Direct Payment
      PED_TERMINAL: Direct Payment
      CHARGING_PROFILE_CAPABLE: ~
      CHARGING_PREFERENCES_CAPABLE: ~
      RESERVABLE: ~
      START_SESSION_CONNECTOR_REQUIRED: ~
      TOKEN_GROUP_CAPABLE: ~
      UNLOCK_CAPABLE: ~
  payment:
    unknown: drop
    values:
      CREDIT_CARD_PAYABLE: Direct
      DEBIT_CARD_PAYABLE: Direct
      CONTACTLESS_CARD_SUPPORT: Direct
      CHIP_CARD_SUPPORT: Direct
      PED_TERMINAL: Direct
      RFID_READER: ~
      REMOTE_START_STOP_CAPABLE: ~
      PLUG_AND_CHARGE_CAPABLE: ~
      CHARGING_PROFILE_CAPABLE: ~
      CHARGING_PREFERENCES_CAPABLE: ~
      RESERVABLE: ~
      START_SESSION_CONNECTOR_REQUIRED: ~
      TOKEN_GROUP_CAPABLE: ~
      UNLOCK_CAPABLE: ~
  services:
    unknown: drop
    values:
      RESERVABLE: Reservation
      CHARGING_PROFILE_CAPABLE: ~
      CHARGING_PREFERENCES_CAPABLE: ~
      RFID_READER: ~
      REMOTE_START_STOP_CAPABLE: ~
      PLUG_AND_CHARGE_CAPABLE: ~
      CREDIT_CARD_PAYABLE: ~
      DEBIT_CARD_PAYABLE: ~
      CONTACTLESS_CARD_SUPPORT: ~
      CHIP_CARD_SUPPORT: ~
      PED_TERMINAL: ~
      START_SESSION_CONNECTOR_REQUIRED: ~
      TOKEN_GROUP_CAPABLE: ~
      UNLOCK_CAPABLE: ~
  parking:
    unknown: drop
    values:
      ON_STREET: OnStreet
      ALONG_MOTORWAY: OnStreet
      PARKING_LOT: ParkingLot
      PARKING_GARAGE: ParkingGarage
      UNDERGROUND_GARAGE: UndergroundParkingGarage
      OTHER: ~
      UNKNOWN: ~
  energy:
    unknown: drop
    values:
      SOLAR: Solar
      WIND: Wind
      WATER: HydroPower
      COAL: Coal
      NUCLEAR: NuclearEnergy
      GAS: NaturalGas
      GENERAL_FOSSIL: ~
      GENERAL_GREEN: ~
"""#),
        ("ocpi-2.2.1.yaml", #"""
# OCPI 2.2.1 Locations (also 2.2 and 2.3.0, which name these fields the same way) → OICP.
# One EVSE record per OCPI EVSE; its Location is reachable as $location.
#
#   oicp-etl convert -m mappings/ocpi-2.2.1.yaml -i locations.json -o out --set hotline=+4930123456
#
# OCPI has no hotline: give it with --set hotline=… (or per operator under operators:).
# Every choice is explained in docs/ocpi-to-oicp.md.
version: 1
name: OCPI 2.2.1 Locations

input:
  format: json
  # OCPI keys are snake_case; feeds serialised from camelCase code (postalCode, evseId) read the same.
  keys: snake_case

parameters:
  hotline: { required: true, description: "the CPO's hotline, +… (OCPI has none)" }
  language: { default: "en", description: "the language of Location names and texts without one" }
  operator_name: { default: "", description: "the OperatorName for Locations without operator, suboperator or owner" }
  operator_id: { default: "", description: "the OperatorID for EVSEs whose evse_id carries none and whose Location has no party_id" }
  synthesize_evse_ids:
    default: "false"
    description: "missing (or true): EVSEs without evse_id get <country_code>*<party_id>*E<hash of uid> (or <operator_id>*E… without party_id); invalid: also those whose evse_id is no EvseID; false: they are rejected"

records:
  path: "evses[*]"
  enclosing: location
  # Unpublished Locations and removed EVSEs are left out (counted as excluded).
  select: "{$location.publish} != false and {status} != 'REMOVED'"

operator:
  # The EvseID's operator part is what Hubject checks; the OCPI party is the fallback.
  id:
    first:
      - { path: evse_id, evse_id: true, capture: '^([A-Z]{2}\*?[A-Z0-9]{3})\*?E[A-Z0-9*]{1,30}$', operator_id: true }
      - { template: "{$location.country_code}*{$location.party_id}", operator_id: true, when: "{$location.party_id} is not empty" }
      - { param: operator_id, operator_id: true }
  name:
    first:
      - { path: $location.operator.name, truncate: 100 }
      - { path: $location.suboperator.name, truncate: 100 }
      - { path: $location.owner.name, truncate: 100 }
      - { param: operator_name }

evse:
  EvseID:
    first:
      - { path: evse_id, evse_id: true, when: "{$synthesize_evse_ids} != 'invalid' or {$value} ~ '^(([A-Z]{2}\\*?[A-Z0-9]{3}\\*?E[A-Z0-9*]{1,30})|(\\+?[0-9]{1,3}\\*[0-9]{3}\\*[0-9*]{1,32}))$'" }
      - { path: uid, hash: { length: 12 }, prefix: "{$location.country_code}*{$location.party_id}*E", when: "{$synthesize_evse_ids} in ['true', 'missing', 'invalid'] and {$location.party_id} is not empty" }
      - { path: uid, hash: { length: 12 }, prefix: "{$operator_id}*E", when: "{$synthesize_evse_ids} in ['true', 'missing', 'invalid'] and {$operator_id} is not empty" }
    required: "the EVSE has no evse_id"
  ChargingStationID: { path: $location.id, max_length: 50 }
  ChargingStationNames:
    - { lang: { param: language }, value: { path: $location.name, truncate: 150 } }
  SubOperatorName: { path: $location.suboperator.name, truncate: 100 }
  ChargingStationImage: { path: "$location.images[0].url", max_length: 200, on_error: drop }
  Address:
    # Some feeds leave out country; the party's country_code is the fallback.
    Country: { first: [{ path: $location.country }, { path: $location.country_code }], country: true }
    City: { path: $location.city, truncate: 50 }
    PostalCode: { path: $location.postal_code, truncate: 10 }
    Region: { path: $location.state, truncate: 50 }
    # "F.Rooseveltlaan 3A", "10 Rue de la Paix", "R. da Igreja, 79"
    Street:
      first:
        - { path: $location.address, capture: '^(.*?\D)[\s,]+(?:No[:.]?\s*)?\d+\s?[A-Za-z]?(?:[-/]\d+[A-Za-z]?)?$', truncate: 100 }
        - { path: $location.address, capture: '^\d+\s?[A-Za-z]?(?:[-/]\d+)?[\s,]+(\D.*)$', truncate: 100 }
        - { path: $location.address, truncate: 100 }
    HouseNum:
      first:
        - { path: $location.address, capture: '^.*?\D[\s,]+(?:No[:.]?\s*)?(\d+\s?[A-Za-z]?(?:[-/]\d+[A-Za-z]?)?)$', max_length: 10 }
        - { path: $location.address, capture: '^(\d+\s?[A-Za-z]?(?:[-/]\d+)?)[\s,]+\D', max_length: 10 }
        - "s/n"
    Floor: { path: floor_level, truncate: 5 }
    TimeZone: { path: $location.time_zone, utc_offset: true, on_error: drop }
  # The EVSE's own position when it has one, else the Location's.
  GeoCoordinates:
    latitude: { first: [{ path: coordinates.latitude }, { path: $location.coordinates.latitude }], number: true }
    longitude: { first: [{ path: coordinates.longitude }, { path: $location.coordinates.longitude }], number: true }
  Plugs: { path: connectors, each: { template: "{standard} {format?}" }, table: plugs, distinct: true }
  ChargingFacilities:
    path: connectors
    each:
      PowerType: { path: power_type, table: power_type }
      # voltage and amperage are the 2.1.1 names, still found in 2.2 files.
      Voltage: { first: [{ path: max_voltage }, { path: voltage }], number: true, range: { max: 999, outside: drop } }
      Amperage: { first: [{ path: max_amperage }, { path: amperage }], number: true, range: { max: 99, outside: drop } }
      # max_electric_power is in W; a value below 1000 was written in kW (a frequent mistake).
      Power:
        first:
          - { path: max_electric_power, number: true, kilowatts: true }
          - product:
              - { first: [{ path: max_voltage }, { path: voltage }] }
              - { first: [{ path: max_amperage }, { path: amperage }] }
              - { first: [{ const: 3, when: "{power_type} == 'AC_3_PHASE'" }, 1] }
            divide: 1000
  RenewableEnergy: { path: $location.energy_mix.is_green_energy, bool: true, default: false }
  EnergySource:
    path: $location.energy_mix.energy_sources
    each:
      Energy: { path: source, table: energy }
      Percentage: { path: percentage, number: true, round: true, range: { max: 99, outside: drop } }
  EnvironmentalImpact:
    CO2Emission: { path: $location.energy_mix.environ_impact, each: { path: amount, when: "{category} == 'CARBON_DIOXIDE'" }, number: true }
    NuclearWaste: { path: $location.energy_mix.environ_impact, each: { path: amount, when: "{category} == 'NUCLEAR_WASTE'" }, number: true }
  CalibrationLawDataAvailability: Not Available
  # REMOTE is always possible through Hubject (IsHubjectCompatible); the rest from capabilities.
  AuthenticationModes:
    - REMOTE
    - { path: capabilities, table: authentication }
  PaymentOptions:
    - Contract
    - { path: capabilities, table: payment, distinct: true }
  ValueAddedServices:
    first:
      - { path: capabilities, table: services }
      - None
  Accessibility:
    first:
      - { const: Restricted access, when: "{parking_restrictions} ~ 'CUSTOMERS' or {$location.publish_allowed_to} is not empty" }
      - Free publicly accessible
  AccessibilityLocation: { path: $location.parking_type, table: parking }
  HotlinePhoneNumber: { param: hotline, phone: true }
  # Without opening_times a Location is open around the clock (counted under defaulted_values).
  OpeningHours: { path: $location.opening_times, default: 24/7, opening_hours: ocpi }
  ChargingStationLocationReference:
    path: $location.directions
    each: { lang: { path: language }, value: { path: text, truncate: 150 } }
  AdditionalInfo:
    - { lang: { param: language }, value: { path: physical_reference, prefix: "Charge point ", truncate: 150 } }
  IsHubjectCompatible: true
  DynamicInfoAvailable: auto

tables:
  plugs:
    unknown: drop
    values:
      IEC_62196_T2 SOCKET: Type 2 Outlet
      IEC_62196_T2 CABLE: Type 2 Connector (Cable Attached)
      IEC_62196_T2: Type 2 Outlet
      IEC_62196_T2_COMBO CABLE: CCS Combo 2 Plug (Cable Attached)
      IEC_62196_T2_COMBO SOCKET: CCS Combo 2 Plug (Cable Attached)
      IEC_62196_T2_COMBO: CCS Combo 2 Plug (Cable Attached)
      IEC_62196_T1 CABLE: Type 1 Connector (Cable Attached)
      IEC_62196_T1 SOCKET: Type 1 Connector (Cable Attached)
      IEC_62196_T1: Type 1 Connector (Cable Attached)
      IEC_62196_T1_COMBO CABLE: CCS Combo 1 Plug (Cable Attached)
      IEC_62196_T1_COMBO SOCKET: CCS Combo 1 Plug (Cable Attached)
      IEC_62196_T1_COMBO: CCS Combo 1 Plug (Cable Attached)
      CHADEMO CABLE: CHAdeMO
      CHADEMO SOCKET: CHAdeMO
      CHADEMO: CHAdeMO
      IEC_62196_T3A SOCKET: Type 3 Outlet
      IEC_62196_T3A: Type 3 Outlet
      IEC_62196_T3C SOCKET: Type 3 Outlet
      IEC_62196_T3C: Type 3 Outlet
      DOMESTIC_E SOCKET: Type E French Standard
      DOMESTIC_E: Type E French Standard
      DOMESTIC_F SOCKET: Type F Schuko
      DOMESTIC_F: Type F Schuko
      DOMESTIC_G SOCKET: Type G British Standard
      DOMESTIC_G: Type G British Standard
      DOMESTIC_J SOCKET: Type J Swiss Standard
      DOMESTIC_J: Type J Swiss Standard
      IEC_60309_2_single_16 SOCKET: IEC 60309 Single Phase
      IEC_60309_2_single_16: IEC 60309 Single Phase
      IEC_60309_2_three_16 SOCKET: IEC 60309 Three Phase
      IEC_60309_2_three_16: IEC 60309 Three Phase
      IEC_60309_2_three_32 SOCKET: IEC 60309 Three Phase
      IEC_60309_2_three_32: IEC 60309 Three Phase
      IEC_60309_2_three_64 SOCKET: IEC 60309 Three Phase
      IEC_60309_2_three_64: IEC 60309 Three Phase
      TESLA_R CABLE: Tesla Connector
      TESLA_R: Tesla Connector
      TESLA_S CABLE: Tesla Connector
      TESLA_S: Tesla Connector
      NEMA_5_20 SOCKET: NEMA 5-20
      NEMA_5_20: NEMA 5-20
      # No OICP counterpart: left out (an EVSE with nothing else is rejected).
      GBT_AC CABLE: ~
      GBT_AC SOCKET: ~
      GBT_AC: ~
      GBT_DC CABLE: ~
      GBT_DC: ~
      CHAOJI CABLE: ~
      CHAOJI SOCKET: ~
      CHAOJI: ~
      DOMESTIC_C SOCKET: ~
      DOMESTIC_C: ~
  power_type:
    values: { AC_1_PHASE: AC_1_PHASE, AC_3_PHASE: AC_3_PHASE, DC: DC, AC_2_PHASE: AC_1_PHASE, AC_2_PHASE_SPLIT: AC_1_PHASE }
  authentication:
    unknown: drop
    values:
      RFID_READER: NFC RFID Classic
      REMOTE_START_STOP_CAPABLE: REMOTE
      PLUG_AND_CHARGE_CAPABLE: PnC
      CREDIT_CARD_PAYABLE: Direct Payment
      DEBIT_CARD_PAYABLE: Direct Payment
      CONTACTLESS_CARD_SUPPORT: Direct Payment
      CHIP_CARD_SUPPORT: Direct Payment
      PED_TERMINAL: Direct Payment
      CHARGING_PROFILE_CAPABLE: ~
      CHARGING_PREFERENCES_CAPABLE: ~
      RESERVABLE: ~
      START_SESSION_CONNECTOR_REQUIRED: ~
      TOKEN_GROUP_CAPABLE: ~
      UNLOCK_CAPABLE: ~
  payment:
    unknown: drop
    values:
      CREDIT_CARD_PAYABLE: Direct
      DEBIT_CARD_PAYABLE: Direct
      CONTACTLESS_CARD_SUPPORT: Direct
      CHIP_CARD_SUPPORT: Direct
      PED_TERMINAL: Direct
      RFID_READER: ~
      REMOTE_START_STOP_CAPABLE: ~
      PLUG_AND_CHARGE_CAPABLE: ~
      CHARGING_PROFILE_CAPABLE: ~
      CHARGING_PREFERENCES_CAPABLE: ~
      RESERVABLE: ~
      START_SESSION_CONNECTOR_REQUIRED: ~
      TOKEN_GROUP_CAPABLE: ~
      UNLOCK_CAPABLE: ~
  services:
    unknown: drop
    values:
      RESERVABLE: Reservation
      CHARGING_PROFILE_CAPABLE: ~
      CHARGING_PREFERENCES_CAPABLE: ~
      RFID_READER: ~
      REMOTE_START_STOP_CAPABLE: ~
      PLUG_AND_CHARGE_CAPABLE: ~
      CREDIT_CARD_PAYABLE: ~
      DEBIT_CARD_PAYABLE: ~
      CONTACTLESS_CARD_SUPPORT: ~
      CHIP_CARD_SUPPORT: ~
      PED_TERMINAL: ~
      START_SESSION_CONNECTOR_REQUIRED: ~
      TOKEN_GROUP_CAPABLE: ~
      UNLOCK_CAPABLE: ~
  parking:
    unknown: drop
    values:
      ON_STREET: OnStreet
      ALONG_MOTORWAY: OnStreet
      PARKING_LOT: ParkingLot
      ON_DRIVEWAY: ParkingLot
      PARKING_GARAGE: ParkingGarage
      UNDERGROUND_GARAGE: UndergroundParkingGarage
  energy:
    unknown: drop
    values:
      SOLAR: Solar
      WIND: Wind
      WATER: HydroPower
      COAL: Coal
      NUCLEAR: NuclearEnergy
      GAS: NaturalGas
      GENERAL_FOSSIL: ~
      GENERAL_GREEN: ~
"""#),
    ]

    public static func yaml(named name: String) -> String? { all.first { $0.name == name }?.yaml }
}
