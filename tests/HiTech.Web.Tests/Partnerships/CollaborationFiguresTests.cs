using HiTech.Web.Data.Entities;
using HiTech.Web.Kernel;
using HiTech.Web.Tests.Introductions;

namespace HiTech.Web.Tests.Partnerships;

/// <summary>The department's collaboration totals on a small hand-made set, in a period of its own (February-March 2031).</summary>
[Collection(IntroductionsCollection.Name)]
public sealed class CollaborationFiguresTests(IntroductionsFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Needs_introductions_answers_partnerships_and_outcomes_are_counted_in_the_period_by_indian_dates()
    {
        var p = await host.PartiesAsync();
        // Monday 10 February 2031, 10:00 IST.
        var monday = new DateTimeOffset(2031, 2, 10, 4, 30, 0, TimeSpan.Zero);
        var needs = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToArray();
        var accepted1 = Guid.NewGuid();
        var accepted2 = Guid.NewGuid();
        await host.WithDbAsync(db =>
        {
            DateTimeOffset[] posted = [monday, monday, monday, monday, new(2031, 1, 31, 19, 0, 0, TimeSpan.Zero), new(2031, 1, 31, 18, 0, 0, TimeSpan.Zero)];
            for (var i = 0; i < needs.Length; i++)
            {
                db.Needs.Add(new Need { Id = needs[i], OrganisationId = p.OrganisationId, HelpKind = "testing-certification", Summary = $"Figures need {i}", PostedAt = posted[i] });
            }

            db.Introductions.AddRange(
                Introduction(accepted1, needs[0], IntroductionStatus.Accepted, monday, monday.AddDays(1)),
                Introduction(Guid.NewGuid(), needs[1], IntroductionStatus.Declined, monday, monday.AddDays(3)),
                Introduction(Guid.NewGuid(), needs[2], IntroductionStatus.Expired, monday, null),
                Introduction(accepted2, needs[3], IntroductionStatus.Accepted, monday, monday.AddDays(2)));
            db.Partnerships.AddRange(
                new Partnership
                {
                    Id = Guid.NewGuid(),
                    IntroductionId = accepted1,
                    OrganisationId = p.OrganisationId,
                    ProviderId = p.ProviderId,
                    Model = "testing-service",
                    Scope = "EMC",
                    StartOn = new DateOnly(2031, 2, 15),
                    Status = PartnershipStatus.Completed,
                    EndedOn = new DateOnly(2031, 3, 20),
                    ProductsLaunched = 1,
                    PatentsOrDesignsFiled = 2,
                    CertificationObtained = "nabl",
                    JobsCreated = 3,
                    CreatedAt = monday,
                },
                new Partnership
                {
                    Id = Guid.NewGuid(),
                    IntroductionId = accepted2,
                    OrganisationId = p.OrganisationId,
                    ProviderId = p.ProviderId,
                    Model = "contract-rnd",
                    Scope = "Controller",
                    StartOn = new DateOnly(2031, 4, 2),
                    JobsCreated = 50,
                    CreatedAt = monday,
                });
            return db.SaveChangesAsync(Ct);
        });

        var totals = await host.WithDbAsync(db => CollaborationFigures.ForAsync(db, new DateOnly(2031, 2, 1), new DateOnly(2031, 3, 31), Ct));

        // The need posted at 00:30 on 1 February in India counts; the one at 23:30 on 31 January does not.
        Assert.Equal(5, totals.NeedsPosted);
        Assert.Equal((4, 2, 1, 1), (totals.IntroductionsSent, totals.IntroductionsAccepted, totals.IntroductionsDeclined, totals.IntroductionsExpired));
        // First answers after 1, 2 and 3 working days: the median is 2.
        Assert.Equal(2, totals.MedianFirstAnswerDays!.Value, precision: 6);
        // The partnership that starts in April is outside the period, and so are its 50 jobs.
        var model = Assert.Single(totals.PartnershipsByModel);
        Assert.Equal(new ModelCount("testing-service", 0, 1, 0), model);
        Assert.Equal(new OutcomeTotals(1, 2, 1, 3), totals.Outcomes);

        Introduction Introduction(Guid id, Guid need, IntroductionStatus status, DateTimeOffset sent, DateTimeOffset? answered) => new()
        {
            Id = id,
            NeedId = need,
            ProviderId = p.ProviderId,
            OrganisationId = p.OrganisationId,
            SentBy = IntroductionSide.Enterprise,
            SentByUser = Guid.NewGuid(),
            SentAt = sent,
            DueAt = sent.AddDays(7),
            Status = status,
            AnsweredAt = answered,
        };
    }
}
