using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HiTech.Web.Data.Entities;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Assessments;

/// <summary>/api/v1/assessments with bearer tokens from POST /api/v1/auth/login.</summary>
public sealed class AssessmentsApiTests(AssessmentsFixture fixture) : IClassFixture<AssessmentsFixture>
{
    [Fact]
    public async Task The_owner_starts_saves_uploads_submits_and_reads_the_result()
    {
        using var api = await fixture.ApiAsync(DemoSeeder.OwnerEmail);
        var organisation = await fixture.OwnerOrganisationAsync();

        var list = await TestHost.JsonAsync(await api.GetAsync("/api/v1/assessments"));
        // The demo owner has the seeded years before the last (other tests in this fixture may have added more).
        Assert.True(list.GetProperty("total").GetInt32() >= 2);
        Assert.All(list.GetProperty("items").EnumerateArray(), a => Assert.Equal(organisation, a.GetProperty("organisationId").GetGuid()));

        var created = await api.PostAsJsonAsync("/api/v1/assessments", new { organisationId = organisation, year = 2016 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var assessment = await TestHost.JsonAsync(created);
        var id = assessment.GetProperty("id").GetGuid();
        Assert.Equal("2016-17", assessment.GetProperty("financialYear").GetString());
        Assert.Equal("draft", assessment.GetProperty("status").GetString());
        Assert.Equal("2025.1", assessment.GetProperty("frameworkVersion").GetString());
        var version = assessment.GetProperty("version").GetInt32();

        var again = await api.PostAsJsonAsync("/api/v1/assessments", new { organisationId = organisation, year = 2016 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(id, (await TestHost.JsonAsync(again)).GetProperty("assessmentId").GetGuid());

        var saved = await api.PutAsJsonAsync($"/api/v1/assessments/{id}/inputs", new
        {
            version,
            inputs = new Dictionary<string, object?>
            {
                ["turnover"] = "₹ 3,00,00,000",
                ["value_added"] = 9_000_000,
                ["employees"] = 25,
                ["rd_spend"] = 1_500_000,
                ["rd_staff"] = 3,
                ["dsir_rd_unit"] = false,
                ["high_value_stage_share"] = 0.3,
                ["stem_staff"] = 8,
                ["digital_maturity"] = 55,
                ["export_revenue"] = 0,
                ["certifications"] = new[] { "iso9001" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var newVersion = (await TestHost.JsonAsync(saved)).GetProperty("version").GetInt32();
        Assert.Equal(version + 1, newVersion);

        // The same version again: someone else's save came first.
        var stale = await api.PutAsJsonAsync($"/api/v1/assessments/{id}/inputs", new { version, inputs = new Dictionary<string, object?> { ["patents"] = 2 } });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(newVersion, (await TestHost.JsonAsync(stale)).GetProperty("currentVersion").GetInt32());

        // Refused values name their field.
        var bad = await api.PutAsJsonAsync($"/api/v1/assessments/{id}/inputs", new
        {
            version = newVersion,
            inputs = new Dictionary<string, object?> { ["employees"] = 2.5, ["certifications"] = new[] { "iso9999" }, ["no_such_input"] = 1, ["turnover"] = "lots" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await TestHost.JsonAsync(bad)).GetProperty("errors");
        Assert.Contains("whole number", errors.GetProperty("inputs.employees")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("inputs.certifications", out _));
        Assert.True(errors.TryGetProperty("inputs.no_such_input", out _));
        Assert.Contains("amount in rupees", errors.GetProperty("inputs.turnover")[0].GetString(), StringComparison.Ordinal);

        // Evidence: multipart, checked by content.
        using (var form = new MultipartFormDataContent { { new StringContent("turnover"), "inputId" } })
        {
            var file = new ByteArrayContent(TestHost.Pdf());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "accounts.pdf");
            var upload = await api.PostAsync($"/api/v1/assessments/{id}/evidence", form);
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
            Assert.Equal("application/pdf", (await TestHost.JsonAsync(upload)).GetProperty("contentType").GetString());
        }

        using (var form = new MultipartFormDataContent { { new StringContent("turnover"), "inputId" } })
        {
            var file = new ByteArrayContent("GIF89a not allowed"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "fake.pdf");
            var upload = await api.PostAsync($"/api/v1/assessments/{id}/evidence", form);
            Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
            Assert.True((await TestHost.JsonAsync(upload)).GetProperty("errors").TryGetProperty("file", out _));
        }

        var detail = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/assessments/{id}"));
        var inputs = detail.GetProperty("inputs").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!);
        Assert.Equal(30_000_000m, inputs["turnover"].GetProperty("value").GetDecimal());
        Assert.Equal("document-backed", inputs["turnover"].GetProperty("evidence").GetString());
        Assert.Single(inputs["turnover"].GetProperty("files").EnumerateArray());
        Assert.Equal(0.3m, inputs["high_value_stage_share"].GetProperty("value").GetDecimal());
        Assert.Equal("iso9001", inputs["certifications"].GetProperty("value")[0].GetString());
        Assert.Equal(JsonValueKind.Null, inputs["patents"].GetProperty("value").ValueKind);
        Assert.Equal(newVersion, detail.GetProperty("version").GetInt32());

        var submitted = await api.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { version = newVersion });
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        var result = await TestHost.JsonAsync(submitted);
        Assert.False(result.GetProperty("isFinal").GetBoolean());
        Assert.Equal("submitted", result.GetProperty("status").GetString());
        Assert.Equal("kerala-htmf", result.GetProperty("explanation").GetProperty("framework_id").GetString());

        var read = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/assessments/{id}/result"));
        Assert.Equal(result.GetProperty("index").GetDouble(), read.GetProperty("index").GetDouble());
        Assert.Equal(read.GetProperty("tier").GetString(), read.GetProperty("explanation").GetProperty("tier").GetProperty("id").GetString());
        Assert.False(read.GetProperty("isFinal").GetBoolean());

        // Submitted: no more changes.
        var locked = await api.PutAsJsonAsync($"/api/v1/assessments/{id}/inputs", new { version = newVersion + 1, inputs = new Dictionary<string, object?> { ["patents"] = 2 } });
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
    }

    [Fact]
    public async Task Submit_refusals_name_the_inputs_and_messages_follow_Accept_Language()
    {
        var id = await fixture.CreateDraftAsync();
        using var api = await fixture.ApiAsync(DemoSeeder.OwnerEmail, "ml");
        var version = (await TestHost.JsonAsync(await api.GetAsync($"/api/v1/assessments/{id}"))).GetProperty("version").GetInt32();
        var submit = await api.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { version });
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        var errors = (await TestHost.JsonAsync(submit)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("inputs.turnover", out var turnover));
        Assert.Contains("വാർഷിക വിറ്റുവരവ്", turnover[0].GetString(), StringComparison.Ordinal);

        var bad = await api.PutAsJsonAsync($"/api/v1/assessments/{id}/inputs", new { version, inputs = new Dictionary<string, object?> { ["digital_maturity"] = 150 } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("ഇടയിലായിരിക്കണം", (await TestHost.JsonAsync(bad)).GetProperty("errors").GetProperty("inputs.digital_maturity")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisations_assessment_is_not_found_and_analysts_are_refused()
    {
        var other = await fixture.OtherOrganisationsAssessmentAsync();
        using var owner = await fixture.ApiAsync(DemoSeeder.OwnerEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/assessments/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/assessments/{other}/result")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PutAsJsonAsync($"/api/v1/assessments/{other}/inputs", new { version = 0, inputs = new Dictionary<string, object?>() })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsJsonAsync($"/api/v1/assessments/{other}/submit", new { version = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/assessments/{Guid.NewGuid()}")).StatusCode);
        var otherOrganisation = await fixture.WithDbAsync(db => db.Assessments.Where(a => a.Id == other).Select(a => a.OrganisationId).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsJsonAsync("/api/v1/assessments", new { organisationId = otherOrganisation, year = 2017 })).StatusCode);

        using var analyst = await fixture.ApiAsync(DemoSeeder.AnalystEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"/api/v1/assessments/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"/api/v1/assessments/{other}/result")).StatusCode);

        using var admin = await fixture.ApiAsync(DemoSeeder.AdminEmail);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/assessments/{other}/result")).StatusCode);
        var all = await TestHost.JsonAsync(await admin.GetAsync("/api/v1/assessments?pageSize=5"));
        Assert.Equal(5, all.GetProperty("items").GetArrayLength());
        Assert.Equal(await fixture.WithDbAsync(db => db.Assessments.CountAsync()), all.GetProperty("total").GetInt32());

        using var anonymous = fixture.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/assessments")).StatusCode);
    }

    [Fact]
    public async Task An_assessor_lists_the_assessments_assigned_to_them_and_reads_their_results()
    {
        using var assessor = await fixture.ApiAsync(DemoSeeder.AssessorEmail);
        var me = await fixture.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.AssessorEmail).Select(u => u.Id).SingleAsync());
        var list = await TestHost.JsonAsync(await assessor.GetAsync("/api/v1/assessments?pageSize=200"));
        var assigned = await fixture.WithDbAsync(db => db.Assessments.CountAsync(a => a.AssessorId == me));
        Assert.Equal(assigned, list.GetProperty("total").GetInt32());
        var first = list.GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await assessor.GetAsync($"/api/v1/assessments/{first}/result")).StatusCode);

        // Reading is not changing: the assessor cannot save an enterprise's inputs.
        var draft = await fixture.CreateDraftAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await assessor.GetAsync($"/api/v1/assessments/{draft}")).StatusCode);
    }

    [Fact]
    public async Task Evidence_is_for_the_owner_and_the_assigned_assessor_not_the_open_queue()
    {
        var id = await fixture.CreateDraftAsync(filled: true);
        using var owner = await fixture.ApiAsync(DemoSeeder.OwnerEmail);
        Guid fileId;
        using (var form = new MultipartFormDataContent { { new StringContent("turnover"), "inputId" } })
        {
            var file = new ByteArrayContent(AssessmentsFixture.Pdf("Open queue evidence"));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "accounts.pdf");
            var upload = await owner.PostAsync($"/api/v1/assessments/{id}/evidence", form);
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
            fileId = (await AssessmentsFixture.JsonAsync(upload)).GetProperty("id").GetGuid();
        }

        // Submitted and not yet taken: in the open queue, where an assessor reads the figures but not the documents.
        await fixture.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AssessmentStatus.Submitted)));
        var url = $"/api/v1/assessments/{id}/evidence/{fileId}";
        using var assessor = await fixture.ApiAsync(DemoSeeder.AssessorEmail);
        Assert.Equal(HttpStatusCode.OK, (await assessor.GetAsync($"/api/v1/assessments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await assessor.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(url)).StatusCode);

        // Taken: now assigned to them, so the documents are theirs to see too.
        var me = await fixture.WithDbAsync(db => db.Users.Where(u => u.Email == DemoSeeder.AssessorEmail).Select(u => u.Id).SingleAsync());
        await fixture.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.AssessorId, me)));
        var download = await assessor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(AssessmentsFixture.Pdf("Open queue evidence"), await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_api_is_described_in_the_OpenAPI_document()
    {
        using var client = fixture.Factory.CreateClient();
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/v1/assessments/{id}/inputs", document, StringComparison.Ordinal);
        Assert.Contains("SubmitAssessment", document, StringComparison.Ordinal);
        Assert.Contains("multipart/form-data", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_old_result_reads_from_its_stored_explanation()
    {
        var organisation = await fixture.OwnerOrganisationAsync();
        var id = await fixture.WithDbAsync(db => db.Assessments.Where(a => a.OrganisationId == organisation && a.Status == AssessmentStatus.Approved).Select(a => a.Id).FirstAsync());
        var stored = await fixture.WithDbAsync(db => db.AssessmentResults.Where(r => r.AssessmentId == id).Select(r => r.ExplanationJson).FirstAsync());
        using var api = await fixture.ApiAsync(DemoSeeder.OwnerEmail);
        var read = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/assessments/{id}/result"));
        Assert.True(read.GetProperty("isFinal").GetBoolean());
        Assert.Equal("approved", read.GetProperty("status").GetString());
        using var expected = JsonDocument.Parse(stored);
        Assert.Equal(expected.RootElement.GetProperty("index").GetDouble(), read.GetProperty("explanation").GetProperty("index").GetDouble());
        Assert.Equal(expected.RootElement.GetProperty("pillars").GetArrayLength(), read.GetProperty("explanation").GetProperty("pillars").GetArrayLength());
    }
}
