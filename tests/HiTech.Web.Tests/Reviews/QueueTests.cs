using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HiTech.Web.Data.Entities;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Reviews;

/// <summary>
/// The review queue through the page and the API: not yet taken first, then the assessor's own, by date of submission;
/// search by name, Udyam number or district; filters; paging whose links keep the search; unknown filters refused.
/// Each test marks its enterprises with a word of its own and searches for it, so the demo data never gets in the way.
/// </summary>
public sealed partial class QueueTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Fact]
    public async Task New_work_not_yet_taken_comes_first_then_mine_oldest_submission_first_unless_asked_newest()
    {
        var tag = Tag();
        var me = await platform.UserIdAsync(PlatformFixture.AssessorEmail);
        var mine = await QueuedAsync($"{tag} Mine", "palakkad", me, daysAgo: 9);
        var newer = await QueuedAsync($"{tag} Newer", "palakkad", null, daysAgo: 1);
        var older = await QueuedAsync($"{tag} Older", "palakkad", null, daysAgo: 2);

        using var api = await platform.ApiAsync(PlatformFixture.AssessorEmail);
        Assert.Equal([older, newer, mine], Ids(await TestHost.JsonAsync(await api.GetAsync($"/api/v1/reviews?q={tag}", None))));
        Assert.Equal([newer, older, mine], Ids(await TestHost.JsonAsync(await api.GetAsync($"/api/v1/reviews?q={tag}&sort=newest", None))));

        using var browser = await platform.SignInAsync(PlatformFixture.AssessorEmail);
        Assert.Equal([older, newer, mine], Ids(await browser.GetHtmlAsync($"/reviews?q={tag}")));
        Assert.Equal([newer, older, mine], Ids(await browser.GetHtmlAsync($"/reviews?q={tag}&sort=newest")));
    }

    [Fact]
    public async Task Same_named_enterprises_are_told_apart_and_found_by_name_udyam_number_or_district()
    {
        var tag = Tag();
        var me = await platform.UserIdAsync(PlatformFixture.AssessorEmail);
        var (palakkad, palakkadUdyam) = await QueuedWithUdyamAsync($"{tag} Twin Tools", "palakkad", null, daysAgo: 3);
        var (kannur, kannurUdyam) = await QueuedWithUdyamAsync($"{tag} Twin Tools", "kannur", me, daysAgo: 4);

        using var browser = await platform.SignInAsync(PlatformFixture.AssessorEmail);
        var both = await browser.GetHtmlAsync($"/reviews?q={Uri.EscapeDataString(tag + " twin tools")}");
        Assert.Equal([palakkad, kannur], Ids(both));
        Assert.Contains(palakkadUdyam, both, StringComparison.Ordinal);
        Assert.Contains(kannurUdyam, both, StringComparison.Ordinal);
        Assert.Contains(">Kannur<", both, StringComparison.Ordinal);
        Assert.Contains(">Palakkad<", both, StringComparison.Ordinal);

        // The Udyam number in any case, part of it, finds one; a district filter or "mine" narrows a name search.
        Assert.Equal([kannur], Ids(await browser.GetHtmlAsync($"/reviews?q={kannurUdyam[6..].ToLowerInvariant()}")));
        Assert.Equal([kannur], Ids(await browser.GetHtmlAsync($"/reviews?q={tag}&district=kannur")));
        Assert.Equal([palakkad], Ids(await browser.GetHtmlAsync($"/reviews?q={tag}&show=open")));
        Assert.Equal([kannur], Ids(await browser.GetHtmlAsync($"/reviews?q={tag}&show=mine")));

        // A district's name (in either language) is a search word too.
        using var api = await platform.ApiAsync(PlatformFixture.AssessorEmail);
        var byDistrict = Ids(await TestHost.JsonAsync(await api.GetAsync($"/api/v1/reviews?q={Uri.EscapeDataString("കണ്ണൂർ")}&page_size=500", None)));
        Assert.Contains(kannur, byDistrict);
        Assert.DoesNotContain(palakkad, byDistrict);
        var entry = (await TestHost.JsonAsync(await api.GetAsync($"/api/v1/reviews?q={kannurUdyam}", None))).EnumerateArray().Single();
        Assert.Equal(kannurUdyam, entry.GetProperty("udyam").GetString());
        Assert.Equal("Kannur", entry.GetProperty("district").GetString());

        // In Malayalam the district is named in Malayalam.
        using var malayalam = await platform.BrowserAsync(PlatformFixture.AssessorEmail, cultureCookie: "ml");
        var inMalayalam = await malayalam.GetHtmlAsync($"/reviews?q={tag}&district=kannur");
        Assert.Contains(">കണ്ണൂർ<", inMalayalam, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_runs_in_the_query_and_its_links_keep_the_search_and_the_filters()
    {
        var tag = Tag();
        var created = new List<Guid>();
        for (var i = 0; i < 27; i++)
        {
            created.Add(await QueuedAsync($"{tag} Unit {i:00}", "kollam", null, daysAgo: 60 - i));
        }

        using var api = await platform.ApiAsync(PlatformFixture.AssessorEmail);
        var first = await api.GetAsync($"/api/v1/reviews?q={tag}&show=open&page_size=10", None);
        Assert.Equal("27", first.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(created.Take(10), Ids(await TestHost.JsonAsync(first)));
        var link = first.Headers.GetValues("Link").Single();
        Assert.Contains($"</api/v1/reviews?q={tag}&show=open&page=2&page_size=10>; rel=\"next\"", link, StringComparison.Ordinal);
        var last = await api.GetAsync($"/api/v1/reviews?q={tag}&show=open&page=3&page_size=10", None);
        Assert.Equal(created.Skip(20), Ids(await TestHost.JsonAsync(last)));
        Assert.Contains("rel=\"prev\"", last.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", last.Headers.GetValues("Link").Single(), StringComparison.Ordinal);

        // The page shows 25 a page; the link to the next page carries the search, the filter and the order.
        using var browser = await platform.SignInAsync(PlatformFixture.AssessorEmail);
        var page1 = await browser.GetHtmlAsync($"/reviews?q={tag}&show=open&district=kollam&sort=oldest");
        Assert.Equal(created.Take(25), Ids(page1));
        var next = NextLink().Match(page1);
        Assert.True(next.Success, "No link to the next page");
        var href = WebUtility.HtmlDecode(next.Groups["href"].Value);
        Assert.Equal($"/reviews?q={tag}&show=open&district=kollam&sort=oldest&page=2", href);
        var page2 = await browser.GetHtmlAsync(href);
        Assert.Equal(created.Skip(25), Ids(page2));
        Assert.Contains("aria-current=\"page\">2<", page2, StringComparison.Ordinal);

        // A page past the end shows the last one rather than nothing.
        Assert.Equal(created.Skip(25), Ids(await browser.GetHtmlAsync($"/reviews?q={tag}&page=9")));
    }

    [Fact]
    public async Task Unknown_filters_are_refused_naming_the_field_and_the_rule()
    {
        using var api = await platform.ApiAsync(PlatformFixture.AssessorEmail);
        var refused = await api.GetAsync("/api/v1/reviews?show=everything&sort=random&district=atlantis&page=0&page_size=9999", None);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await JsonDocument.ParseAsync(await refused.Content.ReadAsStreamAsync(None), cancellationToken: None)).RootElement.GetProperty("errors");
        foreach (var field in new[] { "show", "sort", "district", "page", "page_size" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
        }

        using var browser = await platform.SignInAsync(PlatformFixture.AssessorEmail);
        var (response, html) = await browser.GetPageAsync("/reviews?show=everything");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#show\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"show-error\"", html, StringComparison.Ordinal);
    }

    private static string Tag() => "Q" + Guid.NewGuid().ToString("N")[..8];

    private async Task<Guid> QueuedAsync(string name, string district, Guid? assessor, int daysAgo) =>
        (await QueuedWithUdyamAsync(name, district, assessor, daysAgo)).Id;

    /// <summary>A submitted assessment of a new enterprise of this name and district, submitted some days ago.</summary>
    private async Task<(Guid Id, string Udyam)> QueuedWithUdyamAsync(string name, string district, Guid? assessor, int daysAgo)
    {
        var id = await platform.CreateSubmittedAsync(assessor);
        var udyam = $"UDYAM-KL-{Random.Shared.Next(1, 15):00}-{Random.Shared.Next(0, 10_000_000):0000000}";
        var districtName = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(district);
        await platform.WithDbAsync(async db =>
        {
            var organisation = new Organisation
            {
                Id = Guid.NewGuid(),
                Name = name,
                UdyamNumber = udyam,
                District = districtName,
                Address = "Industrial Estate, " + districtName,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Organisations.Add(organisation);
            var assessment = await db.Assessments.SingleAsync(a => a.Id == id, None);
            assessment.OrganisationId = organisation.Id;
            assessment.SubmittedAt = DateTimeOffset.UtcNow.AddDays(-daysAgo);
            return await db.SaveChangesAsync(None);
        });
        return (id, udyam);
    }

    private static List<Guid> Ids(JsonElement queue) => [.. queue.EnumerateArray().Select(i => i.GetProperty("assessment_id").GetGuid())];

    /// <summary>The assessments a queue page lists, in the order it lists them.</summary>
    private static List<Guid> Ids(string html) => [.. RowLink().Matches(html).Select(m => Guid.Parse(m.Groups["id"].Value))];

    [GeneratedRegex("<a class=\"govuk-link\" href=\"/reviews/(?<id>[0-9a-f-]{36})\">")]
    private static partial Regex RowLink();

    [GeneratedRegex("<a class=\"govuk-link govuk-pagination__link\" href=\"(?<href>[^\"]+)\" rel=\"next\">")]
    private static partial Regex NextLink();
}
