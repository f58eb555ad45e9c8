import OICP

// A record with a rounded number and a position (which need libm), validated and encoded.
var record = EvseDataRecord()
record.evseID = "DE*ABC*E1234*1"
record.geoCoordinates = .decimalDegree(latitude: 50.93762, longitude: 6.96041)
var facility = ChargingFacility()
facility.power = 22.0
record.chargingFacilities = [facility]
let violations = OICPValidator(version: .v2_3).validate(record).map(\.rule.id)
var writer = JSONWriter()
OICPEncoder(version: .v2_3).write(record, into: &writer)
print(String(decoding: writer.bytes, as: UTF8.self))
print(Set(violations).sorted().joined(separator: " "))
