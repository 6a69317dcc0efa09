using HiTech.Core.Reference;
using HiTech.Core.Scoring;

namespace HiTech.Web.Features.Enterprises;

/// <summary>Reads organisations with their units and activities, enriched with what the reference data says.</summary>
public sealed class ReadOrganisation(AppDbContext db, EnterpriseAccess access, EnterpriseOutcomes outcomes, ActivityClassifier classifier)
{
    /// <summary>An organisation this user may read; <see cref="OutcomeKind.NotFound"/> otherwise (never a hint it exists).</summary>
    public async Task<Outcome<OrganisationView>> ExecuteAsync(CurrentUser user, Guid id, CancellationToken cancellationToken) =>
        await access.MayReadAsync(user, id, cancellationToken) && await LoadAsync(id, cancellationToken) is { } view
            ? Outcome.Ok(view)
            : outcomes.NotFound<OrganisationView>();

    /// <summary>The organisation an Enterprise user owns, or null when they have not registered one yet.</summary>
    public async Task<OrganisationView?> OwnAsync(CurrentUser user, CancellationToken cancellationToken) =>
        await access.OwnOrganisationAsync(user, cancellationToken) is { } id ? await LoadAsync(id, cancellationToken) : null;

    public async Task<OrganisationView?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking()
            .Include(o => o.Units)
            .Include(o => o.Activities)
            .AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organisation is null ? null : ToView(organisation);
    }

    public async Task<UnitView?> LoadUnitAsync(Guid organisationId, Guid unitId, CancellationToken cancellationToken)
    {
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId && u.OrganisationId == organisationId, cancellationToken);
        return unit is null ? null : ToView(unit);
    }

    public async Task<ActivityView?> LoadActivityAsync(Guid organisationId, Guid activityId, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == activityId && a.OrganisationId == organisationId, cancellationToken);
        return activity is null ? null : ToView(activity);
    }

    public OrganisationView ToView(Organisation o)
    {
        var activities = o.Activities
            .OrderByDescending(a => a.RevenueShare).ThenBy(a => a.Code, StringComparer.Ordinal)
            .Select(ToView)
            .ToList();
        var total = SharePercentTotal(o.Activities.Select(a => a.RevenueShare));
        return new OrganisationView(
            o.Id,
            o.Name,
            o.UdyamNumber,
            o.Gstin,
            o.District,
            o.Address,
            o.CreatedAt,
            o.Version,
            [.. o.Units.OrderBy(u => u.Name, StringComparer.CurrentCulture).Select(ToView)],
            activities,
            total,
            activities.Count > 0 && SharesComplete(total));
    }

    public UnitView ToView(Unit u) => new(
        u.Id,
        u.Name,
        u.District,
        u.Address,
        u.InvestmentInr,
        u.TurnoverInr,
        u.SizeClass,
        u.SizeClassAsOf,
        Limits(classifier.Reference.Msme.LimitsOn(u.SizeClassAsOf)),
        u.Version);

    public ActivityView ToView(Activity a)
    {
        var entry = classifier.TryGetFacts(a.Code, out var facts) ? facts.Entry : classifier.Reference.Nic.Find(a.Code);
        return new ActivityView(
            a.Id,
            a.Classification,
            a.Code,
            entry?.Title ?? "",
            entry is null ? "" : entry.Level.Id(),
            entry?.OecdGroup is { } g ? OecdGroups.ToId(g) : null,
            entry?.EurostatGroup ?? "",
            entry is null ? [] : [.. entry.PrioritySectors],
            [.. AssessmentScoring.SplitCodes(a.Stages)],
            ToPercent(a.RevenueShare),
            a.Version);
    }

    public static SizeLimitsView Limits(MsmeLimits l) => new(
        l.EffectiveFrom, l.Source, l.MicroInvestment, l.MicroTurnover, l.SmallInvestment, l.SmallTurnover, l.MediumInvestment, l.MediumTurnover);

    /// <summary>Shares are stored as fractions (0-1) and shown as percentages.</summary>
    public static decimal ToPercent(decimal share) => decimal.Round(share * 100m, 4);

    public static decimal SharePercentTotal(IEnumerable<decimal> shares) => decimal.Round(shares.Sum() * 100m, 2);

    /// <summary>How far from 100% the shares may add up, for rounding (three shares of 33.33% are complete).</summary>
    public const decimal ShareTolerancePercent = 0.1m;

    /// <summary>Do the shares add up to 100%, within rounding?</summary>
    public static bool SharesComplete(decimal totalPercent) => Math.Abs(totalPercent - 100m) <= ShareTolerancePercent;
}
