using System.Net;
using System.Text.Json;
using HiTech.Web.Infrastructure.Analytics;
using HiTech.Web.Tests.Reviews;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Analytics;

/// <summary>The snapshot built from the platform's approved assessments (on SQLite here, on PostgreSQL in HiTech.Web.PostgresTests).</summary>
public sealed class SnapshotTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_snapshot_holds_one_row_per_approved_enterprise_year_with_its_final_tier_and_the_pipeline()
    {
        var job = platform.Factory.Services.GetServices<HiTech.Web.Infrastructure.Jobs.IRecurringJob>().OfType<SnapshotJob>().Single();
        await using (var scope = platform.Factory.Services.CreateAsyncScope())
        {
            await job.RebuildAsync(scope.ServiceProvider, None);
        }
        var expected = await platform.WithDbAsync(async db =>
        {
            var approved = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Assessments.Where(a => a.Status == HiTech.Web.Data.Entities.AssessmentStatus.Approved)
                    .Join(db.AssessmentResults.Where(r => r.IsFinal), a => a.Id, r => r.AssessmentId, (a, r) => new { a.OrganisationId, a.Year, r.Tier }),
                None);
            var handedIn = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
                db.Assessments.Where(a => a.Status != HiTech.Web.Data.Entities.AssessmentStatus.Draft), None);
            return (Facts: approved.Select(a => ($"{a.OrganisationId}|{a.Year}", a.Tier)).Order().ToList(), HandedIn: handedIn);
        });
        Assert.NotEmpty(expected.Facts);

        var store = platform.Factory.Services.GetRequiredService<AnalyticsStore>();
        using var reader = store.OpenReader()!;
        var rows = new List<(string, string)>();
        using (var command = reader.Connection.CreateCommand())
        {
            command.CommandText = "SELECT enterprise_id || '|' || CAST(year AS VARCHAR), tier_id, district_id, status FROM enterprise_facts";
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                rows.Add((r.GetString(0), r.GetString(1)));
                Assert.False(r.IsDBNull(2), "every demo enterprise has a known district");
                Assert.Equal("approved", r.GetString(3));
            }
        }

        Assert.Equal(expected.Facts, rows.Order().ToList());
        using (var command = reader.Connection.CreateCommand())
        {
            command.CommandText = "SELECT (SELECT count(*) FROM assessment_pipeline), (SELECT enterprise_rows FROM snapshot_info)";
            using var r = command.ExecuteReader();
            r.Read();
            Assert.Equal(expected.HandedIn, Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expected.Facts.Count, Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
        }

        // Digital maturity per dimension: from the enterprise's latest maturity assessment finished by the approval.
        var withMaturity = await platform.WithDbAsync(async db =>
        {
            var approved = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Assessments.Where(a => a.Status == HiTech.Web.Data.Entities.AssessmentStatus.Approved).Select(a => new { a.OrganisationId, a.Year, a.DecidedAt }), None);
            var finished = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.MaturityAssessments.Where(m => m.CompletedAt != null && m.ResultJson != null).Select(m => new { m.OrganisationId, m.CompletedAt }), None);
            return approved.Count(a => finished.Any(m => m.OrganisationId == a.OrganisationId && m.CompletedAt <= a.DecidedAt));
        });
        using (var command = reader.Connection.CreateCommand())
        {
            command.CommandText = "SELECT (SELECT count(*) FROM dma_dimensions), (SELECT count(*) FROM enterprise_facts WHERE dma_data_management IS NOT NULL)";
            using var r = command.ExecuteReader();
            r.Read();
            Assert.Equal(6, Convert.ToInt32(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(withMaturity > 0, "the demo has enterprises assessed after a maturity assessment");
            Assert.Equal(withMaturity, Convert.ToInt32(r.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
        }

        // The page and the API say when the figures were read.
        // (A refresh started by an earlier test's approval may put a newer snapshot in use while the request runs.)
        using var api = await platform.ApiAsync(DemoSeeder.AnalystEmail);
        var inUseBefore = store.AsOf;
        var response = await api.GetAsync("/api/v1/analytics/dashboard", None);
        var body = await response.Content.ReadAsStringAsync(None);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var asOf = JsonDocument.Parse(body).RootElement.GetProperty("as_of").GetDateTimeOffset();
        Assert.True(asOf >= inUseBefore && asOf <= store.AsOf, $"as of {asOf:O}: the snapshot in use was {inUseBefore:O}, then {store.AsOf:O}");
    }
}
