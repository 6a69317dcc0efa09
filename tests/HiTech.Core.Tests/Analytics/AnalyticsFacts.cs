using HiTech.Core.Analytics;

namespace HiTech.Core.Tests.Analytics;

/// <summary>Enterprise facts written out by hand, for tests that compute the expected figures by hand.</summary>
internal static class AnalyticsFacts
{
    public static EnterpriseFacts Fact(
        string id,
        string district = "ernakulam",
        string division = "26",
        string tier = "conventional",
        decimal? va = null,
        decimal? mva = null,
        decimal? mht = null,
        decimal? rd = null,
        decimal? exports = null,
        decimal? turnover = null,
        int? employees = null,
        int? rdStaff = null,
        int? stem = null,
        int? returnees = null,
        double? maturity = null,
        int certifications = 0,
        int year = 2025,
        string status = EnterpriseFacts.RegistryStatus,
        string version = "2025.1") =>
        new(id, year, district, division, null, SizeClasses.Small, tier, tier is "hitech" or "hitech-leader", version, status,
            va, mva, mht, rd, exports, turnover, employees, rdStaff, stem, returnees, maturity, null, certifications);

    /// <summary>
    /// Five enterprises in three districts. By hand, for the state: 5 enterprises, 3 hi-tech; value added 8,000,
    /// manufacturing 7,500, MHT 5,500 (SDG 9.b.1 = 73.33 %); R&amp;D 570 (7.125 % of value added); employees 125,
    /// R&amp;D staff 15 (12 %), STEM 41 (32.8 %); returnees 4; exports 2,000 of turnover 27,000 (7.407 %); digital
    /// maturity 70, 45, 85, 60 (mean 65; bands 40-60: 1, 60-80: 2, 80-100: 1); certifications 7 (1.4 each).
    /// </summary>
    public static IReadOnlyList<EnterpriseFacts> FiveEnterprises { get; } =
    [
        Fact("E1", "ernakulam", "26", "hitech", va: 1000, mva: 1000, mht: 1000, rd: 100, exports: 200, turnover: 4000, employees: 20, rdStaff: 4, stem: 10, returnees: 1, maturity: 70, certifications: 2),
        Fact("E2", "ernakulam", "10", "emerging", va: 2000, mva: 2000, mht: 0, rd: 20, exports: 0, turnover: 8000, employees: 40, rdStaff: 0, stem: 4, returnees: 0, maturity: 45, certifications: 1),
        Fact("E3", "thrissur", "28", "hitech-leader", va: 3000, mva: 3000, mht: 3000, rd: 300, exports: 1500, turnover: 9000, employees: 30, rdStaff: 6, stem: 15, returnees: 2, maturity: 85, certifications: 3),
        Fact("E4", "thrissur", "62", "conventional", va: 500, mva: 0, mht: 0, turnover: 1000, employees: 10, stem: 2),
        Fact("E5", "kollam", "20", "hitech", va: 1500, mva: 1500, mht: 1500, rd: 150, exports: 300, turnover: 5000, employees: 25, rdStaff: 5, stem: 10, returnees: 1, maturity: 60, certifications: 1),
    ];
}
