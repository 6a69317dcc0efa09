using System.Net;
using System.Net.Http.Json;
using HiTech.Web.Data.Entities;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Assessments;

/// <summary>
/// Submit is the hot path of a deadline day (bench/web.sh): what it asks of the database is pinned here, so a change
/// that adds a round trip fails a test instead of slowing every submission unnoticed.
/// </summary>
public sealed class SubmitRoundTripsTests(AssessmentsFixture fixture) : IClassFixture<AssessmentsFixture>
{
    /// <summary>
    /// The session check (1); the assessment with its inputs (1); the organisation with its activities (1); the audit
    /// chain's lock and head (1); the assessment, result and audit entry saved (1 batch on PostgreSQL; SQLite, in
    /// process, runs the three statements one by one); the commit (1). Before: 8 on PostgreSQL, 9 on SQLite.
    /// </summary>
    private static int MostRoundTrips => WebAppFactory.UsesPostgres ? 6 : 8;

    [Fact]
    public async Task One_submit_makes_few_database_round_trips()
    {
        using var api = await fixture.ApiAsync(DemoSeeder.OwnerEmail);

        // The first submit after start-up also reads and compiles the framework: warm up, as a running node is.
        await SubmitAsync(api, await fixture.CreateDraftAsync(filled: true), null);

        var id = await fixture.CreateDraftAsync(filled: true);
        using var roundTrips = new DatabaseRoundTrips();
        await SubmitAsync(api, id, roundTrips.TraceParent);

        var seen = roundTrips.Seen;
        Assert.True(seen.Count <= MostRoundTrips, $"{seen.Count} round trips (at most {MostRoundTrips}):\n{string.Join("\n---\n", seen)}");

        // Everything a submit writes is there: the status, the result and the audit entry.
        await fixture.WithDbAsync(async db =>
        {
            Assert.Equal(AssessmentStatus.Submitted, await db.Assessments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());
            Assert.Equal(1, await db.AssessmentResults.CountAsync(r => r.AssessmentId == id));
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityId == id.ToString() && e.Action == AuditAction.Submit && e.Hash != null));
            return 0;
        });
    }

    private async Task SubmitAsync(HttpClient api, Guid id, string? traceParent)
    {
        var version = await fixture.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/assessments/{id}/submit") { Content = JsonContent.Create(new { version }) };
        if (traceParent is not null)
        {
            request.Headers.Add("traceparent", traceParent);
        }

        var response = await api.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
