using System.Net.Http.Json;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Maturity;

/// <summary>A platform of its own whose demo maturity assessments are removed, so the tests decide exactly who the peers are.</summary>
public sealed class NoPeersFixture : MaturityFixture
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (WebAppFactory.SkipReason is null)
        {
            await WithDbAsync(db => db.MaturityAssessments.ExecuteDeleteAsync());
        }
    }
}

/// <summary>
/// The peer benchmark on the result page and in the API: below the instrument's minimum (10) nothing is shown and the
/// page says so; with enough firms in a wider group that group is used and named, with its size, and the narrower
/// groups tried are said to be too small; the radar chart then carries the peers' medians.
/// </summary>
public sealed class MaturityBenchmarkTests(NoPeersFixture fixture) : IClassFixture<NoPeersFixture>
{
    [Fact]
    public async Task Below_the_minimum_no_benchmark_is_shown_and_a_wider_group_is_named_once_it_is_big_enough()
    {
        if (WebAppFactory.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        // Division 10 (food), micro, Ernakulam: three peers in the same district, nobody else anywhere.
        var firm = await fixture.NewFirmAsync(nic: "10750", size: "micro", district: "Ernakulam");
        await fixture.AddPeersAsync(3, "10711", "micro", "Ernakulam", overall: 40);
        using var browser = await fixture.BrowserAsync(firm.Email);
        var id = await MaturityPagesTests.StartAsync(browser);
        await new MaturityPagesTests(fixture).AnswerScreenAsync(browser, id, MaturityPagesTests.DocumentedScreen);

        var page = await browser.GetHtmlAsync($"/maturity/{id}");
        Assert.Contains("id=\"benchmark-not-shown\"", page);
        Assert.Contains("No benchmark is shown yet. A comparison needs at least 10 firms that have finished an assessment, and there are 3 so far.", page);
        Assert.DoesNotContain("Firms like yours (median)", page);
        Assert.DoesNotContain("stroke-dasharray=\"8 5\" />", page[page.IndexOf("<figure", StringComparison.Ordinal)..page.IndexOf("</figure>", StringComparison.Ordinal)].Replace("viewBox=\"0 0 28 12\"", "", StringComparison.Ordinal));
        using var api = await fixture.ApiAsync(firm.Email);
        var hidden = (await TestHost.JsonAsync(await api.GetAsync($"/api/v1/maturity/assessments/{id}"))).GetProperty("benchmark");
        Assert.False(hidden.GetProperty("shown").GetBoolean());
        Assert.Equal("not shown", hidden.GetProperty("message").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, hidden.GetProperty("median").ValueKind);
        Assert.Equal(3, hidden.GetProperty("tried").EnumerateArray().Last().GetProperty("size").GetInt32());

        // Ten more micro food firms elsewhere in Kerala: the division-and-size group (13) is used and named; the district group (3) is not.
        await fixture.AddPeersAsync(10, "10790", "micro", "Kozhikode", overall: 30);
        page = await browser.GetHtmlAsync($"/maturity/{id}");
        Assert.DoesNotContain("id=\"benchmark-not-shown\"", page);
        Assert.Contains("Compared with micro firms in the same industry (NIC division 10) across Kerala: 13 firms that have finished an assessment.", page);
        Assert.Contains("Narrower groups had fewer than 10 firms, so they are not used:", page);
        Assert.Contains("micro firms in the same industry (NIC division 10) in Ernakulam district", page);
        Assert.Contains("Firms like yours (median)", page);
        Assert.Contains("stroke-dasharray=\"8 5\" />", page);
        var shown = (await TestHost.JsonAsync(await api.GetAsync($"/api/v1/maturity/assessments/{id}"))).GetProperty("benchmark");
        Assert.True(shown.GetProperty("shown").GetBoolean());
        Assert.Equal("division-size", shown.GetProperty("group").GetString());
        Assert.Equal(13, shown.GetProperty("groupSize").GetInt32());
        Assert.Equal(10, shown.GetProperty("minimum").GetInt32());
        Assert.InRange(shown.GetProperty("percentile").GetInt32(), 0, 100);
        Assert.Equal(shown.GetProperty("overall").GetProperty("median").GetDouble(), shown.GetProperty("median").GetDouble());
        Assert.Equal(6, shown.GetProperty("dimensions").EnumerateObject().Count());

        // The firm's own finished assessments are never its peers.
        var complete = await api.PostAsJsonAsync($"/api/v1/maturity/assessments/{id}/complete", new { });
        complete.EnsureSuccessStatusCode();
        Assert.Equal(13, (await TestHost.JsonAsync(complete)).GetProperty("benchmark").GetProperty("groupSize").GetInt32());
    }
}
