using HiTech.Web.Data.Entities;
using HiTech.Web.Tests.Infrastructure;
using HiTech.Web.Tests.Maturity;

namespace HiTech.Web.Tests.Needs;

/// <summary>
/// A returning professional is matched to a need only for an enterprise that may see professionals (one with an
/// approved assessment); for anyone else the match list leaves them out, and still fills up with others.
/// </summary>
public sealed class ProfessionalMatchesTests(NeedsFixture fixture) : IClassFixture<NeedsFixture>
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_enterprise_without_an_approved_assessment_is_never_shown_a_professional_among_its_matches()
    {
        if (WebAppFactory.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var word = "Vulcanometry" + Guid.NewGuid().ToString("N")[..6];
        var professional = await fixture.NewProviderAsync("Suresh Menon", p => (p.Kind, p.ServicesEn, p.Skills) = ("professional", $"{word} of rubber compounds, 14 years in Malaysia", $"{word}"));
        var lab = await fixture.NewProviderAsync("Kottayam Rubber Test Lab", p => p.ServicesEn = $"{word} and tensile testing of rubber");
        var firm = await fixture.NewFirmAsync();
        var need = await fixture.NewNeedAsync(firm, n => n.Summary = $"{word} of our gasket compound");
        using var api = await fixture.ApiAsync(firm.Email);

        async Task<List<Guid>> MatchedAsync()
        {
            var body = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/needs/{need.Id}/matches", None));
            return [.. body.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("providerId").GetGuid())];
        }

        var unverified = await MatchedAsync();
        Assert.Contains(lab.Id, unverified);
        Assert.DoesNotContain(professional.Id, unverified);

        // A need that asks for professionals only has no match to show such an enterprise.
        var onlyProfessionals = await fixture.NewNeedAsync(firm, n => (n.Summary, n.ProviderKinds) = ($"{word} mentoring", "professional"));
        var none = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/needs/{onlyProfessionals.Id}/matches", None));
        Assert.Empty(none.GetProperty("matches").EnumerateArray());

        // Once an assessment of the enterprise is approved, the professional is matched like anyone else.
        await Firms.AssessmentAsync(fixture.Factory.Services, firm.OrganisationId, AssessmentStatus.Approved, []);
        var verified = await MatchedAsync();
        Assert.Contains(professional.Id, verified);
        Assert.Contains(lab.Id, verified);
    }
}
