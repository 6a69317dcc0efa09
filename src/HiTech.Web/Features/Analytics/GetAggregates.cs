using HiTech.Core.Analytics;
using HiTech.Core.Reference;

namespace HiTech.Web.Features.Analytics;

/// <summary>
/// One published count; <see cref="Count"/> is null when disclosure control hides it, and <see cref="Verdict"/> says
/// by which rule (too few enterprises, or hidden so that another hidden count cannot be worked out).
/// </summary>
public sealed record AggregateRow(string Key, LocalText Label, int? Count, CellDisclosure Verdict);

/// <summary>A one-way table of counts with its total and how many counts were hidden.</summary>
public sealed record AggregateTable(string Id, IReadOnlyList<AggregateRow> Rows, int? Total, int Hidden);

/// <summary>The aggregates page: enterprises by tier, district and NIC division of the primary activity.</summary>
public sealed record Aggregates(AggregateTable ByTier, AggregateTable ByDistrict, AggregateTable ByDivision, int Threshold);

/// <summary>
/// Ecosystem counts for analysts: each organisation counted once, by the tier of the final result of its latest
/// approved assessment. No enterprise is named and small counts
/// are suppressed by Core's <see cref="DisclosureControl"/>, the same rules as the dashboard.
/// </summary>
public sealed class GetAggregates(AppDbContext db, FrameworkStore frameworks, ReferenceData reference, DisclosureRules rules)
{
    public async Task<Aggregates> ExecuteAsync(CancellationToken cancellationToken)
    {
        var finals = await (
                from r in db.AssessmentResults.AsNoTracking()
                where r.IsFinal
                join a in db.Assessments.AsNoTracking() on r.AssessmentId equals a.Id
                select new { a.OrganisationId, a.Year, r.Tier, r.ComputedAt })
            .ToListAsync(cancellationToken);
        var latest = finals
            .GroupBy(f => f.OrganisationId)
            .Select(g => g.OrderByDescending(f => f.Year).ThenByDescending(f => f.ComputedAt).First())
            .ToList();

        var organisations = latest.Select(l => l.OrganisationId).ToList();
        var districts = await db.Organisations.AsNoTracking()
            .Where(o => organisations.Contains(o.Id))
            .Select(o => new { o.Id, o.District })
            .ToDictionaryAsync(o => o.Id, o => o.District, cancellationToken);
        var primary = (await db.Activities.AsNoTracking()
                .Where(a => organisations.Contains(a.OrganisationId))
                .Select(a => new { a.OrganisationId, a.Code, a.RevenueShare })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.OrganisationId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.RevenueShare).ThenBy(a => a.Code, StringComparer.Ordinal).First().Code);

        // Tiers in the order and words of the framework in force; tiers of older versions follow.
        var active = await frameworks.ActiveAsync(cancellationToken);
        var tierOrder = active.Tiers.Select(t => t.Id).ToList();
        var tierTitles = active.Tiers.ToDictionary(t => t.Id, t => t.Definition.Title);
        var tiers = latest.Select(l => l.Tier).ToList();

        var byTier = Table(
            "tier",
            tierOrder.Concat(tiers.Distinct().Where(t => !tierOrder.Contains(t)).Order(StringComparer.Ordinal))
                .Select(t => (t, tierTitles.TryGetValue(t, out var title) ? title : new LocalText(t), tiers.Count(x => x == t))));

        var byDistrict = Table(
            "district",
            reference.Districts.All.Select(d => (d.Id, new LocalText(d.Name, d.NameMl), latest.Count(l => districts.TryGetValue(l.OrganisationId, out var name) && name == d.Name))));

        var divisions = latest
            .Select(l => primary.TryGetValue(l.OrganisationId, out var code) && code.Length >= 2 ? code[..2] : "")
            .Where(d => d.Length == 2)
            .GroupBy(d => d)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, DivisionLabel(g.Key), g.Count()));
        var byDivision = Table("division", divisions);

        return new Aggregates(byTier, byDistrict, byDivision, rules.MinFrequency);
    }

    /// <summary>"26 Manufacture of ..." in both languages; every division has a Malayalam title (nic2008-ml.csv).</summary>
    private LocalText DivisionLabel(string code) =>
        new($"{code} {reference.Nic.Find(code)?.Title ?? ""}".Trim(), reference.NicMalayalam.TitleOf(code) is { } ml ? $"{code} {ml}" : null);

    /// <summary>A one-way table of counts with its total, protected as a whole (cells and total).</summary>
    private AggregateTable Table(string id, IEnumerable<(string Key, LocalText Label, int Count)> cells)
    {
        var list = cells.ToList();
        var groups = list.Select(c => GroupTotals.Empty(c.Key) with { Enterprises = c.Count }).ToList();
        var total = GroupTotals.Empty(GroupTotals.AllGroup) with { Enterprises = list.Sum(c => c.Count) };
        var disclosed = DisclosureControl.Apply(new GroupTable(GroupDimension.State, groups, total), rules);
        var rows = list.Select((c, i) => new AggregateRow(c.Key, c.Label, disclosed.Groups[i].Published ? c.Count : null, disclosed.Groups[i])).ToList();
        return new AggregateTable(id, rows, disclosed.Total.Published ? total.Enterprises : null, rows.Count(r => r.Count is null));
    }
}
