using System.Net;
using System.Net.Http.Json;
using HiTech.Web.Data.Entities;
using HiTech.Web.Features.Partnerships;
using HiTech.Web.Infrastructure;
using HiTech.Web.Tests.Introductions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Partnerships;

/// <summary>
/// The partnership pages' rules: recorded on the page only from an accepted introduction (errors by field, in the
/// user's language), seen only by its two sides and officers, the follow-up answerable only once asked and by its own side.
/// </summary>
[Collection(IntroductionsCollection.Name)]
public sealed class PartnershipPagesTests(IntroductionsFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Recorded_on_the_page_only_from_an_accepted_introduction_with_errors_by_field_in_Malayalam()
    {
        var p = await host.PartiesAsync();
        using var api = await host.ApiAsync(p.EnterpriseEmail);
        var introduction = await PartnershipFlowTests.SendAsync(api, p);
        using var enterprise = await host.BrowserAsync(p.EnterpriseEmail);
        var url = $"/partnerships/new?introduction={introduction.Id}";

        // Not accepted yet: the page says why and has no form; a post is refused and records nothing.
        var (_, waiting) = await enterprise.GetPageAsync(url);
        Assert.Contains("A partnership can be recorded only from an accepted introduction", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Scope\"", waiting, StringComparison.Ordinal);
        var (refused, refusedHtml) = await enterprise.PostPageAsync(url, Valid());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("govuk-error-summary", refusedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("/partnerships/new", (await enterprise.GetHtmlAsync($"/introductions/{introduction.Id}")), StringComparison.Ordinal);

        using var provider = await host.ApiAsync(p.ProviderEmail);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync($"/api/v1/introductions/{introduction.Id}/accept", new { version = introduction.Version }, Ct)).StatusCode);
        Assert.Contains(url, await enterprise.GetHtmlAsync($"/introductions/{introduction.Id}"), StringComparison.Ordinal);

        // In Malayalam: each error beside its field, what was typed kept.
        using var malayalam = await host.BrowserAsync(p.EnterpriseEmail, cultureCookie: "ml");
        var (invalid, html) = await malayalam.PostPageAsync(url, new Dictionary<string, string>
        {
            ["PartnershipModel"] = "",
            ["Scope"] = " ",
            ["StartOn"] = "31-02-2026",
            ["Milestones[0].Title"] = "Test plan agreed",
            ["Milestones[0].DueOn"] = "soon",
        });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("id=\"StartOn-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Milestones-0-DueOn-error\"", html, StringComparison.Ordinal);
        Assert.Contains("ആരംഭം ഒരു തീയതിയായി നൽകുക", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Test plan agreed\"", html, StringComparison.Ordinal);
        var (missing, missingHtml) = await malayalam.PostPageAsync(url, new Dictionary<string, string> { ["PartnershipModel"] = "", ["Scope"] = "", ["StartOn"] = "" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("id=\"PartnershipModel-error\"", missingHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"Scope-error\"", missingHtml, StringComparison.Ordinal);
        Assert.Contains("id=\"StartOn-error\"", missingHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Describe what the two sides agreed to do", missingHtml, StringComparison.Ordinal);
        Assert.False(await host.WithDbAsync(db => db.Partnerships.AnyAsync(x => x.IntroductionId == introduction.Id, Ct)));

        var (recorded, _) = await enterprise.PostPageAsync(url, Valid());
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var partnership = await host.WithDbAsync(db => db.Partnerships.Include(x => x.Milestones).SingleAsync(x => x.IntroductionId == introduction.Id, Ct));
        Assert.Equal($"/partnerships/{partnership.Id}?done=recorded", recorded.Headers.Location?.OriginalString);
        Assert.Equal(("testing-service", "1-to-10-lakh", new DateOnly(2026, 3, 2)), (partnership.Model, partnership.ValueBand, partnership.StartOn));
        Assert.Equal([("Test plan agreed", (DateOnly?)new DateOnly(2026, 3, 16)), ("Report delivered", null)], partnership.Milestones.OrderBy(m => m.DueOn ?? DateOnly.MaxValue).Select(m => (m.Title, m.DueOn)).ToList());

        // Recorded once: the form now leads to it, and so does the introduction.
        var again = await enterprise.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal($"/partnerships/{partnership.Id}", again.Headers.Location?.OriginalString);
        Assert.Contains($"href=\"/partnerships/{partnership.Id}\"", await enterprise.GetHtmlAsync($"/introductions/{introduction.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_two_sides_and_officers_see_a_partnership_and_only_its_sides_change_it()
    {
        var p = await host.PartiesAsync();
        using var enterpriseApi = await host.ApiAsync(p.EnterpriseEmail);
        using var providerApi = await host.ApiAsync(p.ProviderEmail);
        // The newest start of the fixture's partnerships, so that it is on the first page of an officer's list.
        var id = await PartnershipFlowTests.AcceptedPartnershipAsync(enterpriseApi, providerApi, p, startOn: "2027-06-01");
        var stranger = await host.PartiesAsync();
        var officerEmail = $"officer-{Guid.NewGuid():N}@test.local";
        await host.CreateUserAsync(officerEmail, Roles.PartnershipsOfficer);
        var analystEmail = $"analyst-{Guid.NewGuid():N}@test.local";
        await host.CreateUserAsync(analystEmail, Roles.Analyst);

        using var enterprise = await host.BrowserAsync(p.EnterpriseEmail);
        using var provider = await host.BrowserAsync(p.ProviderEmail);
        using var otherEnterprise = await host.BrowserAsync(stranger.EnterpriseEmail);
        using var otherProvider = await host.BrowserAsync(stranger.ProviderEmail);
        using var officer = await host.BrowserAsync(officerEmail);
        using var analyst = await host.BrowserAsync(analystEmail);

        var page = await enterprise.GetHtmlAsync($"/partnerships/{id}");
        Assert.Contains("Redesign of the motor controller", page, StringComparison.Ordinal);
        Assert.Contains("handler=tick", page, StringComparison.Ordinal);
        Assert.Contains("handler=tick", await provider.GetHtmlAsync($"/partnerships/{id}"), StringComparison.Ordinal);
        var officerPage = await officer.GetHtmlAsync($"/partnerships/{id}");
        Assert.Contains("Redesign of the motor controller", officerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("?handler=", officerPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherEnterprise.GetAsync($"/partnerships/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherProvider.GetAsync($"/partnerships/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/partnerships/{id}")).StatusCode);

        // Lists: each side its own, an officer every one, a stranger none of these.
        Assert.Contains($"/partnerships/{id}", await enterprise.GetHtmlAsync("/partnerships"), StringComparison.Ordinal);
        Assert.Contains($"/partnerships/{id}", await provider.GetHtmlAsync("/partnerships"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/partnerships/{id}", await otherEnterprise.GetHtmlAsync("/partnerships"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/partnerships/{id}", await otherProvider.GetHtmlAsync("/partnerships"), StringComparison.Ordinal);
        Assert.Contains($"/partnerships/{id}", await officer.GetHtmlAsync("/partnerships"), StringComparison.Ordinal);
        Assert.True(Refused(await analyst.GetAsync("/partnerships")));

        // A stranger cannot tick; an officer reads but does not change.
        var milestone = await host.WithDbAsync(db => db.PartnershipMilestones.Where(m => m.PartnershipId == id).Select(m => m.Id).SingleAsync(Ct));
        var stale = await otherEnterprise.PostWithAsync(await otherEnterprise.GetHtmlAsync("/partnerships"), $"/partnerships/{id}?handler=tick", ("MilestoneId", milestone.ToString()), ("Done", "true"), ("Version", "0"));
        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
        var byOfficer = await officer.PostWithAsync(officerPage, $"/partnerships/{id}?handler=tick", ("MilestoneId", milestone.ToString()), ("Done", "true"), ("Version", "0"));
        Assert.True(Refused(byOfficer), $"{byOfficer.StatusCode} {byOfficer.Headers.Location}");
        Assert.Null(await host.WithDbAsync(db => db.PartnershipMilestones.Where(m => m.Id == milestone).Select(m => m.DoneOn).SingleAsync(Ct)));

        // The provider ticks on the page; the enterprise's form read before is stale: told, nothing overwritten.
        var ticked = await provider.PostWithAsync(await provider.GetHtmlAsync($"/partnerships/{id}"), $"/partnerships/{id}?handler=tick", ("MilestoneId", milestone.ToString()), ("Done", "true"));
        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        Assert.NotNull(await host.WithDbAsync(db => db.PartnershipMilestones.Where(m => m.Id == milestone).Select(m => m.DoneOn).SingleAsync(Ct)));
        var late = await enterprise.PostWithAsync(page, $"/partnerships/{id}?handler=tick", ("MilestoneId", milestone.ToString()), ("Done", "false"));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("Someone changed this partnership after you read it", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.NotNull(await host.WithDbAsync(db => db.PartnershipMilestones.Where(m => m.Id == milestone).Select(m => m.DoneOn).SingleAsync(Ct)));
    }

    [Fact]
    public async Task The_follow_up_is_answered_on_the_page_only_once_asked_and_by_its_own_side_then_the_outcome_and_a_rating()
    {
        var p = await host.PartiesAsync();
        using var enterpriseApi = await host.ApiAsync(p.EnterpriseEmail);
        using var providerApi = await host.ApiAsync(p.ProviderEmail);
        var id = await PartnershipFlowTests.AcceptedPartnershipAsync(enterpriseApi, providerApi, p, startOn: "2026-03-02");
        using var enterprise = await host.BrowserAsync(p.EnterpriseEmail);
        using var provider = await host.BrowserAsync(p.ProviderEmail);

        // Not asked yet: no question on the page, and an answer to none is refused.
        var before = await enterprise.GetHtmlAsync($"/partnerships/{id}");
        Assert.DoesNotContain("handler=followup", before, StringComparison.Ordinal);
        var early = await enterprise.PostWithAsync(before, $"/partnerships/{id}?handler=followup", ("FollowUpId", Guid.NewGuid().ToString()), ("Progress", "on-track"));
        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);

        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            await new PartnershipFollowUps(new FixedClock(new DateTimeOffset(2026, 4, 2, 6, 0, 0, TimeSpan.Zero))).RunAsync(scope.ServiceProvider, Ct);
        }

        var enterpriseQuestion = await host.WithDbAsync(db => db.PartnershipFollowUps.Where(f => f.PartnershipId == id && f.Side == IntroductionSide.Enterprise).Select(f => f.Id).SingleAsync(Ct));
        var asked = await enterprise.GetHtmlAsync($"/partnerships/{id}");
        Assert.Contains("handler=followup", asked, StringComparison.Ordinal);
        Assert.Contains(enterpriseQuestion.ToString(), asked, StringComparison.Ordinal);
        Assert.Contains("Your answer is due", await enterprise.GetHtmlAsync("/partnerships"), StringComparison.Ordinal);

        // The provider cannot answer the enterprise's question.
        var providerPage = await provider.GetHtmlAsync($"/partnerships/{id}");
        Assert.DoesNotContain(enterpriseQuestion.ToString(), providerPage, StringComparison.Ordinal);
        var wrongSide = await provider.PostWithAsync(providerPage, $"/partnerships/{id}?handler=followup", ("FollowUpId", enterpriseQuestion.ToString()), ("Progress", "on-track"));
        Assert.True(Refused(wrongSide), $"{wrongSide.StatusCode} {wrongSide.Headers.Location}");

        var unanswered = await enterprise.PostWithAsync(asked, $"/partnerships/{id}?handler=followup", ("FollowUpId", enterpriseQuestion.ToString()), ("FollowUpNote", "Samples sent"));
        Assert.Equal(HttpStatusCode.OK, unanswered.StatusCode);
        var unansweredHtml = WebUtility.HtmlDecode(await unanswered.Content.ReadAsStringAsync(Ct));
        Assert.Contains("id=\"Progress-error\"", unansweredHtml, StringComparison.Ordinal);
        Assert.Contains("Samples sent", unansweredHtml, StringComparison.Ordinal);
        var answered = await enterprise.PostWithAsync(asked, $"/partnerships/{id}?handler=followup", ("FollowUpId", enterpriseQuestion.ToString()), ("Progress", "delayed"), ("FollowUpNote", "Samples late from the foundry"));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var saved = await host.WithDbAsync(db => db.PartnershipFollowUps.SingleAsync(f => f.Id == enterpriseQuestion, Ct));
        Assert.Equal(("delayed", "Samples late from the foundry"), (saved.Progress, saved.Note));
        var after = await enterprise.GetHtmlAsync($"/partnerships/{id}");
        Assert.DoesNotContain("handler=followup", after, StringComparison.Ordinal);
        Assert.Contains("Samples late from the foundry", after, StringComparison.Ordinal);

        // The outcome: a count that is no number is named; then completed, and each side may rate once.
        var notANumber = await enterprise.PostWithAsync(after, $"/partnerships/{id}?handler=outcome", ("OutcomeStatus", "completed"), ("EndedOn", "2026-06-30"), ("JobsCreated", "four"));
        Assert.Equal(HttpStatusCode.OK, notANumber.StatusCode);
        Assert.Contains("id=\"JobsCreated-error\"", await notANumber.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var completed = await enterprise.PostWithAsync(after, $"/partnerships/{id}?handler=outcome", ("OutcomeStatus", "completed"), ("EndedOn", "2026-06-30"), ("JobsCreated", "4"), ("CertificationObtained", "nabl"));
        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        Assert.Equal((PartnershipStatus.Completed, 4, "nabl"), await host.WithDbAsync(db => db.Partnerships.Where(x => x.Id == id).Select(x => new ValueTuple<PartnershipStatus, int, string>(x.Status, x.JobsCreated, x.CertificationObtained)).SingleAsync(Ct)));
        var rateForm = await provider.GetHtmlAsync($"/partnerships/{id}");
        Assert.Contains("handler=rate", rateForm, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await provider.PostWithAsync(rateForm, $"/partnerships/{id}?handler=rate", ("Stars", "5"))).StatusCode);
        var rated = await provider.GetHtmlAsync($"/partnerships/{id}");
        Assert.DoesNotContain("handler=rate", rated, StringComparison.Ordinal);
        Assert.Contains("Your side has rated this partnership.", rated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_header_links_each_side_to_its_introductions_and_partnerships_once_and_the_list_names_the_need()
    {
        var p = await host.PartiesAsync();
        using var enterpriseApi = await host.ApiAsync(p.EnterpriseEmail);
        using var providerApi = await host.ApiAsync(p.ProviderEmail);
        var id = await PartnershipFlowTests.AcceptedPartnershipAsync(enterpriseApi, providerApi, p);
        var need = await host.WithDbAsync(db => db.Needs.Where(n => n.Id == p.NeedId).Select(n => n.Summary).SingleAsync(Ct));
        foreach (var email in new[] { p.EnterpriseEmail, p.ProviderEmail })
        {
            using var browser = await host.BrowserAsync(email);
            var html = await browser.GetHtmlAsync("/partnerships");
            var header = html[..html.IndexOf("</header>", StringComparison.Ordinal)];
            Assert.Equal(1, Count(header, "href=\"/introductions\""));
            Assert.Equal(1, Count(header, "href=\"/partnerships\""));
            Assert.Contains($"<a class=\"govuk-link\" href=\"/partnerships/{id}\">{need}</a>", html, StringComparison.Ordinal);
        }

        static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
    }

    /// <summary>403, or the access-denied page a signed-in browser is sent to.</summary>
    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/access-denied", StringComparison.OrdinalIgnoreCase) == true);

    private static Dictionary<string, string> Valid() => new()
    {
        ["PartnershipModel"] = "testing-service",
        ["Scope"] = "EMC pre-compliance tests of the new controller",
        ["ValueBand"] = "1-to-10-lakh",
        ["StartOn"] = "2026-03-02",
        ["Milestones[0].Title"] = "Test plan agreed",
        ["Milestones[0].DueOn"] = "16-03-2026",
        ["Milestones[1].Title"] = "Report delivered",
        ["Milestones[1].DueOn"] = "",
    };
}
