using System.Globalization;

namespace HiTech.Web.Demo;

/// <summary>
/// The demo's ecosystem of 300 providers, shaped like Kerala's: more in Ernakulam, Thiruvananthapuram, Kozhikode,
/// Thrissur and Kottayam; design and engineering firms and testing labs the most common kinds, R&amp;D institutes next,
/// a few GCCs (in the IT corridors) and a few returning professionals; each working in a sector of the state (rubber,
/// seafood, marine engineering, food and spices, ayurveda, electronics, medical devices, coir, machinery...) with the NIC
/// codes, stages, certifications and technologies that go with its kind and sector. Names are invented and begin
/// "Demo"; every row is marked <see cref="Provider.IsDemo"/>. The same seed gives the same 300 on every machine.
/// Verification is spread over the last year (a few expiring soon, a few expired, a few still awaiting verification).
/// </summary>
public static class DemoProviders
{
    public const int Count = 300;

    /// <summary>The rubber-testing TIC lab in Kottayam that <c>lab@demo.local</c> answers for.</summary>
    public static readonly Guid LabId = IdOf(1);

    public const string LabName = "Demo Meenachil Rubber Testing Laboratory";

    private const int Seed = 2026;

    private static readonly (string District, int Weight)[] Districts =
    [
        ("Ernakulam", 60), ("Thiruvananthapuram", 50), ("Kozhikode", 30), ("Thrissur", 28), ("Kottayam", 26), ("Kollam", 18),
        ("Palakkad", 16), ("Kannur", 16), ("Malappuram", 14), ("Alappuzha", 14), ("Pathanamthitta", 8), ("Kasaragod", 7),
        ("Idukki", 7), ("Wayanad", 6),
    ];

    /// <summary>Where GCCs settle: Technopark, Infopark and Cyberpark.</summary>
    private static readonly string[] ItCorridors = ["Ernakulam", "Thiruvananthapuram", "Kozhikode"];

    private static readonly (string Kind, int Weight)[] Kinds =
        [("design-engineering", 40), ("tic-lab", 26), ("rnd-institute", 18), ("gcc", 8), ("professional", 8)];

    private static readonly string[] Places =
    [
        "Periyar", "Nila", "Sahya", "Vembanad", "Malabar", "Kayal", "Thejas", "Keram", "Anantha", "Chandragiri", "Pampa",
        "Kabani", "Meenachil", "Ashtamudi", "Agasthya", "Ponmudi", "Kuttanad", "Muziris", "Chaliyar", "Valapattanam",
    ];

    private static readonly string[] FirstNames =
        ["Anil", "Beena", "Deepa", "Faisal", "Gopika", "Harikrishnan", "Jose", "Lakshmi", "Manoj", "Nisha", "Rahul", "Shabna", "Suresh", "Thomas", "Vidya"];

    /// <summary>Every demo provider, the lab first; <paramref name="today"/> places verification dates, <paramref name="officer"/> verified them.</summary>
    public static IReadOnlyList<Provider> All(DateOnly today, Guid? officer, DateTimeOffset now)
    {
        var random = new Random(Seed);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var providers = new List<Provider>(Count) { Lab(today, officer, now) };
        names.Add(providers[0].Name);
        for (var n = 2; n <= Count; n++)
        {
            var kind = Pick(random, Kinds);
            var district = kind == "gcc" ? ItCorridors[random.Next(ItCorridors.Length)] : Pick(random, Districts);
            var sector = Pick(random, DemoSector.All.Select(s => (s, s.Weight * (s.Districts.Contains(district) ? 3 : 1))).ToArray());
            var provider = kind == "professional" ? Professional(random, n, district, sector, now) : Institution(random, n, kind, district, sector, now);
            provider.Name = Unique(names, provider.Name, district);
            Verify(provider, random, today, officer);
            providers.Add(provider);
        }

        return providers;
    }

    public static Guid IdOf(int n) => new(n, 0, 0, [0x44, 0x45, 0x4d, 0x4f, 0x50, 0x52, 0x4f, 0x56]);

