namespace HiTech.Web.Demo;

/// <summary>
/// One of Kerala's manufacturing sectors as the demo providers serve it: its NIC 2008 codes (checked against
/// data/classifications/nic2008.csv by a test), the certifications and Industry 4.0 technologies that go with it, the
/// districts where it clusters (three times as likely there), and words for names and services in both languages.
/// </summary>
public sealed record DemoSector(
    string Word,
    int Weight,
    string[] Districts,
    string[] Nic,
    string[] Certifications,
    string[] Technologies,
    string PrioritySector,
    string Subject,
    string Tests,
    string Research,
    string Design,
    string Malayalam,
    string[] Equipment)
{
    public static readonly DemoSector[] All =
    [
        new("Rubber", 16, ["Kottayam", "Pathanamthitta", "Idukki", "Ernakulam"], ["22", "2211", "2219", "22191"], ["bis", "iso9001"], ["sensors-iot", "ai-analytics", "mes"],
            "high-value-rubber", "rubber and latex products", "tensile strength, hardness, ageing and compression set", "compounding, latex processing and new rubber products",
            "moulds, extrusion dies and product design", "റബ്ബർ, ലാറ്റക്സ് ഉൽപ്പന്നങ്ങൾ: പരിശോധന, ഗവേഷണം, ഡിസൈൻ", ["Universal testing machine", "Rheometer", "Ageing oven"]),
        new("Seafood", 10, ["Alappuzha", "Kollam", "Ernakulam"], ["10", "1020"], ["bis", "iso9001"], ["sensors-iot", "erp"],
            "food-technologies", "seafood processing", "microbiology, antibiotic residues and cold-chain quality", "shelf life and value-added seafood products",
            "processing lines and cold-chain equipment", "സമുദ്രോൽപ്പന്ന സംസ്കരണം: ഗുണനിലവാര പരിശോധന", ["LC-MS/MS for residues", "Microbiology laboratory"]),
        new("Marine", 9, ["Ernakulam", "Kollam", "Kozhikode"], ["301", "3011", "3315"], ["iso9001"], ["cad-cae-plm", "simulation-twins"],
            "maritime", "boats, ships and marine equipment", "materials, welds and coatings", "hull forms and marine propulsion",
            "hull, propulsion and outfitting design", "കപ്പൽ, ബോട്ട് നിർമ്മാണം: ഡിസൈൻ, എഞ്ചിനീയറിംഗ്", ["Towing tank", "Coating thickness gauge"]),
        new("Food", 14, ["Thrissur", "Palakkad", "Wayanad", "Kozhikode", "Idukki"], ["10", "1079", "10791", "1030", "1050", "1062", "1075"], ["bis", "iso9001"], ["sensors-iot", "mes", "erp"],
            "food-technologies", "food, spices and beverages", "pesticide residues, aflatoxins and nutrition labelling", "spice extracts, shelf life and ready-to-eat foods",
            "food processing machinery and packaging", "ഭക്ഷ്യ സംസ്കരണം, സുഗന്ധവ്യഞ്ജനങ്ങൾ: പരിശോധന, ഗവേഷണം", ["Gas chromatograph", "Water activity meter"]),
        new("Ayurveda", 8, ["Thrissur", "Kannur", "Palakkad", "Malappuram", "Thiruvananthapuram"], ["21", "2100", "21003"], ["iso9001"], ["ai-analytics"],
            "ayurveda", "ayurvedic medicines and herbal products", "heavy metals, microbial load and marker compounds", "standardised formulations and herbal extracts",
            "formulation scale-up and packaging", "ആയുർവേദ ഔഷധങ്ങൾ: ഗുണനിലവാര പരിശോധന, ഗവേഷണം", ["HPTLC", "ICP-MS for heavy metals"]),
        new("Electronics", 14, ["Thiruvananthapuram", "Ernakulam", "Kozhikode"], ["26", "2610", "2651"], ["ce-marking", "bis", "iso9001"], ["sensors-iot", "machine-vision", "cad-cae-plm"],
            "esdm", "electronic products and instruments", "calibration, EMC pre-compliance and environmental tests", "embedded systems and sensors",
            "PCB design and product engineering", "ഇലക്ട്രോണിക്സ്: കാലിബ്രേഷൻ, ഡിസൈൻ, ഗവേഷണം", ["EMC pre-compliance chamber", "Environmental test chamber"]),
        new("Medical Devices", 8, ["Thiruvananthapuram", "Ernakulam"], ["3250", "325", "2660"], ["iso13485", "ce-marking"], ["additive", "cad-cae-plm"],
            "medical-equipment", "medical devices", "biocompatibility, sterility and electrical safety", "device prototypes and clinical validation",
            "device design and regulatory files", "മെഡിക്കൽ ഉപകരണങ്ങൾ: പരിശോധന, രൂപകൽപ്പന", ["Cleanroom (ISO 7)", "Electrical safety analyser"]),
        new("Coir", 6, ["Alappuzha", "Kollam"], ["13", "1394"], ["bis"], ["cnc-automation"],
            "design", "coir and natural fibre products", "fibre strength and geotextile performance", "coir composites and geotextiles",
            "coir product and loom design", "കയർ ഉൽപ്പന്നങ്ങൾ: ഡിസൈൻ, പരിശോധന", ["Fibre tensile tester"]),
        new("Machinery", 12, ["Palakkad", "Thrissur", "Ernakulam", "Malappuram"], ["28", "2819", "2821", "2825"], ["iso9001", "iatf16949"], ["robots-cobots", "cnc-automation", "mes"],
            "engineering-rnd", "machinery and automation", "vibration, noise and material properties", "automation and machine design",
            "special-purpose machines, CNC retrofits and automation", "യന്ത്രങ്ങൾ, ഓട്ടോമേഷൻ: ഡിസൈൻ, എഞ്ചിനീയറിംഗ്", ["Coordinate measuring machine", "Vibration analyser"]),
        new("Plastics", 5, ["Ernakulam", "Kozhikode", "Palakkad"], ["222", "2220"], ["bis", "iso9001"], ["additive", "cad-cae-plm"],
            "logistics-packaging", "plastic products and packaging", "migration, impact and burst strength", "recycled polymers and biodegradable packaging",
            "moulds and packaging design", "പ്ലാസ്റ്റിക്, പാക്കേജിംഗ്: പരിശോധന, ഡിസൈൻ", ["Melt flow indexer"]),
        new("Wood", 4, ["Kozhikode", "Malappuram", "Kannur"], ["16", "1629", "3100"], ["iso9001"], ["cnc-automation"],
            "design", "wood, bamboo and furniture", "moisture, strength and finish durability", "treated wood and bamboo composites",
            "furniture and interior product design", "തടി, മുള, ഫർണിച്ചർ: ഡിസൈൻ", ["Moisture meter"]),
    ];
}
