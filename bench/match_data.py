#!/usr/bin/env python3
"""Deterministic synthetic providers and needs for bench/match.sh (docs/collaboration-formats.md).

Usage: match_data.py --providers N --needs M [--seed S] --out-dir DIR
Writes DIR/providers-N.csv and DIR/needs-M.csv. Codes come from data/classifications/nic2008.csv (manufacturing
divisions 10-33 and engineering/R&D 71-72), districts from data/reference/districts.csv (sometimes a variant), kinds
from data/collaboration/provider-kinds.csv; stage and certification ids are those of kerala-htmf 2025.1.
Names are invented. The same seed gives the same bytes.
"""
import argparse
import csv
import datetime
import os
import random

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
STAGES = ["rnd", "design-engineering", "prototyping", "testing-certification", "advanced-manufacturing",
          "after-sales-digital", "conventional-manufacturing", "assembly-packaging", "trading-distribution"]
CERTIFICATIONS = ["iso9001", "iso14001", "iso13485", "as9100", "iatf16949", "nabl", "zed-bronze", "zed-silver",
                  "zed-gold", "ce-marking", "bis"]
KIND_WEIGHTS = {"rnd-institute": 15, "tic-lab": 25, "design-engineering": 30, "gcc": 5, "professional": 25}
ENGLISH = ("rubber latex tyre glove coir fibre spice cardamom pepper cashew seafood shrimp tuna food dairy ayurveda "
           "herbal pharma drug medical device implant catheter electronics sensor pcb embedded firmware battery "
           "solar motor pump valve casting forging machining cnc welding plastic moulding packaging printing textile "
           "garment furniture wood bamboo ceramic glass cement steel aluminium marine ship boat hull propeller aerospace "
           "drone robot automation iot cloud software analytics vision calibration testing tensile hardness ageing "
           "chemical microbiology shelf-life quality certification prototype design simulation cad cae fea cfd "
           "tooling die mould jig fixture inspection metrology emc safety compliance training mentoring export "
           "energy audit lean six-sigma erp mes plc scada hydraulics pneumatics laser 3d additive composite").split()
MALAYALAM = ("റബ്ബർ കയർ സുഗന്ധവ്യഞ്ജനം ഏലം കുരുമുളക് കശുവണ്ടി മത്സ്യം ഭക്ഷ്യ ആയുർവേദം ഔഷധം പരിശോധന "
             "പരിശോധനയും ലാബ് ഗവേഷണം ഡിസൈൻ യന്ത്രം ഇലക്ട്രോണിക്സ് സോളാർ പാക്കേജിംഗ് ഗുണനിലവാരം "
             "സർട്ടിഫിക്കേഷൻ പരിശീലനം കയറ്റുമതി ഓട്ടോമേഷൻ").split()
ORGS = ["Laboratory", "Institute", "Design Studio", "Engineering", "Technology Centre", "Test House", "Consultants"]


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--providers", type=int, required=True)
    parser.add_argument("--needs", type=int, required=True)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out-dir", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    codes = [r["code"] for r in read("classifications/nic2008.csv")
             if r["level"] == "subclass" and (10 <= int(r["code"][:2]) <= 33 or r["code"][:2] in ("71", "72"))]
    districts = read("reference/districts.csv")
    kinds = [r["id"] for r in read("collaboration/provider-kinds.csv")]
    kind_weights = [KIND_WEIGHTS.get(k, 5) for k in kinds]
    as_of = datetime.date(2026, 12, 1)

    def district_name():
        d = rng.choice(districts)
        variants = [v for v in d["variants"].split(";") if v]
        return rng.choice(variants) if variants and rng.random() < 0.1 else d["name"]

    def words(lo, hi):
        return " ".join(rng.choice(MALAYALAM) if rng.random() < 0.2 else rng.choice(ENGLISH) for _ in range(rng.randint(lo, hi)))

    os.makedirs(args.out_dir, exist_ok=True)
    with open(os.path.join(args.out_dir, f"providers-{args.providers}.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["provider_id", "name", "kind", "district", "nic_codes", "stages", "certifications", "services", "remote",
                    "expires_on", "verified", "verified_on", "median_response_days"])
        for i in range(args.providers):
            kind = rng.choices(kinds, kind_weights)[0]
            nic = sorted({rng.choice(codes)[:rng.randint(2, 5)] for _ in range(rng.randint(1, 4))})
            certs = set(rng.sample(CERTIFICATIONS, rng.choice([0, 0, 1, 1, 2, 3])))
            if kind == "tic-lab" and rng.random() < 0.6:
                certs.add("nabl")
            expires = as_of + datetime.timedelta(days=rng.randint(-60, 365))
            verified_on = expires - datetime.timedelta(days=365)
            median = f"{rng.uniform(0.5, 20):.1f}" if rng.random() < 0.6 else ""
            w.writerow([f"P{i:06d}", f"Demo {rng.choice(ENGLISH).title()} {rng.choice(ORGS)} {i}", kind,
                        "outside-kerala" if rng.random() < 0.05 else district_name(), ";".join(nic),
                        ";".join(rng.sample(STAGES, rng.randint(1, 3))), ";".join(sorted(certs)), words(4, 12),
                        "true" if rng.random() < 0.2 else "false", expires.isoformat(),
                        "false" if rng.random() < 0.05 else "true", verified_on.isoformat(), median])

    with open(os.path.join(args.out_dir, f"needs-{args.needs}.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["need_id", "district", "kinds", "nic_code", "stage", "certifications", "text", "as_of"])
        for i in range(args.needs):
            certs = rng.sample(CERTIFICATIONS, rng.choices([0, 1, 2], [70, 25, 5])[0])
            need_kinds = [] if rng.random() < 0.5 else rng.sample(kinds, rng.randint(1, 2))
            w.writerow([f"N{i:05d}", "" if rng.random() < 0.05 else district_name(), ";".join(need_kinds),
                        rng.choice(codes)[:rng.randint(4, 5)], rng.choice(STAGES) if rng.random() < 0.8 else "",
                        ";".join(certs), words(3, 8), as_of.isoformat()])


if __name__ == "__main__":
    main()
