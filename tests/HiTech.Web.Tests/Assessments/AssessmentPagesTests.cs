using System.Net;
using System.Text.RegularExpressions;
using HiTech.Core.Frameworks;
using HiTech.Web.Data.Entities;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Assessments;

/// <summary>The assessment pages as the demo owner uses them, without script: every step a plain form post.</summary>
public sealed partial class AssessmentPagesTests(AssessmentsFixture fixture) : IClassFixture<AssessmentsFixture>
{
    private static readonly Dictionary<string, Dictionary<string, string[]>> Answers = new()
    {
        ["about"] = new() { ["Values.turnover"] = ["₹ 5,00,00,000"], ["Values.value_added"] = ["1,50,00,000"], ["Values.employees"] = ["40"] },
        ["rnd"] = new() { ["Values.rd_spend"] = ["25 lakh"], ["Values.rd_staff"] = ["4"], ["Values.patents"] = ["1"], ["Values.designs"] = ["0"], ["Values.dsir_rd_unit"] = ["yes"] },
        ["value_added"] = new() { ["Values.high_value_stage_share"] = ["45"] },
        ["talent"] = new() { ["Values.stem_staff"] = ["12"], ["Values.returnee_hires"] = ["2"] },
        ["digital"] = new() { ["Values.digital_maturity"] = ["62"] },
        ["global"] = new() { ["Values.export_revenue"] = ["50,00,000"], ["Values.certifications"] = ["iso9001", "zed-silver"] },
    };