    private static Provider Lab(DateOnly today, Guid? officer, DateTimeOffset now) => new()
    {
        Id = LabId,
        Name = LabName,
        Kind = "tic-lab",
        District = "Kottayam",
        NicCodes = "22;2211;2219;22191",
        Stages = "testing-certification",
        Certifications = "nabl;bis;iso9001",
        Technologies = "sensors-iot;ai-analytics",
        ServicesEn = "NABL-accredited testing of natural rubber, latex and rubber products: tensile strength, hardness, ageing, compression set and abrasion; support for BIS product certification.",
        ServicesMl = "പ്രകൃതിദത്ത റബ്ബർ, ലാറ്റക്സ്, റബ്ബർ ഉൽപ്പന്നങ്ങൾ എന്നിവയുടെ എൻഎബിഎൽ അംഗീകൃത പരിശോധന: വലിവ് ശക്തി, കാഠിന്യം, ഏജിംഗ്; ബിഐഎസ് സർട്ടിഫിക്കേഷന് സഹായം.",
        ContactEmail = DemoSeeder.LabEmail,
        ResponseDays = 3,
        TrlFrom = 5,
        TrlTo = 9,
        Status = ProviderStatus.Verified,
        VerifiedOn = today.AddDays(-60),
        VerifiedBy = officer,
        ExpiresOn = today.AddDays(-60).AddMonths(12),
        IsDemo = true,
        CreatedAt = now.AddDays(-400),
        Equipment =
        [
            Equipment(1, 1, "Universal testing machine (5 kN)", "Demo Instruments", "Tensile strength, elongation and tear of rubber and latex", "Half-day slots; samples 2 mm sheets"),
            Equipment(1, 2, "Shore A durometer", "Demo Instruments", "Hardness of vulcanised rubber", "Walk-in, same day"),
            Equipment(1, 3, "Air-circulating ageing oven", "Demo Thermal", "Accelerated ageing to IS 3400", "Booked by the week"),
        ],
    };

    private static Provider Institution(Random random, int n, string kind, string district, DemoSector sector, DateTimeOffset now)
    {
        var place = Places[random.Next(Places.Length)];
        var (name, stages, services) = kind switch
        {
            "tic-lab" => ($"Demo {place} {sector.Word} {(random.Next(2) == 0 ? "Testing Laboratory" : "Quality Lab")}", "testing-certification", $"Testing of {sector.Subject}: {sector.Tests}."),
            "rnd-institute" => ($"Demo {place} {sector.Word} Research Centre", random.Next(3) == 0 ? "rnd;prototyping;testing-certification" : "rnd;prototyping", $"Research and development on {sector.Subject}: {sector.Research}."),
            "gcc" => ($"Demo {place} Global Engineering Centre", "design-engineering;after-sales-digital;rnd", $"Engineering services for {sector.Subject}: simulation, digital twins, embedded software and after-sales analytics."),
            _ => ($"Demo {place} {sector.Word} {(random.Next(2) == 0 ? "Design Works" : "Engineering Studio")}", random.Next(2) == 0 ? "design-engineering;prototyping" : "design-engineering;prototyping;advanced-manufacturing", $"Design and engineering for {sector.Subject}: {sector.Design}."),
        };
        var certifications = new List<string>();
        if (kind == "tic-lab" && random.Next(10) < 8)
        {
            certifications.Add("nabl");
        }

        certifications.AddRange(sector.Certifications.Where(_ => random.Next(3) == 0));
        if (kind is "design-engineering" or "gcc" && random.Next(2) == 0)
        {
            certifications.Add("iso9001");
        }

        return new Provider
        {
            Id = IdOf(n),
            Name = name,
            Kind = kind,
            District = district,
            Remote = kind == "gcc" || random.Next(6) == 0,
            NicCodes = string.Join(';', sector.Nic.Where((_, i) => i == 0 || random.Next(2) == 0)),
            Stages = stages,
            Certifications = string.Join(';', certifications.Distinct(StringComparer.Ordinal)),
            Technologies = string.Join(';', sector.Technologies.Where((_, i) => i == 0 || random.Next(2) == 0)),
            ServicesEn = services,
            ServicesMl = sector.Malayalam,
            ContactEmail = $"provider{n.ToString("000", CultureInfo.InvariantCulture)}@demo.local",
            ResponseDays = kind == "tic-lab" ? 3 : random.Next(4) == 0 ? 10 : 5,
            TrlFrom = kind == "rnd-institute" ? 2 : kind == "tic-lab" ? 6 : 4,
            TrlTo = kind == "rnd-institute" ? 6 : 9,
            IsDemo = true,
            CreatedAt = now.AddDays(-420 - random.Next(300)),
            Equipment = kind is "tic-lab" or "rnd-institute"
                ? sector.Equipment.Where((_, i) => i == 0 || random.Next(2) == 0).Select((e, i) => Equipment(n, i + 1, e, "Demo make", $"For {sector.Subject}", "On request; outside users welcome")).ToList()
                : [],
        };
    }

