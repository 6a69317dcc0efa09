using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HiTech.Web.Data.Entities;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Maturity;

/// <summary>
/// /api/v1/maturity/assessments with a bearer token: start with answers and get a first estimate, save answers with the
/// version read, refuse unknown questions and impossible answers naming them, finish (feeding digital_maturity), read
/// scores, benchmark, roadmap and progress; another organisation's assessment is 404, analysts 403.
/// </summary>
public sealed class MaturityApiTests(MaturityFixture fixture) : IClassFixture<MaturityFixture>
{
    [Fact]
    public async Task The_api_starts_scores_saves_finishes_and_reads_an_assessment()
    {
        Skip();
        var firm = await fixture.NewFirmAsync(employees: 6);
        using var api = await fixture.ApiAsync(firm.Email);

        // Started with the screen answered: scored at once, a first estimate.
        var created = await api.PostAsJsonAsync("/api/v1/maturity/assessments", new { answers = MaturityPagesTests.DocumentedScreen });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await TestHost.JsonAsync(created);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/maturity/assessments/{id}", created.Headers.Location!.ToString());
        Assert.Equal("T0", body.GetProperty("label").GetString());
        Assert.Equal(23, body.GetProperty("overall").GetInt32());
        Assert.Equal("basic", body.GetProperty("band").GetString());
        Assert.True(body.GetProperty("isFirstEstimate").GetBoolean());
        Assert.Equal(6, body.GetProperty("profile").GetProperty("employees").GetInt32());
        var scores = body.GetProperty("dimensions").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("score").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["digital_business_strategy"] = 38, ["digital_readiness"] = 38, ["human_centric_digitalisation"] = 25, ["data_management"] = 13, ["automation_ai"] = 13, ["green_digitalisation"] = 13 }, scores);
        Assert.Contains("deep_automation", body.GetProperty("openModules").EnumerateArray().Select(m => m.GetString()));
        Assert.True(body.GetProperty("roadmap").GetProperty("steps").GetArrayLength() == 6);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("progress").ValueKind);

        // One at a time.
        var again = await api.PostAsJsonAsync("/api/v1/maturity/assessments", new { });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(id, (await TestHost.JsonAsync(again)).GetProperty("maturityAssessmentId").GetGuid());

        // Save answers with the version read; a stale version is 409 with the current one.
        var version = body.GetProperty("version").GetInt32();
        var saved = await api.PutAsJsonAsync($"/api/v1/maturity/assessments/{id}/answers", new { version, answers = new Dictionary<string, object?> { ["d_auto_machines"] = "up-to-a-third", ["i_erp"] = "piloting", ["s_green_uses"] = new[] { "less-paper", "less-waste" } } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var after = await TestHost.JsonAsync(saved);
        Assert.False(after.GetProperty("isFirstEstimate").GetBoolean());
        Assert.Equal(["less-paper", "less-waste"], after.GetProperty("answers").GetProperty("s_green_uses").EnumerateArray().Select(a => a.GetString()!).Order(StringComparer.Ordinal));
        var stale = await api.PutAsJsonAsync($"/api/v1/maturity/assessments/{id}/answers", new { version, answers = new { i_erp = "exploring" } });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(after.GetProperty("version").GetInt32(), (await TestHost.JsonAsync(stale)).GetProperty("currentVersion").GetInt32());

        // Unknown questions and impossible answers: 400 naming each under answers.<id>.
        var bad = await api.PutAsJsonAsync($"/api/v1/maturity/assessments/{id}/answers", new
        {
            version = after.GetProperty("version").GetInt32(),
            answers = new Dictionary<string, object?> { ["s_bogus"] = "x", ["s_strategy_plan"] = new[] { "ideas", "plan-budget" }, ["s_ready_basics"] = new[] { "none", "broadband" }, ["s_auto_ai"] = "magic", ["s_auto_level"] = 3 },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await TestHost.JsonAsync(bad)).GetProperty("errors");
        Assert.Contains("s_bogus", errors.GetProperty("answers.s_bogus")[0].GetString());
        Assert.Contains("s_strategy_plan", errors.GetProperty("answers.s_strategy_plan")[0].GetString());
        Assert.Contains("s_ready_basics", errors.GetProperty("answers.s_ready_basics")[0].GetString());
        Assert.Contains("magic", errors.GetProperty("answers.s_auto_ai")[0].GetString());
        Assert.Contains("s_auto_level", errors.GetProperty("answers.s_auto_level")[0].GetString());
        var unchanged = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/maturity/assessments/{id}"));
        Assert.Equal(after.GetProperty("version").GetInt32(), unchanged.GetProperty("version").GetInt32());

        // Finish: the overall becomes the Draft's digital_maturity input, self-declared.
        var complete = await api.PostAsJsonAsync($"/api/v1/maturity/assessments/{id}/complete", new { version = after.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        var finished = await TestHost.JsonAsync(complete);
        Assert.NotEqual(JsonValueKind.Null, finished.GetProperty("completedAt").ValueKind);
        var overall = finished.GetProperty("overall").GetInt32();
        var input = finished.GetProperty("digitalMaturityInput");
        Assert.Equal(firm.AssessmentId, input.GetProperty("assessmentId").GetGuid());
        Assert.Equal(overall, input.GetProperty("value").GetDecimal());
        Assert.Equal("self-declared", input.GetProperty("evidence").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"/api/v1/maturity/assessments/{id}/complete", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync($"/api/v1/maturity/assessments/{id}/answers", new { version = finished.GetProperty("version").GetInt32(), answers = new { i_erp = "exploring" } })).StatusCode);

        // T1 through the API: progress from T0, dimension by dimension.
        var t1 = await TestHost.JsonAsync(await api.PostAsJsonAsync("/api/v1/maturity/assessments", new { answers = new Dictionary<string, string[]>(MaturityPagesTests.DocumentedScreen) { ["s_strategy_plan"] = ["plan-budget"] } }));
        var progress = t1.GetProperty("progress");
        Assert.Equal(id, progress.GetProperty("previousId").GetGuid());
        Assert.Equal("T0", progress.GetProperty("previousLabel").GetString());
        var strategy = progress.GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "digital_business_strategy");
        Assert.Equal(38, strategy.GetProperty("previous").GetInt32());
        Assert.Equal(63, strategy.GetProperty("current").GetInt32());
        Assert.Equal(25, strategy.GetProperty("change").GetInt32());
        Assert.Equal("up", strategy.GetProperty("bandChange").GetString());
        Assert.Equal("T1", t1.GetProperty("label").GetString());

        var list = await TestHost.JsonAsync(await api.GetAsync("/api/v1/maturity/assessments"));
        Assert.Equal(["T1", "T0"], list.EnumerateArray().Select(i => i.GetProperty("label").GetString()));
    }

    [Fact]
    public async Task Starting_without_a_known_staff_count_asks_for_it_and_a_profile_can_be_given()
    {
        Skip();
        var firm = await fixture.NewFirmAsync(employees: null, draft: false);
        using var api = await fixture.ApiAsync(firm.Email, language: "ml");
        var missing = await api.PostAsJsonAsync("/api/v1/maturity/assessments", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await TestHost.JsonAsync(missing)).GetProperty("errors");
        Assert.Matches("[\u0D00-\u0D7F]", errors.GetProperty("profile.employees")[0].GetString()!);

        var badSize = await api.PostAsJsonAsync("/api/v1/maturity/assessments", new { profile = new { employees = 40, size = "huge" } });
        Assert.Equal(HttpStatusCode.BadRequest, badSize.StatusCode);
        Assert.True((await TestHost.JsonAsync(badSize)).GetProperty("errors").TryGetProperty("profile.size", out _));

        var created = await api.PostAsJsonAsync("/api/v1/maturity/assessments", new { profile = new { employees = 40 } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await TestHost.JsonAsync(created);
        Assert.Equal(40, body.GetProperty("profile").GetProperty("employees").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("overall").ValueKind);
        Assert.Matches("[\u0D00-\u0D7F]", body.GetProperty("dimensions")[0].GetProperty("title").GetString()!);
        var stored = await fixture.WithDbAsync(db => db.MaturityAssessments.AsNoTracking().FirstAsync(m => m.Id == body.GetProperty("id").GetGuid()));
        Assert.Contains("\"employees\":40", stored.ProfileJson);

        // Unknown questions at the start are refused too, and nothing is created.
        var other = await fixture.NewFirmAsync();
        using var otherApi = await fixture.ApiAsync(other.Email);
        var refused = await otherApi.PostAsJsonAsync("/api/v1/maturity/assessments", new { answers = new { s_nope = "x" } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await TestHost.JsonAsync(refused)).GetProperty("errors").TryGetProperty("answers.s_nope", out _));
        Assert.Equal(0, await fixture.WithDbAsync(db => db.MaturityAssessments.CountAsync(m => m.OrganisationId == other.OrganisationId)));
    }

    [Fact]
    public async Task The_api_needs_a_token_and_the_enterprise_role()
    {
        Skip();
        var firm = await fixture.NewFirmAsync();
        using var api = await fixture.ApiAsync(firm.Email);
        var id = (await TestHost.JsonAsync(await api.PostAsJsonAsync("/api/v1/maturity/assessments", new { }))).GetProperty("id").GetGuid();

        using var anonymous = fixture.Factory.CreateBareClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/maturity/assessments/{id}")).StatusCode);
        foreach (var staff in new[] { MaturityFixture.AnalystEmail, MaturityFixture.AssessorEmail })
        {
            using var client = await fixture.ApiAsync(staff);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/maturity/assessments/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/maturity/assessments", new { organisationId = firm.OrganisationId })).StatusCode);
        }

        var other = await fixture.NewFirmAsync();
        using var otherApi = await fixture.ApiAsync(other.Email);
        var hidden = await otherApi.GetAsync($"/api/v1/maturity/assessments/{id}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.DoesNotContain(firm.OrganisationId.ToString(), await hidden.Content.ReadAsStringAsync());
        Assert.Equal(AssessmentStatus.Draft, await fixture.WithDbAsync(db => db.Assessments.Where(a => a.Id == firm.AssessmentId).Select(a => a.Status).FirstAsync()));
    }

    private static void Skip()
    {
        if (WebAppFactory.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }
}
