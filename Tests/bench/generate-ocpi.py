#!/usr/bin/env python3
"""Writes an OCPI 2.2.1 Locations response ({"data": [...]}) of about SIZE megabytes (default
200): Locations with two to six EVSEs of one or two connectors each. For measuring the JSON
reader's speed; not a test fixture.

    Tests/bench/generate-ocpi.py OUT.json [SIZE_MB]
"""
import json
import sys

CONNECTORS = [
    {"standard": "IEC_62196_T2", "format": "SOCKET", "power_type": "AC_3_PHASE", "max_voltage": 230, "max_amperage": 32, "max_electric_power": 22000},
    {"standard": "IEC_62196_T2_COMBO", "format": "CABLE", "power_type": "DC", "max_voltage": 920, "max_amperage": 500, "max_electric_power": 150000},
    {"standard": "CHADEMO", "format": "CABLE", "power_type": "DC", "max_voltage": 500, "max_amperage": 125, "max_electric_power": 50000},
    {"standard": "DOMESTIC_F", "format": "SOCKET", "power_type": "AC_1_PHASE", "max_voltage": 230, "max_amperage": 16, "max_electric_power": 3700},
]


def location(n):
    evses = []
    for e in range(2 + n % 5):
        connectors = [dict(CONNECTORS[(n + e) % 4], id=str(c + 1), tariff_ids=["T1"], last_updated="2026-11-20T06:00:00Z")
                      for c in range(1 + (n + e) % 2)]
        evses.append({"uid": f"U{n}-{e}", "evse_id": f"DE*ABC*E{n:08d}{e}", "status": "AVAILABLE",
                      "capabilities": ["RFID_READER", "REMOTE_START_STOP_CAPABLE"], "connectors": connectors,
                      "physical_reference": str(e + 1), "last_updated": "2026-11-20T06:00:00Z"})
    return {"country_code": "DE", "party_id": "ABC", "id": f"LOC{n:08d}", "publish": True, "name": f"Ladepark {n}",
            "address": f"Hauptstraße {n % 200 + 1}", "city": "Köln", "postal_code": f"{50000 + n % 999}", "country": "DEU",
            "coordinates": {"latitude": f"{50.9 + (n % 1000) * 0.0001:.6f}", "longitude": f"{6.9 + (n // 1000 % 1000) * 0.0001:.6f}"},
            "parking_type": "ON_STREET", "evses": evses, "operator": {"name": "ABC Laden GmbH"}, "time_zone": "Europe/Berlin",
            "opening_times": {"twentyfourseven": True}, "last_updated": "2026-11-20T06:00:00Z"}


def main():
    out = sys.argv[1]
    target = (int(sys.argv[2]) if len(sys.argv) > 2 else 200) * 1024 * 1024
    written = 0
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        f.write('{"status_code": 1000, "status_message": "Success", "data": [\n')
        while written < target:
            text = ("," if n else "") + json.dumps(location(n), ensure_ascii=False) + "\n"
            f.write(text)
            written += len(text.encode())
            n += 1
        f.write('], "timestamp": "2026-11-20T06:00:00Z"}\n')
    print(f"{out}: {n} locations, {written // (1024 * 1024)} MiB")


if __name__ == "__main__":
    main()
