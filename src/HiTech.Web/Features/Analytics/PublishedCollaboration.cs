using HiTech.Core.Analytics;

namespace HiTech.Web.Features.Analytics;

/// <summary>An outcome of partnerships as published: the sum, or null when hidden, and why.</summary>
public sealed record PublishedOutcome(string Outcome, int? Sum, CellDisclosure Verdict);

/// <summary>
/// The collaboration figures of a financial year (<see cref="CollaborationFigures"/>) as the dashboard publishes them:
/// needs posted by district, introductions by status, the median working days to a first answer,
/// partnerships by model and status, and their outcomes; every count through Core's <see cref="CountDisclosure"/>
/// (its count and the firms or providers behind it at least the minimum frequency), nothing about one firm or provider.
/// </summary>
public sealed record PublishedCollaboration(
    DateOnly From,
    DateOnly To,
    DisclosedCounts NeedsByDistrict,
    DisclosedCounts IntroductionsByStatus,
    double? MedianFirstAnswerDays,
    DisclosedCountGrid Partnerships,
    IReadOnlyList<PublishedOutcome> Outcomes)
{
    /// <summary>Introductions sent: the total of the table by status.</summary>
    /// <remarks>
    /// Introductions are published in one breakdown only: a second one of the same total (by district) could give
    /// away a total the first had to hide, and with it bounds on its hidden cells.
    /// </remarks>
    public int? IntroductionsSent => IntroductionsByStatus.Total.Count;

    public static PublishedCollaboration Of(CollaborationTotals totals, DateOnly from, DateOnly to, DisclosureRules rules)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(rules);
        var p = totals.Parties;
        var median = p.FirstAnswers >= rules.MinFrequency && p.AnsweringProviders >= rules.MinFrequency ? totals.MedianFirstAnswerDays : null;
        var partnerships = CountDisclosure.Apply(
            p.Models,
            CollaborationParties.PartnershipStatuses,
            p.PartnershipCell,
            model => p.PartnershipsByModel.First(c => c.Key == model),
            status => p.PartnershipsByStatus.First(c => c.Key == status),
            p.Partnerships,
            rules);
        return new PublishedCollaboration(
            from,
            to,
            CountDisclosure.Apply(p.NeedsByDistrict, p.Needs, rules),
            CountDisclosure.Apply(p.IntroductionsByStatus, p.Introductions, rules),
            median,
            partnerships,
            [.. p.Outcomes.Select(o => Outcome(o, rules))]);
    }

    /// <summary>
    /// An outcome's sum is shown when it is zero, or when at least the minimum frequency of partnerships, with as many
    /// firms and providers, gave it; jobs created (headcount) must also pass the p% rule.
    /// </summary>
    private static PublishedOutcome Outcome(OutcomeParties o, DisclosureRules rules)
    {
        var measures = new Dictionary<string, MeasureTotals>(StringComparer.Ordinal);
        if (o.Outcome == "jobs" && o.Sum > 0)
        {
            measures[Measures.Employees] = new MeasureTotals(o.Sum, o.Largest, o.SecondLargest, o.Partnerships);
        }

        var verdict = DisclosureControl.Primary(GroupTotals.Empty(o.Outcome) with { Enterprises = o.Partnerships, HiTechEnterprises = o.Parties, Measures = measures }, rules);
        return new PublishedOutcome(o.Outcome, verdict.Published ? o.Sum : null, verdict);
    }
}
