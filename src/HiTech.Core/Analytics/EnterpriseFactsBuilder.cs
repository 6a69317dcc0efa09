using System.Globalization;
using System.Numerics;
using HiTech.Core.Frameworks;
using HiTech.Core.Reference;
using HiTech.Core.Scoring;

namespace HiTech.Core.Analytics;

/// <summary>
/// Makes an enterprise's <see cref="EnterpriseFacts"/> under one framework, either from its engine input and
/// explanation (an assessment) or from the scoring workspace of a registry row; both read the same inputs and
/// classify activities with the same <see cref="ActivityClassifier"/> (the one <c>hitech classify</c> uses), so they agree.
/// </summary>
/// <remarks>
/// Value added is split across activities by revenue share exactly as the engine splits them: shares scaled to add up
/// to 1 when every activity gives one, equal shares otherwise. Money and headcounts are the framework inputs
/// <c>value_added</c>, <c>turnover</c>, <c>rd_spend</c>, <c>export_revenue</c>, <c>employees</c>, <c>rd_staff</c>,
/// <c>stem_staff</c>, <c>returnee_hires</c>, <c>digital_maturity</c> and <c>certifications</c>; a framework without
/// one gives null. The size class reads turnover alone (registries carry no investment) under the MSME limits in
/// force on 1 April of the year.
/// </remarks>
public sealed class EnterpriseFactsBuilder
{
    public const string ValueAddedInput = "value_added";
    public const string TurnoverInput = "turnover";
    public const string RdSpendInput = "rd_spend";
    public const string ExportsInput = "export_revenue";
    public const string EmployeesInput = "employees";
    public const string RdStaffInput = "rd_staff";
    public const string StemStaffInput = "stem_staff";
    public const string ReturneeHiresInput = "returnee_hires";
    public const string DigitalMaturityInput = "digital_maturity";
    public const string CertificationsInput = "certifications";

    /// <summary>The size class when turnover is not known.</summary>
    public const string UnknownSize = "unknown";

    private readonly CompiledFramework _framework;
    private readonly ActivityClassifier _classifier;
    private readonly IReadOnlySet<string> _hiTech;

    public EnterpriseFactsBuilder(CompiledFramework framework, ActivityClassifier classifier)
    {
        _framework = framework;
        _classifier = classifier;
        _hiTech = HiTechTiers.Of(framework);
    }

    /// <summary>The facts of an assessed enterprise: its engine input and the explanation the engine gave for it.</summary>
    public EnterpriseFacts FromExplanation(EnterpriseInput input, Explanation explanation, int year, string status, IReadOnlyDictionary<string, double>? dmaDimensions = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(explanation);
        var activities = new List<(ActivityFacts Facts, double Share)>(input.Activities.Length);
        foreach (var activity in input.Activities)
        {
            if (!_classifier.TryGetFacts(activity.Code.Trim(), out var facts))
            {
                throw new ArgumentException($"activity '{activity.Code}' is not a NIC class or sub-class the engine scores", nameof(input));
            }

            activities.Add((facts, activity.Share is { } share ? (double)share : double.NaN));
        }

        decimal? Number(string id) => input.Inputs.TryGetValue(id, out var value) ? value.Number : null;
        int? Count(string id) => Number(id) is { } n ? (int)n : null;
        double? Real(string id) => Number(id) is { } n ? (double)n : null;
        var certifications = input.Inputs.TryGetValue(CertificationsInput, out var held) && !held.Codes.IsDefault ? held.Codes.Distinct(StringComparer.Ordinal).Count() : 0;
        var district = input.District is { } text && _classifier.Reference.Districts.TryResolve(text, out var found) ? found.Id : null;
        return Build(
            input.Id, year, district, activities, explanation.Tier.Id, explanation.FrameworkVersion, status,
            Number(ValueAddedInput), Number(RdSpendInput), Number(ExportsInput), Number(TurnoverInput),
            Count(EmployeesInput), Count(RdStaffInput), Count(StemStaffInput), Count(ReturneeHiresInput),
            Real(DigitalMaturityInput), dmaDimensions, certifications);
    }

    /// <summary>The facts of a registry row just scored in <paramref name="workspace"/>.</summary>
    public EnterpriseFacts FromWorkspace(string enterpriseId, District? district, ScoringWorkspace workspace, in ScoreSummary score, int year)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var activities = new List<(ActivityFacts Facts, double Share)>(workspace.ActivityCount);
        for (var a = 0; a < workspace.ActivityCount; a++)
        {
            activities.Add((workspace.ActivityFacts[a], workspace.ActivityShares[a]));
        }

