using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using HiTech.Web.Data.Entities;
using HiTech.Web.Tests.Infrastructure;

namespace HiTech.Web.Tests.Reviews;

/// <summary>
/// The audit trail on the review page reads as changes, "field: old → new", with the input's label and values in the
/// user's language (rupees with Indian grouping, percentages, evidence levels), never as raw JSON, and each date on one line.
/// </summary>
public sealed partial class AuditTrailTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_change_reads_as_field_old_to_new_in_English_and_in_Malayalam()
    {
        var me = await platform.UserIdAsync(PlatformFixture.AssessorEmail);
        var id = await platform.CreateSubmittedAsync(me);

        // The enterprise's earlier save, as SaveInputs records it (input id → plain value) ...
        await platform.WithDbAsync(db =>
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = DateTimeOffset.UtcNow.AddDays(-1),
                Entity = "Assessment",
                EntityId = id.ToString(),
                Action = AuditAction.SaveInputs,
                Before = """{"turnover":12000000,"high_value_stage_share":0.25}""",
                After = """{"turnover":18000000,"high_value_stage_share":0.4}""",
            });
            return db.SaveChangesAsync(None);
        });

        // ... and the assessor's real adjustment of the turnover through the API.
        using var api = await platform.ApiAsync(PlatformFixture.AssessorEmail);
        var review = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/reviews/{id}", None));
        var turnover = review.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("input_id").GetString() == "turnover");
        var adjusted = await api.PostAsJsonAsync(
            $"/api/v1/reviews/{id}/inputs/{turnover.GetProperty("id").GetGuid()}",
            new { decision = "adjusted", value = 12345678, reason = "The audited accounts say so", version = review.GetProperty("version").GetInt32() },
            None);
        Assert.Equal(HttpStatusCode.OK, adjusted.StatusCode);
        var before = turnover.GetProperty("number").GetDecimal();

        using var english = await platform.SignInAsync(PlatformFixture.AssessorEmail);
        var html = await english.GetHtmlAsync($"/reviews/{id}");
        var trail = AuditSection(html);
        Assert.DoesNotContain("{\"", WebUtility.HtmlDecode(trail), StringComparison.Ordinal);
        Assert.DoesNotContain("hitech-json", trail, StringComparison.Ordinal);
        var text = Text(trail);
        Assert.Contains("Annual turnover: ₹1,20,00,000 → changed to ₹1,80,00,000", text, StringComparison.Ordinal);
        Assert.Contains("Share of revenue from high-value stages: 25.0% → changed to 40.0%", text, StringComparison.Ordinal);
        Assert.Contains("Figure: Annual turnover", text, StringComparison.Ordinal);
        Assert.Contains($"Value: {Rupees(before)} → changed to ₹1,23,45,678", text, StringComparison.Ordinal);
        Assert.Contains("Review: Not reviewed → changed to Adjusted", text, StringComparison.Ordinal);
        Assert.Contains("Evidence level: Self-declared → changed to Verified", text, StringComparison.Ordinal);
        Assert.Contains("Assessor's reason: The audited accounts say so", WebUtility.HtmlDecode(text), StringComparison.Ordinal);

        // Dates on one line, in the platform's dd-MM-yyyy HH:mm.
        Assert.Matches(NowrapDate(), trail);

        using var malayalam = await platform.BrowserAsync(PlatformFixture.AssessorEmail, cultureCookie: "ml");
        var ml = Text(AuditSection(await malayalam.GetHtmlAsync($"/reviews/{id}")));
        Assert.Contains("വാർഷിക വിറ്റുവരവ്: ₹1,20,00,000 → ", ml, StringComparison.Ordinal);
        Assert.Contains("തെളിവിന്റെ നിലവാരം: ", ml, StringComparison.Ordinal);
        Assert.DoesNotContain("Evidence level", ml, StringComparison.Ordinal);
        Assert.DoesNotContain("Self-declared", ml, StringComparison.Ordinal);
    }

    private static string Rupees(decimal amount) => HiTech.Web.Infrastructure.Localization.Fmt.Money(amount);

    /// <summary>The audit trail's table.</summary>
    private static string AuditSection(string html)
    {
        var start = html.IndexOf("hitech-audit", StringComparison.Ordinal);
        Assert.True(start > 0, "No audit trail table on the review page");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    /// <summary>The text a person (or a screen reader) gets: tags removed, entities decoded, spaces collapsed.</summary>
    private static string Text(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Replace(" :", ":", StringComparison.Ordinal);

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"<td class=""govuk-table__cell hitech-nowrap""[^>]*>\d{2}-\d{2}-\d{4} \d{2}:\d{2}</td>")]
    private static partial Regex NowrapDate();
}