    private static Provider Professional(Random random, int n, string district, DemoSector sector, DateTimeOffset now)
    {
        var first = FirstNames[random.Next(FirstNames.Length)];
        return new Provider
        {
            Id = IdOf(n),
            Name = $"Demo professional {first} {(char)('A' + random.Next(26))}.",
            Kind = "professional",
            District = district,
            Remote = random.Next(2) == 0,
            NicCodes = sector.Nic[0],
            Stages = "design-engineering;advanced-manufacturing",
            Technologies = sector.Technologies[0],
            ServicesEn = $"Back in Kerala after years abroad in {sector.Subject}; {sector.Design}.",
            ServicesMl = sector.Malayalam,
            Skills = sector.Design,
            Sectors = sector.PrioritySector,
            YearsAbroad = 4 + random.Next(18),
            Availability = random.Next(3) switch { 0 => "consulting;mentoring", 1 => "job;consulting", _ => "mentoring" },
            ConsentAt = now.AddDays(-90 - random.Next(200)),
            Languages = "en;ml",
            ResponseDays = 5,
            IsDemo = true,
            CreatedAt = now.AddDays(-100 - random.Next(200)),
        };
    }

    /// <summary>
    /// Most verified in the last eleven months; about one in twenty still expiring within a month, one in twenty-five
    /// expired, and one in twenty-five sent and awaiting verification (so the officer's queue has work).
    /// </summary>
    private static void Verify(Provider provider, Random random, DateOnly today, Guid? officer)
    {
        var roll = random.Next(100);
        if (roll < 4)
        {
            provider.Status = ProviderStatus.Submitted;
            return;
        }

        var daysAgo = roll < 8 ? 370 + random.Next(60) : roll < 13 ? 336 + random.Next(28) : 5 + random.Next(320);
        provider.Status = ProviderStatus.Verified;
        provider.VerifiedOn = today.AddDays(-daysAgo);
        provider.VerifiedBy = officer;
        provider.ExpiresOn = provider.VerifiedOn.Value.AddMonths(12);
    }

    private static ProviderEquipment Equipment(int provider, int n, string name, string make, string purpose, string terms) => new()
    {
        Id = new Guid(provider, (short)n, 0, [0x44, 0x45, 0x4d, 0x4f, 0x45, 0x51, 0x55, 0x50]),
        ProviderId = IdOf(provider),
        Name = name,
        Make = make,
        Purpose = purpose,
        BookingTerms = terms,
    };

    private static string Unique(HashSet<string> names, string name, string district)
    {
        var candidate = name;
        for (var k = 2; !names.Add(candidate); k++)
        {
            candidate = k == 2 ? $"{name}, {district}" : $"{name}, {district} {k.ToString(CultureInfo.InvariantCulture)}";
        }

        return candidate;
    }

    private static T Pick<T>(Random random, (T Value, int Weight)[] weighted)
    {
        var roll = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (value, weight) in weighted)
        {
            if ((roll -= weight) < 0)
            {
                return value;
            }
        }

        return weighted[^1].Value;
    }
}