        double? Value(string id) => _framework.InputsById.TryGetValue(id, out var input) && !workspace.IsMissing(input) ? workspace.Values[input.Slot] : null;
        decimal? Number(string id) => Value(id) is { } v ? (decimal)v : null;
        int? Count(string id) => Value(id) is { } v ? (int)v : null;
        var certifications = _framework.InputsById.TryGetValue(CertificationsInput, out var codes) && codes.SetIndex >= 0 && !workspace.IsMissing(codes)
            ? BitOperations.PopCount(workspace.Sets[codes.SetIndex])
            : 0;
        return Build(
            enterpriseId, year, district?.Id, activities, _framework.Tiers[score.Tier].Id, _framework.Version, EnterpriseFacts.RegistryStatus,
            Number(ValueAddedInput), Number(RdSpendInput), Number(ExportsInput), Number(TurnoverInput),
            Count(EmployeesInput), Count(RdStaffInput), Count(StemStaffInput), Count(ReturneeHiresInput),
            Value(DigitalMaturityInput), null, certifications);
    }

    private EnterpriseFacts Build(
        string id,
        int year,
        string? district,
        List<(ActivityFacts Facts, double Share)> activities,
        string tier,
        string version,
        string status,
        decimal? valueAdded,
        decimal? rdSpend,
        decimal? exports,
        decimal? turnover,
        int? employees,
        int? rdStaff,
        int? stemStaff,
        int? returnees,
        double? maturity,
        IReadOnlyDictionary<string, double>? dmaDimensions,
        int certifications)
    {
        var shares = Shares(activities);
        var primary = -1;
        for (var a = 0; a < activities.Count; a++)
        {
            // As the engine: the first activity with the largest share.
            if (primary < 0 || shares[a] > shares[primary])
            {
                primary = a;
            }
        }

        decimal? manufacturing = null;
        decimal? mht = null;
        if (valueAdded is { } va)
        {
            manufacturing = 0m;
            mht = 0m;
            for (var a = 0; a < activities.Count; a++)
            {
                var facts = activities[a].Facts;
                if (facts.Division is < 10 or > 33)
                {
                    continue;
                }

                var part = va * shares[a];
                manufacturing += part;
                if (facts.Oecd is OecdGroup.High or OecdGroup.MediumHigh)
                {
                    mht += part;
                }
            }
        }

        var primaryFacts = primary < 0 ? default : activities[primary].Facts;
        var sector = primary < 0 || primaryFacts.Sectors == 0 ? null : _classifier.SectorIds[BitOperations.TrailingZeroCount(primaryFacts.Sectors)];
        return new EnterpriseFacts(
            id,
            year,
            district,
            primary < 0 ? "" : primaryFacts.Division.ToString("00", CultureInfo.InvariantCulture),
            sector,
            SizeClass(turnover, year),
            tier,
            _hiTech.Contains(tier),
            version,
            status,
            valueAdded,
            manufacturing,
            mht,
            rdSpend,
            exports,
            turnover,
            employees,
            rdStaff,
            stemStaff,
            returnees,
            maturity,
            dmaDimensions,
            certifications);
    }

    /// <summary>Revenue shares as the engine reads them, in decimal so that the split of value added adds up.</summary>
    private static decimal[] Shares(List<(ActivityFacts Facts, double Share)> activities)
    {
        var shares = new decimal[activities.Count];
        var given = activities.Count > 0;
        var total = 0m;
        foreach (var (_, share) in activities)
        {
            given &= !double.IsNaN(share);
            total += given ? (decimal)share : 0;
        }

        for (var a = 0; a < shares.Length; a++)
        {
            shares[a] = given && total > 0 ? (decimal)activities[a].Share / total : 1m / activities.Count;
        }

        return shares;
    }

    private string SizeClass(decimal? turnover, int year) => turnover is { } t && t >= 0
        ? _classifier.Reference.Msme.Classify(0, t, new DateOnly(Math.Clamp(year, 1, 9999), 4, 1)) switch
        {
            MsmeSize.Micro => SizeClasses.Micro,
            MsmeSize.Small => SizeClasses.Small,
            MsmeSize.Medium => SizeClasses.Medium,
            _ => SizeClasses.Large,
        }
        : UnknownSize;
}
