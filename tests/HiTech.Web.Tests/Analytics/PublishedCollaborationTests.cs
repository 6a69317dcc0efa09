using HiTech.Core.Analytics;
using HiTech.Web.Data.Entities;
using HiTech.Web.Features.Analytics;
using HiTech.Web.Kernel;
using static HiTech.Web.Kernel.CollaborationFigures;

namespace HiTech.Web.Tests.Analytics;

/// <summary>The collaboration figures as the dashboard publishes them: nothing about one firm or one provider.</summary>
public sealed class PublishedCollaborationTests
{
    private static readonly DisclosureRules Rules = new(5, 10m, "test");
    private static readonly DateOnly From = new(2030, 4, 1);
    private static readonly DateOnly To = new(2031, 3, 31);
    private static readonly DateTimeOffset Monday = new(2030, 6, 3, 4, 30, 0, TimeSpan.Zero);

    private static readonly Guid[] Firms = [.. Enumerable.Range(0, 8).Select(_ => Guid.NewGuid())];
    private static readonly Guid[] Providers = [.. Enumerable.Range(0, 8).Select(_ => Guid.NewGuid())];

    [Fact]
    public void The_median_first_answer_is_hidden_when_fewer_than_five_providers_gave_the_answers()
    {
        // Eight answers, all from two providers: enough answers, too few providers.
        var answered = Enumerable.Range(0, 8).Select(i => new IntroductionRow(IntroductionStatus.Accepted, Monday, Monday.AddDays(1), Firms[i], Providers[i % 2])).ToList();
        Assert.Null(Publish([], answered, []).MedianFirstAnswerDays);

        var fromEight = Enumerable.Range(0, 8).Select(i => new IntroductionRow(IntroductionStatus.Accepted, Monday, Monday.AddDays(1), Firms[i], Providers[i])).ToList();
        Assert.Equal(1, Publish([], fromEight, []).MedianFirstAnswerDays);
    }

    [Fact]
    public void Jobs_created_mostly_by_one_partnership_are_hidden_while_counts_from_five_are_shown()
    {
        int[] jobs = [100, 1, 1, 1, 1];
        var partnerships = jobs.Select((n, i) => new PartnershipRow("contract-rnd", PartnershipStatus.Completed, 1, 0, "", n, Firms[i], Providers[i])).ToList();

        var published = Publish([], [], partnerships);

        var outcomes = published.Outcomes.ToDictionary(o => o.Outcome);
        Assert.Null(outcomes["jobs"].Sum);
        Assert.Equal(SuppressionRule.Dominance, outcomes["jobs"].Verdict.Rule);
        Assert.Equal(5, outcomes["products"].Sum);
        Assert.Equal(0, outcomes["patents_or_designs"].Sum);
        Assert.Equal(5, published.Partnerships.Total.Count);
    }

    [Fact]
    public void Partnerships_of_one_provider_are_hidden_however_many()
    {
        var partnerships = Enumerable.Range(0, 7).Select(i => new PartnershipRow("testing-service", PartnershipStatus.Active, 0, 0, "", 0, Firms[i], Providers[0])).ToList();

        var published = Publish([], [], partnerships);

        Assert.Null(published.Partnerships.Total.Count);
        Assert.Equal(SuppressionRule.MinFrequency, published.Partnerships.Total.Verdict.Rule);
        Assert.All(published.Partnerships.Cells.SelectMany(r => r), c => Assert.True(c.Count is null or 0));
    }

    [Fact]
    public void Introductions_by_status_hide_the_total_when_it_would_bound_the_hidden_statuses()
    {
        // Two accepted, two declined, two expired, from six firms to six providers: each status is hidden, and with
        // the total of 6 published each would be known to be at most 4, so the total is hidden too.
        var introductions = Enumerable.Range(0, 6)
            .Select(i => new IntroductionRow((IntroductionStatus)(1 + (i / 2)), Monday, Monday.AddDays(1), Firms[i], Providers[i]))
            .ToList();

        var published = Publish([], introductions, []);

        Assert.All(published.IntroductionsByStatus.Cells, c => Assert.True(c.Count is null or 0));
        Assert.Null(published.IntroductionsSent);
        Assert.Equal(SuppressionRule.Secondary, published.IntroductionsByStatus.Total.Verdict.Rule);
    }

    private static PublishedCollaboration Publish(IReadOnlyList<NeedRow> needs, IReadOnlyList<IntroductionRow> introductions, IReadOnlyList<PartnershipRow> partnerships)
    {
        var totals = Compute(needs.Count, introductions, partnerships) with { Parties = CollaborationParties.Of(needs, introductions, partnerships) };
        return PublishedCollaboration.Of(totals, From, To, Rules);
    }
}
