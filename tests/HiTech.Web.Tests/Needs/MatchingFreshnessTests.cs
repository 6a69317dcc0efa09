using System.Net;
using System.Net.Http.Json;
using HiTech.Web.Kernel;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static HiTech.Web.Tests.Providers.ProviderTesting;

namespace HiTech.Web.Tests.Needs;

/// <summary>
/// The matching index follows a provider's changes at once on this node (verified, edited, withdrawn), and keeps an
/// index built just after a change only briefly, since a change under an Idempotency-Key commits a moment later.
/// </summary>
public sealed class MatchingFreshnessTests(NeedsFixture fixture) : IClassFixture<NeedsFixture>
{
    [Fact]
    public async Task A_provider_is_matched_as_soon_as_it_is_verified_follows_its_edits_and_leaves_as_soon_as_it_withdraws()
    {
        if (WebAppFactory.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var word = "Manometric" + Guid.NewGuid().ToString("N")[..6];
        var (provider, id) = await NewProviderAsync(fixture, $"fresh-{Guid.NewGuid():N}@providers.test", Profile("Fresh gauge lab", $"{word} calibration of pressure gauges"));
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync("/api/v1/providers/mine/submit", null, None)).StatusCode);
        var firm = await fixture.NewFirmAsync(district: "Ernakulam");
        var need = await fixture.NewNeedAsync(firm, n => (n.NicCode, n.District, n.ProviderKinds, n.Certifications, n.Summary) = ("2651", "Ernakulam", "tic-lab", "nabl", $"{word} calibration of gauges"));
        using var api = await fixture.ApiAsync(firm.Email);
        async Task<bool> MatchedAsync()
        {
            var body = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/needs/{need.Id}/matches", None));
            return body.GetProperty("matches").EnumerateArray().Any(m => m.GetProperty("providerId").GetGuid() == id);
        }

        // Asking now builds the index without the provider (it waits for verification).
        Assert.False(await MatchedAsync());

        using var officer = await OfficerAsync(fixture);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/providers/{id}/verify", new { }, None)).StatusCode);
        Assert.True(await MatchedAsync());

        // An edit that takes it out of the kinds the need accepts, and back.
        Assert.Equal(HttpStatusCode.OK, (await provider.PutAsJsonAsync("/api/v1/providers/mine", Profile("Fresh gauge lab", $"{word} calibration of pressure gauges", kind: "design-engineering", version: await VersionAsync(id)), None)).StatusCode);
        Assert.False(await MatchedAsync());
        Assert.Equal(HttpStatusCode.OK, (await provider.PutAsJsonAsync("/api/v1/providers/mine", Profile("Fresh gauge lab", $"{word} calibration of pressure gauges", version: await VersionAsync(id)), None)).StatusCode);
        Assert.True(await MatchedAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await provider.DeleteAsync("/api/v1/providers/mine?confirm=erase", None)).StatusCode);
        Assert.False(await MatchedAsync());
    }

    [Fact]
    public async Task An_index_built_just_after_a_change_is_built_again_once_the_change_has_surely_committed()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var index = new MatchingIndex(fixture.Factory.Services.GetRequiredService<IServiceScopeFactory>(), clock);

        var first = await index.CurrentAsync(None);
        clock.Advance(MatchingIndex.Settle * 2);
        Assert.Same(first, await index.CurrentAsync(None)); // no change: kept up to MaxAge

        index.Invalidate();
        var afterChange = await index.CurrentAsync(None);
        Assert.NotSame(first, afterChange);
        Assert.Same(afterChange, await index.CurrentAsync(None));
        clock.Advance(MatchingIndex.Settle + TimeSpan.FromMilliseconds(1));
        var settled = await index.CurrentAsync(None);
        Assert.NotSame(afterChange, settled);

        clock.Advance(MatchingIndex.Settle * 2);
        Assert.Same(settled, await index.CurrentAsync(None)); // built well after the change: kept up to MaxAge
        clock.Advance(MatchingIndex.MaxAge);
        Assert.NotSame(settled, await index.CurrentAsync(None));
    }

    private Task<int> VersionAsync(Guid id) => fixture.WithDbAsync(db => db.Providers.Where(p => p.Id == id).Select(p => p.Version).SingleAsync(None));
}
