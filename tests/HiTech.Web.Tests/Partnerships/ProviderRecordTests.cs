using System.Net;
using HiTech.Web.Data.Entities;
using HiTech.Web.Tests.Introductions;

namespace HiTech.Web.Tests.Partnerships;

/// <summary>A provider's record in its directory profile and its API profile: aggregates only, and only from 5 requests.</summary>
[Collection(IntroductionsCollection.Name)]
public sealed class ProviderRecordTests(IntroductionsFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_directory_shows_the_record_only_once_the_provider_has_5_requests()
    {
        var p = await host.PartiesAsync();
        // Sent on Monday 2 March 2026 in the morning in India; four accepted on Wednesday (2 working days), one declined on Tuesday.
        var sent = new DateTimeOffset(2026, 3, 2, 4, 0, 0, TimeSpan.Zero);
        await AddRequestsAsync(p, sent, [(IntroductionStatus.Accepted, 2), (IntroductionStatus.Accepted, 2), (IntroductionStatus.Accepted, 2), (IntroductionStatus.Declined, 1)]);

        using var anonymous = host.Anonymous();
        var few = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/directory/{p.ProviderId}", Ct));
        Assert.Contains("Not enough requests yet to show figures", few, StringComparison.Ordinal);
        Assert.DoesNotContain("Requests accepted", few, StringComparison.Ordinal);
        var fewApi = (await IntroductionsFixture.JsonAsync(await anonymous.GetAsync($"/api/v1/providers/{p.ProviderId}", Ct))).GetProperty("record");
        Assert.Equal((4, false), (fewApi.GetProperty("requests").GetInt32(), fewApi.GetProperty("shown").GetBoolean()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, fewApi.GetProperty("acceptanceRate").ValueKind);

        await AddRequestsAsync(p, sent, [(IntroductionStatus.Accepted, 2)]);
        var enough = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/directory/{p.ProviderId}", Ct));
        Assert.DoesNotContain("Not enough requests yet", enough, StringComparison.Ordinal);
        Assert.Contains("Requests received", enough, StringComparison.Ordinal);
        Assert.Contains("2.0 working days", enough, StringComparison.Ordinal);
        Assert.Contains("80%", enough, StringComparison.Ordinal);
        Assert.Contains("No ratings yet", enough, StringComparison.Ordinal);
        var api = (await IntroductionsFixture.JsonAsync(await anonymous.GetAsync($"/api/v1/providers/{p.ProviderId}", Ct))).GetProperty("record");
        Assert.Equal((5, true, 0.8), (api.GetProperty("requests").GetInt32(), api.GetProperty("shown").GetBoolean(), api.GetProperty("acceptanceRate").GetDouble()));

        // In Malayalam too.
        using var malayalam = host.Anonymous("ml");
        Assert.Contains("ലഭിച്ച അഭ്യർത്ഥനകൾ", WebUtility.HtmlDecode(await malayalam.GetStringAsync($"/directory/{p.ProviderId}", Ct)), StringComparison.Ordinal);
    }

    /// <summary>Requests from enterprises to the parties' provider, each for a need of its own, answered after the given working days.</summary>
    private Task<int> AddRequestsAsync(IntroductionParties p, DateTimeOffset sent, (IntroductionStatus Status, int Days)[] requests) =>
        host.WithDbAsync(db =>
        {
            foreach (var (status, days) in requests)
            {
                var need = Guid.NewGuid();
                db.Needs.Add(new Need { Id = need, OrganisationId = p.OrganisationId, HelpKind = "testing-certification", Summary = "Record test", District = "Ernakulam", PostedAt = sent });
                db.Introductions.Add(new Introduction
                {
                    Id = Guid.NewGuid(),
                    NeedId = need,
                    ProviderId = p.ProviderId,
                    OrganisationId = p.OrganisationId,
                    SentBy = IntroductionSide.Enterprise,
                    SentByUser = Guid.NewGuid(),
                    SentAt = sent,
                    DueAt = sent.AddDays(7),
                    Status = status,
                    AnsweredAt = sent.AddDays(days),
                });
            }

            return db.SaveChangesAsync(Ct);
        });
}