    [Fact]
    public async Task The_owner_starts_fills_uploads_checks_submits_and_reads_the_result()
    {
        using var browser = await fixture.SignInAsync(DemoSeeder.OwnerEmail);

        var list = await browser.GetHtmlAsync("/assessments");
        Assert.Contains("Start an assessment", list, StringComparison.Ordinal);
        Assert.Matches(@"\d{4}-\d{2}", list);

        // Start: the first free year is chosen already; the demo has the last three.
        var start = await browser.GetHtmlAsync("/assessments/start");
        var year = Regex.Match(start, "name=\"Year\" type=\"radio\" value=\"(\\d{4})\" checked").Groups[1].Value;
        Assert.NotEmpty(year);
        var started = await browser.PostFormWithAsync(start, "/assessments/start", new() { ["Year"] = [year] }, null);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var about = started.Headers.Location!.OriginalString;
        Assert.EndsWith("/inputs/about", about, StringComparison.Ordinal);
        var id = Guid.Parse(about.Split('/')[2]);
        var recorded = await fixture.WithDbAsync(db => db.Assessments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(int.Parse(year, System.Globalization.CultureInfo.InvariantCulture), recorded.Year);
        Assert.Equal("kerala-htmf", recorded.FrameworkId);
        Assert.Equal("2025.1", recorded.FrameworkVersion);

        // Each page in turn, "Save and continue" leading to the next and, after the last, to check your answers.
        var page = about;
        foreach (var (group, values) in Answers)
        {
            Assert.EndsWith("/inputs/" + group, page, StringComparison.Ordinal);
            var html = await browser.GetHtmlAsync(page);
            Assert.Equal(group != "about", html.Contains("(optional)", StringComparison.Ordinal));
            var saved = await browser.PostFormWithAsync(html, page, new(values) { ["action"] = ["continue"] }, Browser.Version(html));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            page = saved.Headers.Location!.OriginalString;
        }

        Assert.Equal($"/assessments/{id}/check", page);
        var inputs = await fixture.WithDbAsync(db => db.AssessmentInputs.AsNoTracking().Where(i => i.AssessmentId == id).ToDictionaryAsync(i => i.InputId));
        Assert.Equal(50_000_000m, inputs["turnover"].Number);
        Assert.Equal(2_500_000m, inputs["rd_spend"].Number);
        Assert.Equal(0.45m, inputs["high_value_stage_share"].Number);
        Assert.True(inputs["dsir_rd_unit"].Flag);
        Assert.Equal("iso9001;zed-silver", inputs["certifications"].Text);

        // A PDF for turnover, through the "Save and add or remove documents" button and the evidence page.
        var toEvidence = await browser.PostFormAsync($"/assessments/{id}/inputs/about", $"/assessments/{id}/inputs/about",
            new(Answers["about"]) { ["action"] = ["evidence:turnover"] }, withVersion: true);
        Assert.Equal(HttpStatusCode.Redirect, toEvidence.StatusCode);
        var evidencePage = toEvidence.Headers.Location!.OriginalString;
        Assert.Equal($"/assessments/{id}/evidence/turnover", evidencePage);
        var uploaded = await browser.UploadAsync(evidencePage, TestHost.Pdf(), "accounts-2024.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var evidenceHtml = await browser.GetHtmlAsync(uploaded.Headers.Location!.OriginalString);
        Assert.Contains("accounts-2024.pdf", evidenceHtml, StringComparison.Ordinal);
        Assert.Contains("Backed by a document", evidenceHtml, StringComparison.Ordinal);
        var file = await fixture.WithDbAsync(db => db.EvidenceFiles.AsNoTracking().SingleAsync(f => f.AssessmentId == id));
        var download = await browser.GetAsync($"/assessments/{id}/files/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(EvidenceLevel.DocumentBacked, await fixture.WithDbAsync(db => db.AssessmentInputs.Where(i => i.AssessmentId == id && i.InputId == "turnover").Select(i => i.Evidence).SingleAsync()));

        // The file is listed under its question too.
        var aboutAgain = await browser.GetHtmlAsync($"/assessments/{id}/inputs/about");
        Assert.Contains("accounts-2024.pdf", aboutAgain, StringComparison.Ordinal);

        // Check your answers: every group with Change links; then submit.
        var check = await browser.GetHtmlAsync($"/assessments/{id}/check");
        Assert.Contains("₹5,00,00,000", check, StringComparison.Ordinal);
        Assert.Contains("45%", check, StringComparison.Ordinal);
        Assert.Contains($"/assessments/{id}/inputs/rnd#Values-rd_spend", check, StringComparison.Ordinal);
        Assert.Contains("ISO 9001 quality management", check, StringComparison.Ordinal);
        var submitted = await browser.PostFormWithAsync(check, $"/assessments/{id}/check", [], Browser.Version(check));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/assessments/{id}/result", submitted.Headers.Location!.OriginalString);

        var assessment = await fixture.WithDbAsync(db => db.Assessments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(AssessmentStatus.Submitted, assessment.Status);
        Assert.NotNull(assessment.SubmittedAt);
        var result = await fixture.WithDbAsync(db => db.AssessmentResults.AsNoTracking().SingleAsync(r => r.AssessmentId == id));
        Assert.False(result.IsFinal);
        Assert.Equal("2025.1", result.FrameworkVersion);
        Assert.Contains("\"what_it_would_take\"", result.ExplanationJson, StringComparison.Ordinal);

        // The result: tier, index, areas chart, criteria, activities, gates, next tier, evidence; provisional.
        var html2 = await browser.GetHtmlAsync($"/assessments/{id}/result");
        Assert.Contains("provisional", html2, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("hitech-bars", html2, StringComparison.Ordinal);
        Assert.Contains("R&amp;D spending over value added", html2, StringComparison.Ordinal);
        Assert.Contains("₹25,00,000", html2, StringComparison.Ordinal);
        Assert.Contains("Backed by a document", html2, StringComparison.Ordinal);
        Assert.Contains("Conditions for the higher tiers", html2, StringComparison.Ordinal);
        Assert.Contains(result.Index.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture), html2, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html2, StringComparison.Ordinal);

        // Submitted: no more changes from the pages.
        var locked = await browser.GetAsync($"/assessments/{id}/inputs/about");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        var list2 = await browser.GetHtmlAsync("/assessments");
        Assert.Contains("Submitted", list2, StringComparison.Ordinal);
        Assert.Contains("provisional", list2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_values_are_refused_per_field_in_English_and_kept_as_typed()
    {
        var id = await fixture.CreateDraftAsync();
        using var browser = await fixture.SignInAsync(DemoSeeder.OwnerEmail);
        var page = $"/assessments/{id}/inputs/about";
        var response = await browser.PostFormAsync(page, page, new()
        {
            ["Values.turnover"] = ["twelve lakh"],
            ["Values.value_added"] = ["-5,000"],
            ["Values.employees"] = ["2.5"],
            ["action"] = ["continue"],
        }, withVersion: true);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("Enter ‘Annual turnover’ as an amount in rupees, like 12,34,567", html, StringComparison.Ordinal);
        Assert.Contains("‘Gross value added’ cannot be negative", html, StringComparison.Ordinal);
        Assert.Contains("‘Total staff’ must be a whole number", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Values-turnover\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"twelve lakh\"", html, StringComparison.Ordinal);
        Assert.StartsWith("Error:", Regex.Match(html, "<title>(.*?)</title>").Groups[1].Value, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.AssessmentInputs.CountAsync(i => i.AssessmentId == id)));

        // Percentages above 100 and a digital score out of its range, on their own pages.
        var ratio = await browser.PostFormAsync($"/assessments/{id}/inputs/value_added", $"/assessments/{id}/inputs/value_added",
            new() { ["Values.high_value_stage_share"] = ["140"], ["action"] = ["continue"] }, withVersion: true);
        Assert.Contains("‘Share of revenue from high-value stages’ must be between 0% and 100%", WebUtility.HtmlDecode(await ratio.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var digital = await browser.PostFormAsync($"/assessments/{id}/inputs/digital", $"/assessments/{id}/inputs/digital",
            new() { ["Values.digital_maturity"] = ["101"], ["action"] = ["continue"] }, withVersion: true);
        Assert.Contains("must be between 0 and 100", WebUtility.HtmlDecode(await digital.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_values_are_refused_in_Malayalam_for_a_Malayalam_browser()
    {
        var id = await fixture.CreateDraftAsync();
        using var browser = await fixture.SignInAsync(DemoSeeder.OwnerEmail);
        browser.UseAcceptLanguage("ml");
        var page = $"/assessments/{id}/inputs/about";
        var form = await browser.GetHtmlAsync(page);
        Assert.Contains("lang=\"ml\"", form, StringComparison.Ordinal);
        Assert.Contains("വാർഷിക വിറ്റുവരവ്", form, StringComparison.Ordinal);
        var response = await browser.PostFormWithAsync(form, page, new()
        {
            ["Values.turnover"] = ["abc"],
            ["Values.employees"] = ["0"],
            ["action"] = ["continue"],
        }, Browser.Version(form));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("ഒരു പ്രശ്നമുണ്ട്", html, StringComparison.Ordinal);
        Assert.Contains("‘വാർഷിക വിറ്റുവരവ്’ രൂപയിൽ ഒരു തുകയായി നൽകുക", html, StringComparison.Ordinal);
        Assert.Contains("‘ആകെ ജീവനക്കാർ’ കുറഞ്ഞത് 1 ആയിരിക്കണം", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indian_style_money_is_accepted_and_normalised()
    {
        var id = await fixture.CreateDraftAsync();
        using var browser = await fixture.SignInAsync(DemoSeeder.OwnerEmail);
        var page = $"/assessments/{id}/inputs/about";
        var response = await browser.PostFormAsync(page, page, new()
        {
            ["Values.turnover"] = ["Rs. 12,34,567/-"],
            ["Values.value_added"] = ["₹ 5,00,000"],
            ["Values.employees"] = ["1,200"],
            ["action"] = ["later"],
        }, withVersion: true);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/assessments/{id}?saved=true", response.Headers.Location!.OriginalString);
        var inputs = await fixture.WithDbAsync(db => db.AssessmentInputs.AsNoTracking().Where(i => i.AssessmentId == id).ToDictionaryAsync(i => i.InputId, i => i.Number));
        Assert.Equal(1_234_567m, inputs["turnover"]);
        Assert.Equal(500_000m, inputs["value_added"]);
        Assert.Equal(1_200m, inputs["employees"]);

        // Shown back in Indian grouping; the overview says it is saved and the page is in progress.
        var again = await browser.GetHtmlAsync(page);
        Assert.Contains("value=\"12,34,567\"", again, StringComparison.Ordinal);
        var overview = WebUtility.HtmlDecode(await browser.GetHtmlAsync($"/assessments/{id}?saved=true"));
        Assert.Contains("Your answers are saved", overview, StringComparison.Ordinal);
        Assert.Contains("Completed", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disguised_file_and_an_oversized_file_are_refused_with_reasons()
    {
        var id = await fixture.CreateDraftAsync();
        using var browser = await fixture.SignInAsync(DemoSeeder.OwnerEmail);
        var page = $"/assessments/{id}/evidence/turnover";

        var text = await browser.UploadAsync(page, System.Text.Encoding.UTF8.GetBytes("Just some text pretending to be a PDF"), "accounts.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.OK, text.StatusCode);
        var html = WebUtility.HtmlDecode(await text.Content.ReadAsStringAsync());
        Assert.Contains("The selected file must be a PDF, PNG or JPEG", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#File\"", html, StringComparison.Ordinal);

        var empty = await browser.UploadAsync(page, [], "empty.pdf", "application/pdf");
        Assert.Contains("The selected file is empty", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var big = new byte[(10 * 1024 * 1024) + 1];
        "%PDF-1.4"u8.CopyTo(big);
        var large = await browser.UploadAsync(page, big, "scan.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.OK, large.StatusCode);
        Assert.Contains("The selected file must be smaller than 10 MB", WebUtility.HtmlDecode(await large.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // Far over the limit: the request itself is too large to read, and still gets the same plain answer.
        var huge = new byte[12 * 1024 * 1024];
        "%PDF-1.4"u8.CopyTo(huge);
        var tooLarge = await browser.UploadAsync(page, huge, "scan.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        var tooLargeHtml = WebUtility.HtmlDecode(await tooLarge.Content.ReadAsStringAsync());
        Assert.Contains("The selected file must be smaller than 10 MB", tooLargeHtml, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(tooLargeHtml, "<li><a href=\"#"));

        Assert.Equal(0, await fixture.WithDbAsync(db => db.EvidenceFiles.CountAsync(f => f.AssessmentId == id)));

        // A real PNG is accepted, and can be removed again while the assessment is a draft.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];
        var ok = await browser.UploadAsync(page, png, "certificate.png", "image/png");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var file = await fixture.WithDbAsync(db => db.EvidenceFiles.AsNoTracking().SingleAsync(f => f.AssessmentId == id));
        Assert.Equal("image/png", file.ContentType);
        var removed = await browser.PostFormAsync(page, page + "?handler=remove", new() { ["fileId"] = [file.Id.ToString()] });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.EvidenceFiles.CountAsync(f => f.AssessmentId == id)));
        Assert.Equal(EvidenceLevel.SelfDeclared, await fixture.WithDbAsync(db => db.AssessmentInputs.Where(i => i.AssessmentId == id && i.InputId == "turnover").Select(i => i.Evidence).SingleAsync()));
    }

    [Fact]
    public async Task Two_saves_from_the_same_version_the_second_is_refused_and_the_first_kept()
    {
        var id = await fixture.CreateDraftAsync();
        using var browser = await fixture.SignInAsync(DemoSeeder.OwnerEmail);
        var page = $"/assessments/{id}/inputs/about";
        var tab1 = await browser.GetHtmlAsync(page);
        var tab2 = await browser.GetHtmlAsync(page);

        var first = await browser.PostFormWithAsync(tab1, page, new() { ["Values.turnover"] = ["10,00,000"], ["action"] = ["later"] }, Browser.Version(tab1));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await browser.PostFormWithAsync(tab2, page, new() { ["Values.turnover"] = ["99,00,000"], ["action"] = ["later"] }, Browser.Version(tab2));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
        Assert.Contains("This assessment was changed at", html, StringComparison.Ordinal);
        Assert.Contains("Saved now: <strong>₹10,00,000</strong>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"99,00,000\"", html, StringComparison.Ordinal);
        Assert.Equal(1_000_000m, await fixture.WithDbAsync(db => db.AssessmentInputs.Where(i => i.AssessmentId == id && i.InputId == "turnover").Select(i => i.Number).SingleAsync()));

        // The refused page carries the new version: saving again from it works.
        var third = await browser.PostFormWithAsync(html, page, new() { ["Values.turnover"] = ["99,00,000"], ["action"] = ["later"] }, Browser.Version(html));
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        Assert.Equal(9_900_000m, await fixture.WithDbAsync(db => db.AssessmentInputs.Where(i => i.AssessmentId == id && i.InputId == "turnover").Select(i => i.Number).SingleAsync()));
        var audits = await fixture.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == id.ToString() && a.Action == AuditAction.SaveInputs));
        Assert.Equal(2, audits);
    }

    [Fact]
    public async Task Submitting_with_missing_and_inconsistent_figures_lists_them_with_links_to_their_pages()
    {
        var id = await fixture.CreateDraftAsync();
        using var browser = await fixture.SignInAsync(DemoSeeder.OwnerEmail);
        var about = $"/assessments/{id}/inputs/about";
        await browser.PostFormAsync(about, about, new() { ["Values.turnover"] = ["10,00,000"], ["Values.employees"] = ["5"], ["action"] = ["later"] }, withVersion: true);
        var talent = $"/assessments/{id}/inputs/talent";
        await browser.PostFormAsync(talent, talent, new() { ["Values.stem_staff"] = ["9"], ["action"] = ["later"] }, withVersion: true);

        var check = await browser.GetHtmlAsync($"/assessments/{id}/check");
        var response = await browser.PostFormWithAsync(check, $"/assessments/{id}/check", [], Browser.Version(check));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Enter the figure for ‘Gross value added’", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assessments/{id}/inputs/about#Values-value_added\"", html, StringComparison.Ordinal);
        Assert.Equal(AssessmentStatus.Draft, await fixture.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));

        // With value added given, the consistency check speaks: STEM staff above total staff.
        await browser.PostFormAsync(about, about, new() { ["Values.turnover"] = ["10,00,000"], ["Values.value_added"] = ["4,00,000"], ["Values.employees"] = ["5"], ["action"] = ["later"] }, withVersion: true);
        check = await browser.GetHtmlAsync($"/assessments/{id}/check");
        response = await browser.PostFormWithAsync(check, $"/assessments/{id}/check", [], Browser.Version(check));
        html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("STEM staff cannot be more than total staff", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/assessments/{id}/inputs/talent#Values-stem_staff\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_returned_assessment_shows_the_comments_and_is_submitted_again_with_a_new_provisional_result()
    {
        var id = await fixture.CreateDraftAsync(filled: true);
        using var browser = await fixture.SignInAsync(DemoSeeder.OwnerEmail);
        var check = await browser.GetHtmlAsync($"/assessments/{id}/check");
        var submitted = await browser.PostFormWithAsync(check, $"/assessments/{id}/check", [], Browser.Version(check));
        Assert.Equal($"/assessments/{id}/result", submitted.Headers.Location!.OriginalString);

        // The assessor sends it back (the Reviews feature does this; here straight in the database).
        await fixture.WithDbAsync(async db =>
        {
            var assessment = await db.Assessments.SingleAsync(a => a.Id == id);
            assessment.Status = AssessmentStatus.Returned;
            assessment.ReviewComments = "Please check the number of R&D staff.";
            return await db.SaveChangesAsync();
        });

        var overview = WebUtility.HtmlDecode(await browser.GetHtmlAsync($"/assessments/{id}"));
        Assert.Contains("Returned to you", overview, StringComparison.Ordinal);
        Assert.Contains("Please check the number of R&D staff.", overview, StringComparison.Ordinal);
        var result = WebUtility.HtmlDecode(await browser.GetHtmlAsync($"/assessments/{id}/result"));
        Assert.Contains("returned this assessment", result, StringComparison.Ordinal);
        var rnd = WebUtility.HtmlDecode(await browser.GetHtmlAsync($"/assessments/{id}/inputs/rnd"));
        Assert.Contains("Please check the number of R&D staff.", rnd, StringComparison.Ordinal);

        var saved = await browser.PostFormAsync($"/assessments/{id}/inputs/rnd", $"/assessments/{id}/inputs/rnd", new() { ["Values.rd_staff"] = ["1"], ["action"] = ["later"] }, withVersion: true);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        check = await browser.GetHtmlAsync($"/assessments/{id}/check");
        submitted = await browser.PostFormWithAsync(check, $"/assessments/{id}/check", [], Browser.Version(check));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        var results = await fixture.WithDbAsync(db => db.AssessmentResults.AsNoTracking().Where(r => r.AssessmentId == id).ToListAsync());
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.False(r.IsFinal));
        Assert.Equal(AssessmentStatus.Submitted, await fixture.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        Assert.Contains("This result is provisional until an assessor approves it.", WebUtility.HtmlDecode(await browser.GetHtmlAsync($"/assessments/{id}/result")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisations_assessment_is_not_found_on_every_page()
    {
        var other = await fixture.OtherOrganisationsAssessmentAsync();
        using var browser = await fixture.SignInAsync(DemoSeeder.OwnerEmail);
        foreach (var url in new[] { $"/assessments/{other}", $"/assessments/{other}/inputs/about", $"/assessments/{other}/check", $"/assessments/{other}/result", $"/assessments/{other}/evidence/turnover" })
        {
            var response = await browser.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} answered {response.StatusCode}");
        }

        var file = await fixture.WithDbAsync(async db =>
        {
            var evidence = new EvidenceFile { Id = Guid.NewGuid(), AssessmentId = other, InputId = "turnover", FileName = "theirs.pdf", ContentType = "application/pdf", Size = 10, Sha256 = new string('a', 64), UploadedAt = DateTimeOffset.UtcNow };
            db.EvidenceFiles.Add(evidence);
            await db.SaveChangesAsync();
            return evidence.Id;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/assessments/{other}/files/{file}")).StatusCode);
    }

    [Fact]
    public async Task The_result_page_reads_a_stored_result_in_Malayalam()
    {
        var organisation = await fixture.OwnerOrganisationAsync();
        var id = await fixture.WithDbAsync(db => db.Assessments.Where(a => a.OrganisationId == organisation && a.Status == AssessmentStatus.Approved).Select(a => a.Id).FirstAsync());
        using var browser = await fixture.SignInAsync(DemoSeeder.OwnerEmail);
        browser.UseAcceptLanguage("ml");
        var html = await browser.GetHtmlAsync($"/assessments/{id}/result");
        Assert.Contains("ഓരോ മേഖലയിലും", html, StringComparison.Ordinal);
        Assert.Contains("അന്തിമമാണ്", html, StringComparison.Ordinal);
    }
}
