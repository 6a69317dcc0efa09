namespace HiTech.Web.Demo;

/// <summary>
/// A handful of illustrative ecosystem providers for the demo directory. Names are invented and marked as
/// demo data; real providers register themselves once the collaboration platform opens.
/// </summary>
public static class DemoProviders
{
    public static IEnumerable<Provider> All() =>
    [
        Make(1, "Demo Polymer Testing Laboratory", "tic-lab", "Kottayam", "testing-certification;22;nabl;rubber"),
        Make(2, "Demo Marine Engineering Design Studio", "design-engineering", "Ernakulam", "design-engineering;301;3315;prototyping"),
        Make(3, "Demo Medical Devices Research Centre", "rnd-institute", "Thiruvananthapuram", "rnd;3250;iso13485;prototyping"),
        Make(4, "Demo Electronics Calibration Lab", "tic-lab", "Thiruvananthapuram", "testing-certification;26;nabl"),
        Make(5, "Demo Food Technology Institute", "rnd-institute", "Thrissur", "rnd;10;food-technologies"),
        Make(6, "Demo Automation and IoT Integrators", "design-engineering", "Kozhikode", "advanced-manufacturing;2819;industry-4.0"),
        Make(7, "Demo Global Capability Centre (Engineering)", "gcc", "Ernakulam", "design-engineering;7110;after-sales-digital"),
        Make(8, "Demo Ayurveda Formulation Lab", "rnd-institute", "Kannur", "rnd;21003;ayurveda"),
        Make(9, "Demo Coir Product Design Collective", "design-engineering", "Alappuzha", "design-engineering;1394;design"),
        Make(10, "Demo Returnee Engineers Network", "professional", "Malappuram", "design-engineering;rnd;advanced-manufacturing"),
    ];

    private static Provider Make(int n, string name, string kind, string district, string capabilities) => new()
    {
        Id = new Guid(n, 0, 0, [0x44, 0x45, 0x4d, 0x4f, 0x50, 0x52, 0x4f, 0x56]),
        Name = name,
        Kind = kind,
        District = district,
        NicCodes = string.Join(';', capabilities.Split(';').Where(c => c.All(char.IsAsciiDigit))),
        ServicesEn = capabilities.Replace(';', ' '),
        Status = ProviderStatus.Verified,
        IsDemo = true,
    };
}
