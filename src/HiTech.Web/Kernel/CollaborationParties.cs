using HiTech.Core.Analytics;
using static HiTech.Web.Kernel.CollaborationFigures;

namespace HiTech.Web.Kernel;

/// <summary>
/// The collaboration figures as counts with the parties behind them (Core's <see cref="CountCell"/>: the fewest
/// distinct firms, or providers, that make up the count), and their breakdowns (needs by district, introductions by
/// status, partnerships by model and status): what disclosure control needs so that no published figure is about one firm or one provider.
/// </summary>
/// <remarks>
/// Introduction statuses are keyed accepted, declined, expired and other (still waiting, or withdrawn); partnership
/// cells "model|status" with statuses active, completed, ended. Outcomes are products, patents_or_designs,
/// certifications and jobs, each with the partnerships that gave a non-zero figure.
/// </remarks>
public sealed record CollaborationParties(
    CountCell Needs,
    IReadOnlyList<CountCell> NeedsByDistrict,
    CountCell Introductions,
    IReadOnlyList<CountCell> IntroductionsByStatus,
    int FirstAnswers,
    int AnsweringProviders,
    IReadOnlyList<string> Models,
    IReadOnlyList<CountCell> PartnershipCells,
    IReadOnlyList<CountCell> PartnershipsByModel,
    IReadOnlyList<CountCell> PartnershipsByStatus,
    CountCell Partnerships,
    IReadOnlyList<OutcomeParties> Outcomes)
{
    public const string All = GroupTotals.AllGroup;

    public static IReadOnlyList<string> IntroductionStatuses { get; } = ["accepted", "declined", "expired", "other"];

    public static IReadOnlyList<string> PartnershipStatuses { get; } = ["active", "completed", "ended"];

    public static IReadOnlyList<string> OutcomeIds { get; } = ["products", "patents_or_designs", "certifications", "jobs"];

    public static CollaborationParties None { get; } = Of([], [], []);

    public static CollaborationParties Of(IReadOnlyList<NeedRow> needs, IReadOnlyList<IntroductionRow> introductions, IReadOnlyList<PartnershipRow> partnerships)
    {
        ArgumentNullException.ThrowIfNull(needs);
        ArgumentNullException.ThrowIfNull(introductions);
        ArgumentNullException.ThrowIfNull(partnerships);
        CountCell NeedCell(string key, IEnumerable<NeedRow> rows) => Cell(key, [.. rows], r => r.Organisation, null);
        CountCell IntroductionCell(string key, IEnumerable<IntroductionRow> rows) => Cell(key, [.. rows], r => r.Organisation, r => r.Provider);
        CountCell PartnershipCell(string key, IEnumerable<PartnershipRow> rows) => Cell(key, [.. rows], r => r.Organisation, r => r.Provider);
        var models = partnerships.Select(p => p.Model).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var answered = introductions.Where(IsAnswered).ToList();
        return new CollaborationParties(
            NeedCell(All, needs),
            [.. needs.GroupBy(n => n.District, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => NeedCell(g.Key, g))],
            IntroductionCell(All, introductions),
            [.. IntroductionStatuses.Select(s => IntroductionCell(s, introductions.Where(i => StatusKey(i.Status) == s)))],
            answered.Count,
            answered.Select(i => i.Provider).Distinct().Count(),
            models,
            [.. models.SelectMany(m => PartnershipStatuses.Select(s => PartnershipCell($"{m}|{s}", partnerships.Where(p => p.Model == m && StatusKey(p.Status) == s))))],
            [.. models.Select(m => PartnershipCell(m, partnerships.Where(p => p.Model == m)))],
            [.. PartnershipStatuses.Select(s => PartnershipCell(s, partnerships.Where(p => StatusKey(p.Status) == s)))],
            PartnershipCell(All, partnerships),
            [
                Outcome(OutcomeIds[0], partnerships, p => p.ProductsLaunched),
                Outcome(OutcomeIds[1], partnerships, p => p.PatentsOrDesignsFiled),
                Outcome(OutcomeIds[2], partnerships, p => p.CertificationObtained.Length > 0 ? 1 : 0),
                Outcome(OutcomeIds[3], partnerships, p => p.JobsCreated),
            ]);
    }

    public CountCell PartnershipCell(string model, string status) => PartnershipCells.First(c => c.Key == $"{model}|{status}");

    public static string StatusKey(IntroductionStatus status) => status switch
    {
        IntroductionStatus.Accepted => "accepted",
        IntroductionStatus.Declined => "declined",
        IntroductionStatus.Expired => "expired",
        _ => "other",
    };

    public static string StatusKey(PartnershipStatus status) => status switch
    {
        PartnershipStatus.Active => "active",
        PartnershipStatus.Completed => "completed",
        _ => "ended",
    };

    /// <summary>A count and the fewest distinct parties behind it: firms, and providers when the rows have one.</summary>
    private static CountCell Cell<T>(string key, IReadOnlyList<T> rows, Func<T, Guid> firm, Func<T, Guid>? provider)
    {
        var firms = rows.Select(firm).Distinct().Count();
        var parties = provider is null ? firms : Math.Min(firms, rows.Select(provider).Distinct().Count());
        return new CountCell(key, rows.Count, parties);
    }

    private static OutcomeParties Outcome(string id, IReadOnlyList<PartnershipRow> partnerships, Func<PartnershipRow, int> value)
    {
        var contributing = partnerships.Where(p => value(p) > 0).ToList();
        var values = contributing.Select(value).OrderDescending().ToList();
        var parties = Math.Min(contributing.Select(p => p.Organisation).Distinct().Count(), contributing.Select(p => p.Provider).Distinct().Count());
        return new OutcomeParties(id, values.Sum(), contributing.Count, parties, values.ElementAtOrDefault(0), values.ElementAtOrDefault(1));
    }
}

/// <summary>One outcome's sum over partnerships, how many partnerships gave a non-zero figure, the fewest firms or providers among them, and the two largest contributions (for the p% rule).</summary>
public sealed record OutcomeParties(string Outcome, int Sum, int Partnerships, int Parties, int Largest, int SecondLargest);
