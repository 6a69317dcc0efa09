using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HiTech.Core.Frameworks;
using HiTech.Web.Data.Entities;
using HiTech.Web.Features.Reviews;
using HiTech.Web.Infrastructure;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Reviews;

/// <summary>The assessor's review: queue, decisions per input, approve, return, concurrency, access and audit.</summary>
public sealed class ReviewTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Assessor_approves_a_demo_submitted_assessment_giving_a_final_result_and_a_valid_certificate()
    {
        using var api = await platform.ApiAsync(PlatformFixture.AssessorEmail);
        var queue = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/reviews?page_size={QueueQuery.MaxPageSize}", None));
        var assessorId = await platform.UserIdAsync(PlatformFixture.AssessorEmail);

        // The demo seeds submitted assessments assigned to the demo assessor: take the first of them.
        var demoIds = await platform.WithDbAsync(db => db.Assessments.Where(a => a.Status == AssessmentStatus.Submitted && a.AssessorId == assessorId && a.Year > 2000).Select(a => a.Id).ToListAsync(None));
        var item = queue.EnumerateArray().First(i => demoIds.Contains(i.GetProperty("assessment_id").GetGuid()));
        Assert.True(item.GetProperty("assigned_to_me").GetBoolean());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("provisional_tier").GetString()));
        var id = item.GetProperty("assessment_id").GetGuid();

        var review = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/reviews/{id}", None));
        var version = review.GetProperty("version").GetInt32();
        var inputs = review.GetProperty("inputs").EnumerateArray().ToList();
        Assert.NotEmpty(inputs);

        // Verify every input against its document (the framework needs evidence for most), one decision each, the version moving on each time.
        foreach (var input in inputs)
        {
            await platform.AddEvidenceAsync(id, input.GetProperty("input_id").GetString()!, TestHost.Pdf(), "evidence.pdf");
        }

        foreach (var input in inputs)
        {
            var decided = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/inputs/{input.GetProperty("id").GetGuid()}", new { decision = "verified", version }, None);
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
            version = (await TestHost.JsonAsync(decided)).GetProperty("version").GetInt32();
        }

        var approved = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/approve", new { version, comments = "All figures match the audited accounts." }, None);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var certificateId = (await TestHost.JsonAsync(approved)).GetProperty("certificate_id").GetString();
        Assert.False(string.IsNullOrEmpty(certificateId));

        // The analytics snapshot is asked to follow: this node's snapshot job is due within the debounce (30 s), not at night.
        var snapshotJob = await platform.WithDbAsync(db => db.ScheduledJobs.AsNoTracking()
            .SingleAsync(j => j.Name.StartsWith(HiTech.Web.Infrastructure.Analytics.SnapshotJob.NamePrefix), None));
        Assert.True(snapshotJob.NextRunAtUtc <= DateTime.UtcNow.AddSeconds(31), $"the snapshot job is next due at {snapshotJob.NextRunAtUtc:u}");

        var (assessment, finals, certificate, audit) = await platform.WithDbAsync(async db => (
            await db.Assessments.AsNoTracking().Include(a => a.Inputs).SingleAsync(a => a.Id == id),
            await db.AssessmentResults.AsNoTracking().Where(r => r.AssessmentId == id && r.IsFinal).ToListAsync(None),
            await db.Certificates.AsNoTracking().SingleAsync(c => c.AssessmentId == id),
            await db.AuditEntries.AsNoTracking().Where(e => e.Entity == "Assessment" && e.EntityId == id.ToString()).Select(e => e.Action).ToListAsync(None)));
        Assert.Equal(AssessmentStatus.Approved, assessment.Status);
        Assert.NotNull(assessment.DecidedAt);
        Assert.Equal("All figures match the audited accounts.", assessment.ReviewComments);
        Assert.All(assessment.Inputs, i => Assert.Equal(EvidenceLevel.Verified, i.Evidence));
        var final = Assert.Single(finals);
        Assert.Equal(assessment.FrameworkVersion, final.FrameworkVersion);
        Assert.Contains("\"evidence\": \"verified\"", final.ExplanationJson, StringComparison.Ordinal);
        Assert.Equal(certificateId, certificate.Id);
        Assert.Equal(26, certificate.Id.Length);
        Assert.Contains(AuditAction.Approve, audit);
        Assert.Equal(inputs.Count, audit.Count(a => a == AuditAction.VerifyInput));

        using var anonymous = platform.Anonymous();
        var check = await TestHost.JsonAsync(await anonymous.GetAsync($"/api/v1/certificates/{certificateId}/verify", None));
        Assert.Equal("valid", check.GetProperty("status").GetString());
        Assert.Equal(HiTech.Web.Features.Certificates.IssueCertificate.CertifiableTier(final), check.GetProperty("certificate").GetProperty("tier").GetString());

        // Decided: a second approval is refused, nothing changes.
        var again = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/approve", new { version = version + 1 }, None);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_a_clear_message_and_nothing_changes()
    {
        var assessorId = await platform.UserIdAsync(PlatformFixture.AssessorEmail);
        var id = await platform.CreateSubmittedAsync(assessorId);
        using var api = await platform.ApiAsync(PlatformFixture.AssessorEmail);
        var review = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/reviews/{id}", None));
        var version = review.GetProperty("version").GetInt32();
        var first = review.GetProperty("inputs")[0].GetProperty("id").GetGuid();
        var second = review.GetProperty("inputs")[1].GetProperty("id").GetGuid();

        await platform.AddEvidenceAsync(id, review.GetProperty("inputs")[0].GetProperty("input_id").GetString()!, TestHost.Pdf(), "evidence.pdf");
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/reviews/{id}/inputs/{first}", new { decision = "verified", version }, None)).StatusCode);

        // A second decision sent with the version read before the first one was saved.
        var stale = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/inputs/{second}", new { decision = "rejected", reason = "No evidence", version }, None);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var problem = await TestHost.JsonAsync(stale);
        Assert.Contains("Someone else saved", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(version + 1, problem.GetProperty("current_version").GetInt32());
        var state = await platform.WithDbAsync(db => db.AssessmentInputs.AsNoTracking().Where(i => i.Id == second).Select(i => i.Review).SingleAsync());
        Assert.Equal(ReviewState.Pending, state);

        var staleApproval = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/approve", new { version }, None);
        Assert.Equal(HttpStatusCode.Conflict, staleApproval.StatusCode);

        // The page says so in words, and shows what is saved now.
        using var browser = await platform.SignInAsync(PlatformFixture.AssessorEmail);
        var page = await browser.SubmitAsync($"/reviews/{id}", $"/reviews/{id}?handler=return", new() { ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["ReturnComments"] = "Please attach the audited accounts." });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Someone else saved this assessment", await page.Content.ReadAsStringAsync(None), StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.Submitted, await platform.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Adjusting_needs_a_value_and_a_reason_and_keeps_the_original_in_the_audit()
    {
        var assessorId = await platform.UserIdAsync(PlatformFixture.AssessorEmail);
        var id = await platform.CreateSubmittedAsync(assessorId);
        using var api = await platform.ApiAsync(PlatformFixture.AssessorEmail);
        var review = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/reviews/{id}", None));
        var version = review.GetProperty("version").GetInt32();
        var turnover = review.GetProperty("inputs").EnumerateArray().First(i => i.GetProperty("input_id").GetString() == "turnover");
        var inputId = turnover.GetProperty("id").GetGuid();
        var original = turnover.GetProperty("number").GetDecimal();

        var missing = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/inputs/{inputId}", new { decision = "adjusted", version }, None);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await TestHost.JsonAsync(missing)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("value", out _));
        Assert.True(errors.TryGetProperty("reason", out _));

        var rejectedWithoutReason = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/inputs/{inputId}", new { decision = "rejected", version }, None);
        Assert.True((await TestHost.JsonAsync(rejectedWithoutReason)).GetProperty("errors").TryGetProperty("reason", out _));

        var notANumber = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/inputs/{inputId}", new { decision = "adjusted", value = "lots", reason = "Audited figure", version }, None);
        Assert.True((await TestHost.JsonAsync(notANumber)).GetProperty("errors").TryGetProperty("value", out _));

        var adjusted = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/inputs/{inputId}", new { decision = "adjusted", value = "12,34,567", reason = "The audited accounts show a lower turnover.", version }, None);
        Assert.Equal(HttpStatusCode.OK, adjusted.StatusCode);
        var (row, entry) = await platform.WithDbAsync(async db => (
            await db.AssessmentInputs.AsNoTracking().SingleAsync(i => i.Id == inputId),
            await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == id.ToString() && e.Action == AuditAction.AdjustInput).SingleAsync()));
        Assert.Equal(1234567m, row.Number);
        Assert.Equal(ReviewState.Adjusted, row.Review);
        Assert.Equal(EvidenceLevel.Verified, row.Evidence);
        Assert.Equal("The audited accounts show a lower turnover.", row.ReviewNote);
        Assert.Equal(assessorId, entry.UserId);
        using var before = JsonDocument.Parse(entry.Before!);
        Assert.Equal(original, before.RootElement.GetProperty("number").GetDecimal());
        using var after = JsonDocument.Parse(entry.After!);
        Assert.Equal(1234567m, after.RootElement.GetProperty("number").GetDecimal());

        // The page refuses an adjustment without a reason, in words, next to the field.
        using var browser = await platform.SignInAsync(PlatformFixture.AssessorEmail);
        var current = await platform.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        var page = await browser.SubmitAsync($"/reviews/{id}", $"/reviews/{id}?handler=input&inputId={inputId}", new()
        {
            ["Version"] = current.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Decision"] = "adjusted",
            ["Value"] = "999",
        });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(None);
        Assert.Contains("Give the reason for adjusting the value", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#reason-{inputId}\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"999\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejected_inputs_count_as_not_given_and_the_assessor_returns_the_assessment_with_comments()
    {
        var assessorId = await platform.UserIdAsync(PlatformFixture.AssessorEmail);
        var id = await platform.CreateSubmittedAsync(assessorId);
        using var browser = await platform.SignInAsync(PlatformFixture.AssessorEmail);
        var (version, rdSpend) = await platform.WithDbAsync(async db => (
            await db.Assessments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync(),
            await db.AssessmentInputs.Where(i => i.AssessmentId == id && i.InputId == "rd_spend").Select(i => i.Id).SingleAsync()));
        var v = version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var rejected = await browser.SubmitAsync($"/reviews/{id}", $"/reviews/{id}?handler=input&inputId={rdSpend}", new() { ["Version"] = v, ["Decision"] = "rejected", ["Reason"] = "No R&D ledger was provided." });
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var page = await (await browser.GetAsync($"/reviews/{id}", None)).Content.ReadAsStringAsync(None);
        Assert.Contains("No R&amp;D ledger was provided.", page, StringComparison.Ordinal);

        version = await platform.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        v = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var empty = await browser.SubmitAsync($"/reviews/{id}", $"/reviews/{id}?handler=return", new() { ["Version"] = v, ["ReturnComments"] = " " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Tell the enterprise what to change before it submits again", await empty.Content.ReadAsStringAsync(None), StringComparison.Ordinal);

        var returned = await browser.SubmitAsync($"/reviews/{id}", $"/reviews/{id}?handler=return", new() { ["Version"] = v, ["ReturnComments"] = "Please upload the R&D ledger for the year." });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var assessment = await platform.WithDbAsync(db => db.Assessments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(AssessmentStatus.Returned, assessment.Status);
        Assert.Equal("Please upload the R&D ledger for the year.", assessment.ReviewComments);
        Assert.False(await platform.WithDbAsync(db => db.AssessmentResults.AnyAsync(r => r.AssessmentId == id && r.IsFinal)));

        var actions = await platform.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(None));
        Assert.Equal([AuditAction.RejectInput, AuditAction.Return], actions);

        // The review page lists the trail.
        var after = await (await browser.GetAsync($"/reviews/{id}", None)).Content.ReadAsStringAsync(None);
        Assert.Contains("Audit trail", after, StringComparison.Ordinal);
        Assert.Contains("Returned the assessment to the enterprise", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_trail_says_what_happened_in_words_in_the_reader_language()
    {
        // In the open queue, so both assessors below may read it; submitted by its owner, as the audit records.
        var id = await platform.CreateSubmittedAsync(assessor: null);
        await platform.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = DateTimeOffset.UtcNow, Entity = "Assessment", EntityId = id.ToString(), Action = AuditAction.Submit, After = "{\"status\":\"Submitted\"}" });
            return await db.SaveChangesAsync();
        });

        using var browser = await platform.BrowserAsync(PlatformFixture.AssessorEmail);
        var english = await (await browser.GetAsync($"/reviews/{id}", None)).Content.ReadAsStringAsync(None);
        Assert.Contains("Submitted the assessment", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Assessment: submitted", english, StringComparison.OrdinalIgnoreCase);

        var email = $"assessor-ml-{Guid.NewGuid():N}@demo.local";
        await platform.CreateUserAsync(email, Roles.Assessor, language: "ml");
        using var malayalamBrowser = await platform.BrowserAsync(email);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/reviews/{id}");
        request.Headers.AcceptLanguage.ParseAdd("ml");
        var malayalam = await (await malayalamBrowser.Client.SendAsync(request, None)).Content.ReadAsStringAsync(None);
        Assert.Contains("lang=\"ml\"", malayalam, StringComparison.Ordinal);
        Assert.Contains("വിലയിരുത്തൽ സമർപ്പിച്ചു", malayalam, StringComparison.Ordinal);
        Assert.DoesNotContain("Assessment: submitted", malayalam, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Rejected_input_is_left_out_of_the_final_result()
    {
        var assessorId = await platform.UserIdAsync(PlatformFixture.AssessorEmail);
        var id = await platform.CreateSubmittedAsync(assessorId);
        using var api = await platform.ApiAsync(PlatformFixture.AssessorEmail);
        var review = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/reviews/{id}", None));
        var version = review.GetProperty("version").GetInt32();
        var rdStaff = review.GetProperty("inputs").EnumerateArray().First(i => i.GetProperty("input_id").GetString() == "rd_staff").GetProperty("id").GetGuid();
        var rejected = await api.PostAsJsonAsync($"/api/v1/reviews/{id}/inputs/{rdStaff}", new { decision = "rejected", reason = "Payroll shows no R&D staff.", version }, None);
        version = (await TestHost.JsonAsync(rejected)).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/reviews/{id}/approve", new { version }, None)).StatusCode);

        var json = await platform.WithDbAsync(db => db.AssessmentResults.Where(r => r.AssessmentId == id && r.IsFinal).Select(r => r.ExplanationJson).SingleAsync());
        using var explanation = JsonDocument.Parse(json);
        var input = explanation.RootElement.GetProperty("inputs").EnumerateArray().First(i => i.GetProperty("id").GetString() == "rd_staff");
        Assert.Equal(JsonValueKind.Null, input.GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task An_assessor_cannot_reach_an_assessment_assigned_to_someone_else()
    {
        var other = await platform.CreateUserAsync($"assessor-{Guid.NewGuid():N}@demo.local", Roles.Assessor);
        var id = await platform.CreateSubmittedAsync(other);
        var inputId = await platform.WithDbAsync(db => db.AssessmentInputs.Where(i => i.AssessmentId == id).Select(i => i.Id).FirstAsync());
        var fileId = await platform.AddEvidenceAsync(id, "turnover", "%PDF-1.4\n%test\n%%EOF\n"u8.ToArray(), "accounts.pdf");
        using var api = await platform.ApiAsync(PlatformFixture.AssessorEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/reviews/{id}", None)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/reviews/{id}/inputs/{inputId}", new { decision = "verified", version = 0 }, None)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/reviews/{id}/approve", new { version = 0 }, None)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/reviews/{id}/return", new { version = 0, comments = "x" }, None)).StatusCode);
        var queue = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/reviews?page_size={QueueQuery.MaxPageSize}", None));
        Assert.DoesNotContain(queue.EnumerateArray(), i => i.GetProperty("assessment_id").GetGuid() == id);

        using var browser = await platform.SignInAsync(PlatformFixture.AssessorEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/reviews/{id}", None)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/reviews/evidence/{fileId}", None)).StatusCode);
        Assert.Equal(AssessmentStatus.Submitted, await platform.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_unassigned_assessment_is_in_the_open_queue_and_taking_it_assigns_it()
    {
        var id = await platform.CreateSubmittedAsync(assessor: null);
        using var api = await platform.ApiAsync(PlatformFixture.AssessorEmail);
        var queue = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/reviews?page_size={QueueQuery.MaxPageSize}", None));
        var item = queue.EnumerateArray().Single(i => i.GetProperty("assessment_id").GetGuid() == id);
        Assert.False(item.GetProperty("assigned_to_me").GetBoolean());

        using var browser = await platform.SignInAsync(PlatformFixture.AssessorEmail);
        var version = item.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var taken = await browser.SubmitAsync($"/reviews/{id}", $"/reviews/{id}?handler=take", new() { ["Version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var assessorId = await platform.UserIdAsync(PlatformFixture.AssessorEmail);
        Assert.Equal(assessorId, await platform.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.AssessorId).SingleAsync()));
        Assert.Contains(AuditAction.Take, await platform.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == id.ToString()).Select(e => e.Action).ToListAsync(None)));
    }

    [Fact]
    public async Task Evidence_opens_inline_for_the_assigned_assessor_and_the_owner_only()
    {
        var assessorId = await platform.UserIdAsync(PlatformFixture.AssessorEmail);
        var id = await platform.CreateSubmittedAsync(assessorId);
        var ownerEmail = await platform.OwnerOfAsync(await platform.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.OrganisationId).SingleAsync()));
        var pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();
        var fileId = await platform.AddEvidenceAsync(id, "turnover", pdf, "audited accounts.pdf");

        using var assessor = await platform.SignInAsync(PlatformFixture.AssessorEmail);
        var page = await (await assessor.GetAsync($"/reviews/{id}", None)).Content.ReadAsStringAsync(None);
        Assert.Contains($"/reviews/evidence/{fileId}", page, StringComparison.Ordinal);
        var response = await assessor.GetAsync($"/reviews/evidence/{fileId}", None);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync(None));

        using var ownerClient = await platform.SignInAsync(ownerEmail);
        Assert.Equal(HttpStatusCode.OK, (await ownerClient.GetAsync($"/reviews/evidence/{fileId}", None)).StatusCode);
        using var analyst = await platform.SignInAsync(DemoSeeder.AnalystEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/reviews/evidence/{fileId}", None)).StatusCode);
        using var anonymous = platform.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/reviews/evidence/{fileId}", None)).StatusCode);
    }

    [Fact]
    public async Task Enterprise_and_analyst_users_cannot_reach_reviews()
    {
        foreach (var email in new[] { DemoSeeder.OwnerEmail, DemoSeeder.AnalystEmail })
        {
            using var browser = await platform.SignInAsync(email);
            var page = await browser.GetAsync("/reviews", None);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Contains("/account/access-denied", page.Headers.Location!.ToString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(page.Headers.Location, None)).StatusCode);

            using var api = await platform.ApiAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/reviews", None)).StatusCode);
        }

        using var anonymous = platform.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/reviews", None)).StatusCode);
    }

    [Fact]
    public async Task The_queue_page_lists_new_work_not_yet_taken_first_in_the_user_language()
    {
        var assessorId = await platform.UserIdAsync(PlatformFixture.AssessorEmail);
        var mine = await platform.CreateSubmittedAsync(assessorId);
        var open = await platform.CreateSubmittedAsync(assessor: null);
        using var browser = await platform.SignInAsync(PlatformFixture.AssessorEmail);
        var english = await (await browser.GetAsync("/reviews", None)).Content.ReadAsStringAsync(None);
        var firstOpen = english.IndexOf("govuk-tag--blue\">Not yet taken", StringComparison.Ordinal);
        var firstMine = english.IndexOf("govuk-tag--grey\">Assigned to you", StringComparison.Ordinal);
        Assert.True(firstOpen > 0 && (firstMine < 0 || firstOpen < firstMine), "Assessments not yet taken are not listed first");
        Assert.Contains($"/reviews/{open}", await (await browser.GetAsync("/reviews?show=open&sort=newest", None)).Content.ReadAsStringAsync(None), StringComparison.Ordinal);
        Assert.Contains($"/reviews/{mine}", await (await browser.GetAsync("/reviews?show=mine&sort=newest", None)).Content.ReadAsStringAsync(None), StringComparison.Ordinal);

        // An assessor who chose Malayalam reads the queue in Malayalam.
        var email = $"assessor-ml-{Guid.NewGuid():N}@demo.local";
        await platform.CreateUserAsync(email, Roles.Assessor, language: "ml");
        using var malayalamBrowser = await platform.SignInAsync(email);
        var malayalam = await (await malayalamBrowser.GetAsync("/reviews", None)).Content.ReadAsStringAsync(None);
        Assert.Contains("lang=\"ml\"", malayalam, StringComparison.Ordinal);
        Assert.Contains("പരിശോധനാ ക്യൂ", malayalam, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_review_certificate_and_analytics_endpoints()
    {
        using var anonymous = platform.Anonymous();
        var document = await anonymous.GetStringAsync("/openapi/v1.json", None);
        foreach (var path in new[]
        {
            "/api/v1/reviews", "/api/v1/reviews/{assessmentId}", "/api/v1/reviews/{assessmentId}/inputs/{inputId}",
            "/api/v1/reviews/{assessmentId}/approve", "/api/v1/reviews/{assessmentId}/return",
            "/api/v1/certificates/{id}", "/api/v1/certificates/{id}/verify", "/api/v1/certificates/verify",
            "/api/v1/certificates/{id}/revoke", "/api/v1/analytics/aggregates",
        })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
    }
}
