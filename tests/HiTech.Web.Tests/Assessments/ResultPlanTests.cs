using System.Collections.Immutable;
using System.Net;
using HiTech.Core.Scoring;
using HiTech.Web.Data.Entities;
using HiTech.Web.Kernel;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Assessments;

/// <summary>
/// The result page shows "what it would take" as plans: the blocking condition first, each change sized in rupees and
/// per cent, and the scheme that helps, in English and in Malayalam.
/// </summary>
public sealed class ResultPlanTests(AssessmentsFixture fixture) : IClassFixture<AssessmentsFixture>
{
    /// <summary>
    /// A medical-electronics maker with full marks on the index but no certificate: Hi-Tech, held back from the top
    /// tier by the quality condition alone. Its result is stored as the platform stores any result.
    /// </summary>
    private Task<Guid> ResultBlockedByQualityAsync() => ResultAsync(blocked: true);

    /// <summary>
    /// Blocked: full marks but no certificate (only the quality condition stands in the way). Otherwise a Hi-Tech unit
    /// with ISO 9001 but little R&amp;D money, no patents or designs, no DSIR unit and no exports: short on the index.
    /// </summary>
    private async Task<Guid> ResultAsync(bool blocked)
    {
        var id = await fixture.CreateDraftAsync();
        var enterprise = new EnterpriseInput("TEST-PLAN", "Plan Test Electronics", "Trivandrum",
            [new ActivityInput("26101", null, ["rnd", "advanced-manufacturing"])],
            new Dictionary<string, InputValue>
            {
                ["turnover"] = InputValue.Of(10_00_00_000m),
                ["value_added"] = InputValue.Of(4_00_00_000m),
                ["employees"] = InputValue.Of(16),
                ["rd_spend"] = InputValue.Of(5_00_000m),
                ["rd_staff"] = InputValue.Of(4),
                ["patents"] = InputValue.Of(blocked ? 5 : 0),
                ["designs"] = InputValue.Of(blocked ? 5 : 0),
                ["dsir_rd_unit"] = InputValue.Of(blocked),
                ["high_value_stage_share"] = InputValue.Of(0.8m),
                ["stem_staff"] = InputValue.Of(12),
                ["returnee_hires"] = InputValue.Of(5),
                ["digital_maturity"] = InputValue.Of(blocked ? 100 : 60),
                ["export_revenue"] = InputValue.Of(blocked ? 5_00_00_000m : 0),
                ["certifications"] = InputValue.OfCodes(blocked ? [] : ["iso9001"]),
            }.ToImmutableDictionary());
        using var scope = fixture.Factory.Services.CreateScope();
        var frameworks = scope.ServiceProvider.GetRequiredService<HiTech.Web.Infrastructure.Frameworks.FrameworkStore>();
        var framework = await frameworks.GetAsync("kerala-htmf", "2025.1", CancellationToken.None);
        var (explanation, issues) = scope.ServiceProvider.GetRequiredService<AssessmentScoring>().Explain(framework, enterprise);
        Assert.True(explanation is not null, string.Join("; ", issues.Select(i => i.Reason)));
        Assert.Equal(blocked ? ["quality_system"] : [], explanation.WhatItWouldTake!.BlockingGates);

        await fixture.WithDbAsync(async db =>
        {
            db.AssessmentResults.Add(new AssessmentResult
            {
                Id = Guid.NewGuid(),
                AssessmentId = id,
                IsFinal = false,
                Index = explanation.Index,
                Tier = explanation.Tier.Id,
                FrameworkId = framework.Id,
                FrameworkVersion = framework.Version,
                ExplanationJson = ExplanationJson.Serialize(explanation, indented: false),
                ComputedAt = DateTimeOffset.UtcNow,
            });
            var assessment = await db.Assessments.FindAsync(id);
            assessment!.Status = AssessmentStatus.Submitted;
            return await db.SaveChangesAsync();
        });
        return id;
    }

