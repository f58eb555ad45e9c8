#!/usr/bin/env python3
"""Writes a DATEX II v3 Energy Infrastructure publication of about SIZE megabytes (default 1024):
sites with two stations of four refill points each, every refill point with an EvseID and two
connectors. For measuring the XML reader's speed and memory; not a test fixture.

    Tests/bench/generate-datex.py OUT.xml [SIZE_MB]
"""
import sys

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<d2:payload xmlns:d2="http://datex2.eu/schema/3/d2Payload" xmlns:com="http://datex2.eu/schema/3/common"
 xmlns:locx="http://datex2.eu/schema/3/locationExtension" xmlns:loc="http://datex2.eu/schema/3/locationReferencing"
 xmlns="http://datex2.eu/schema/3/energyInfrastructure" xmlns:fac="http://datex2.eu/schema/3/facilities"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:egi="http://datex2.eu/schema/3/energyInfrastructure"
 xsi:type="egi:EnergyInfrastructureTablePublication" lang="de" modelBaseVersion="3">
  <com:publicationTime>2026-11-20T06:00:00+01:00</com:publicationTime>
  <energyInfrastructureTable id="T" version="1">
"""

SITE = """    <energyInfrastructureSite id="SITE-{s}" version="1">
      <fac:name><com:values><com:value lang="de">Ladepark {s}</com:value></com:values></fac:name>
      <fac:operatingHours xsi:type="fac:OpenAllHours"/>
      <fac:locationReference xsi:type="loc:PointLocation">
        <loc:coordinatesForDisplay><loc:latitude>{lat:.6f}</loc:latitude><loc:longitude>{lon:.6f}</loc:longitude></loc:coordinatesForDisplay>
        <loc:facilityLocation>
          <locx:timeZone>+01:00</locx:timeZone>
          <locx:address>
            <locx:postcode>{zip:05d}</locx:postcode>
            <locx:city><com:values><com:value lang="de">Musterstadt {city}</com:value></com:values></locx:city>
            <locx:countryCode>DE</locx:countryCode>
            <locx:addressLine order="0"><locx:type>street</locx:type><locx:text><com:values><com:value lang="de">Hauptstraße</com:value></com:values></locx:text></locx:addressLine>
            <locx:addressLine order="1"><locx:type>houseNumber</locx:type><locx:text><com:values><com:value lang="de">{house}</com:value></com:values></locx:text></locx:addressLine>
          </locx:address>
        </loc:facilityLocation>
      </fac:locationReference>
      <fac:operator xsi:type="fac:OrganisationSpecification" id="OP" version="1">
        <fac:name><com:values><com:value lang="de">Muster Energie GmbH</com:value></com:values></fac:name>
      </fac:operator>
      <typeOfSite>openSpace</typeOfSite>
      <exclusiveUsers>allUsers</exclusiveUsers>
{stations}    </energyInfrastructureSite>
"""

STATION = """      <energyInfrastructureStation id="ST-{s}-{t}" version="1">
        <fac:helpdesk xsi:type="fac:OrganisationSpecification" id="HD" version="1">
          <fac:organisationUnit><fac:contactInformation><fac:telephoneNumber>+4924100000000</fac:telephoneNumber></fac:contactInformation></fac:organisationUnit>
        </fac:helpdesk>
        <authenticationAndIdentificationMethods>rfid</authenticationAndIdentificationMethods>
        <authenticationAndIdentificationMethods>creditCard</authenticationAndIdentificationMethods>
{points}        <electricEnergy><energyRate id="R"><ratePolicy>adHoc</ratePolicy></energyRate></electricEnergy>
      </energyInfrastructureStation>
"""

POINT = """        <refillPoint xsi:type="egi:ElectricChargingPoint" id="RP-{s}-{t}-{p}" version="1">
          <deliveryUnit>kWh</deliveryUnit>
          <evseId>DEMUSE{s:07d}{t}{p}</evseId>
          <connector><connectorType>iec62196T2</connectorType><chargingMode>mode3AC3p</chargingMode><connectorFormat>socket</connectorFormat><maxPowerAtSocket>22000</maxPowerAtSocket></connector>
          <connector><connectorType>iec62196T2COMBO</connectorType><chargingMode>mode4DC</chargingMode><maxPowerAtSocket>150000</maxPowerAtSocket></connector>
          <electricEnergy><isGreenEnergy>true</isGreenEnergy></electricEnergy>
        </refillPoint>
"""


def main():
    out = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 1024
    target = limit * 1024 * 1024
    written = 0
    with open(out, "w", encoding="utf-8") as f:
        f.write(HEAD)
        written += len(HEAD.encode())
        s = 0
        while written < target:
            stations = "".join(
                STATION.format(s=s, t=t, points="".join(POINT.format(s=s, t=t, p=p) for p in range(4))) for t in range(2))
            site = SITE.format(s=s, lat=47.5 + (s % 5000) * 0.001, lon=6.0 + (s // 5000 % 8000) * 0.001, zip=10000 + s % 89999,
                               city=s % 1000, house=s % 200 + 1, stations=stations)
            f.write(site)
            written += len(site.encode())
            s += 1
        f.write("  </energyInfrastructureTable>\n</d2:payload>\n")
    print(f"{out}: {s} sites, {s * 8} refill points, {written // (1024 * 1024)} MiB")


if __name__ == "__main__":
    main()
