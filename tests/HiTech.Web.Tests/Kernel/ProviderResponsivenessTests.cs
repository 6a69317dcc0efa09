using HiTech.Web.Data.Entities;
using HiTech.Web.Kernel;
using HiTech.Web.Tests.Infrastructure;
using HiTech.Web.Tests.Needs;

namespace HiTech.Web.Tests.Kernel;

/// <summary>
/// A provider's public record: nothing but the count below 5 requests; from 5, the median working days to a first
/// answer (weekends not counted), acceptance over requests that ended, completed partnerships and each side's ratings.
/// </summary>
public sealed class ProviderResponsivenessTests(NeedsFixture fixture) : IClassFixture<NeedsFixture>
{
    // A Monday, 10:00 in Kerala.
    // 10:00 in India, held in UTC: PostgreSQL stores only UTC offsets.
    private static readonly DateTimeOffset Monday = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.FromHours(5.5)).ToUniversalTime();

    [Fact]
    public void Working_days_leave_out_the_weekend_and_count_fractions()
    {
        Assert.Equal(1, WorkingDays.Between(Monday, Monday.AddDays(1)), 6);
        Assert.Equal(0.75, WorkingDays.Between(Monday.AddDays(4).AddHours(6), Monday.AddDays(7)), 6); // Friday 16:00 to Monday 10:00
        Assert.Equal(5, WorkingDays.Between(Monday, Monday.AddDays(7)), 6);
        Assert.Equal(0, WorkingDays.Between(Monday.AddDays(5), Monday.AddDays(6)), 6); // Saturday to Sunday
        Assert.Equal(0, WorkingDays.Between(Monday, Monday.AddHours(-1)));
    }

    [Fact]
    public async Task Below_five_requests_only_the_count_is_given()
    {
        Skip();
        var firm = await fixture.NewFirmAsync();
        var provider = await fixture.NewProviderAsync("Four requests lab");
        for (var i = 0; i < 4; i++)
        {
            var need = await fixture.NewNeedAsync(firm);
            await fixture.NewIntroductionAsync(need, provider, Monday, IntroductionStatus.Accepted, Monday.AddDays(1));
        }

        var figures = await fixture.WithDbAsync(db => ProviderResponsiveness.ForAsync(db, provider.Id, CancellationToken.None));

        Assert.Equal(4, figures.Requests);
        Assert.False(figures.Shown);
        Assert.Null(figures.MedianResponseDays);
        Assert.Null(figures.AcceptanceRate);
        Assert.Null(figures.CompletedPartnerships);
    }

    [Fact]
    public async Task From_five_requests_the_median_rate_partnerships_and_ratings_are_given()
    {
        Skip();
        var firm = await fixture.NewFirmAsync();
        var provider = await fixture.NewProviderAsync("Six requests lab");
        var other = await fixture.NewProviderAsync("Another lab");
        async Task<Introduction> Request(IntroductionStatus status, double? workingDaysLater, IntroductionSide sentBy = IntroductionSide.Enterprise, Provider? to = null) =>
            await fixture.NewIntroductionAsync(await fixture.NewNeedAsync(firm), to ?? provider, Monday, status, workingDaysLater is { } d ? Monday.AddDays(d) : null, sentBy);

        // Answered after 1, 2 and 3 working days (Tuesday, Wednesday and Thursday at 10:00).
        var accepted = await Request(IntroductionStatus.Accepted, 1);
        await Request(IntroductionStatus.Accepted, 2);
        await Request(IntroductionStatus.Declined, 3);
        await Request(IntroductionStatus.Expired, null);
        await Request(IntroductionStatus.Withdrawn, null);
        await Request(IntroductionStatus.Sent, null);

        // Neither the provider's own offers nor another provider's requests count.
        await Request(IntroductionStatus.Accepted, 0.1, IntroductionSide.Provider);
        await Request(IntroductionStatus.Declined, 0.1, to: other);

        await fixture.WithDbAsync(async db =>
        {
            var partnership = new Partnership { Id = Guid.NewGuid(), IntroductionId = accepted.Id, OrganisationId = firm.OrganisationId, ProviderId = provider.Id, Model = "testing-service", Status = PartnershipStatus.Completed, CreatedAt = Monday };
            db.Partnerships.Add(partnership);
            db.PartnershipRatings.Add(new PartnershipRating { PartnershipId = partnership.Id, Side = IntroductionSide.Enterprise, Stars = 4, RatedAt = Monday });
            db.PartnershipRatings.Add(new PartnershipRating { PartnershipId = partnership.Id, Side = IntroductionSide.Provider, Stars = 5, RatedAt = Monday });
            return await db.SaveChangesAsync();
        });

        var figures = await fixture.WithDbAsync(db => ProviderResponsiveness.ForAsync(db, [provider.Id, other.Id], CancellationToken.None));

        var mine = figures[provider.Id];
        Assert.Equal(6, mine.Requests);
        Assert.True(mine.Shown);
        Assert.Equal(2, mine.MedianResponseDays!.Value, 6);
        Assert.Equal(2.0 / 4, mine.AcceptanceRate!.Value, 6); // accepted 2 of the 4 that ended (accepted, declined, expired)
        Assert.Equal(1, mine.CompletedPartnerships);
        Assert.Equal(new RatingAverage(4, 1), mine.RatingFromEnterprises);
        Assert.Equal(new RatingAverage(5, 1), mine.RatingByProvider);
        Assert.Equal(1, figures[other.Id].Requests);
        Assert.False(figures[other.Id].Shown);
    }

    private static void Skip()
    {
        if (WebAppFactory.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }
}