    [Fact]
    public async Task The_result_page_shows_the_plans_with_the_blocking_condition_first_in_English()
    {
        var id = await ResultBlockedByQualityAsync();
        using var browser = await fixture.SignInAsync(DemoSeeder.OwnerEmail);

        var html = WebUtility.HtmlDecode(await browser.GetHtmlAsync($"/assessments/{id}/result"));

        var blocking = html.IndexOf("First, Hi-Tech Leader needs these conditions met, whatever the index: Certified quality system.", StringComparison.Ordinal);
        var plan = html.IndexOf("Plan 1", StringComparison.Ordinal);
        Assert.True(blocking > 0 && plan > blocking, "the blocking condition comes before the plans");
        Assert.Contains("Certifications held</strong>: Add ISO 9001 quality management. This meets the condition ‘Certified quality system’.", html, StringComparison.Ordinal);
        Assert.Contains("Support that can help: MSME Sustainable (ZED) Certification", html, StringComparison.Ordinal);
        Assert.Contains("With this plan: Hi-Tech Leader, index", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_of_money_reads_in_rupees_and_per_cent()
    {
        // Short on the index with little R&D money: a plan raising a rupee figure appears, sized in ₹ with Indian grouping and %.
        var id = await ResultAsync(blocked: false);
        using var browser = await fixture.SignInAsync(DemoSeeder.OwnerEmail);
        var stored = await fixture.WithDbAsync(db => Task.FromResult(db.AssessmentResults.Single(r => r.AssessmentId == id)));
        var explanation = Features.Assessments.GetResult.Read(stored.ExplanationJson);
        var money = explanation.WhatItWouldTake!.Plans.SelectMany(p => p.Changes).FirstOrDefault(c => c.Type == "money");
        var html = WebUtility.HtmlDecode(await browser.GetHtmlAsync($"/assessments/{id}/result"));
        if (money is not null)
        {
            Assert.Contains($"Raise from {IndianFormat.Rupees(PlanChange.Number(money.From)!.Value)} to {IndianFormat.Rupees(PlanChange.Number(money.To)!.Value)}", html, StringComparison.Ordinal);
            Assert.Contains($"more, +{money.PercentChange}%)", html, StringComparison.Ordinal);
        }
        else
        {
            Assert.Fail("The plans of this enterprise should include a change in rupees: " + string.Join(" | ", explanation.WhatItWouldTake.Plans.SelectMany(p => p.Changes).Select(c => c.Input)));
        }
    }

    [Fact]
    public async Task The_result_page_shows_the_plans_in_Malayalam()
    {
        var id = await ResultBlockedByQualityAsync();
        using var browser = await fixture.SignInAsync(DemoSeeder.OwnerEmail);
        browser.UseAcceptLanguage("ml");

        var html = WebUtility.HtmlDecode(await browser.GetHtmlAsync($"/assessments/{id}/result"));

        Assert.Contains("ആദ്യം, സൂചിക എത്രയായാലും ഹൈടെക് ലീഡർ നിലയ്ക്ക് ഈ വ്യവസ്ഥകൾ പാലിക്കണം: സാക്ഷ്യപ്പെടുത്തിയ ഗുണനിലവാര സംവിധാനം.", html, StringComparison.Ordinal);
        Assert.Contains("പ്ലാൻ 1", html, StringComparison.Ordinal);
        Assert.Contains("ഇത് ‘സാക്ഷ്യപ്പെടുത്തിയ ഗുണനിലവാര സംവിധാനം’ എന്ന വ്യവസ്ഥ പാലിക്കുന്നു.", html, StringComparison.Ordinal);
        Assert.Contains("സഹായിക്കാവുന്ന പദ്ധതികൾ: എംഎസ്എംഇ സുസ്ഥിര (സെഡ്) സർട്ടിഫിക്കേഷൻ", html, StringComparison.Ordinal);

        var raise = WebUtility.HtmlDecode(await browser.GetHtmlAsync($"/assessments/{await ResultAsync(blocked: false)}/result"));
        Assert.Contains("ആയി ഉയർത്തുക (", raise, StringComparison.Ordinal);
        Assert.Contains("കൂടുതൽ, +", raise, StringComparison.Ordinal);
    }
}
