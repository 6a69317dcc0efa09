using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using HiTech.Core.Frameworks;
using HiTech.Core.Maturity;
using HiTech.Web.Data.Entities;
using HiTech.Web.Features.Certificates;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace HiTech.Web.Tests.Maturity;

/// <summary>
/// The digital maturity pages as a person uses them, without JavaScript: the short screen page by page in English and
/// in Malayalam, save and resume, a stale page, the deeper modules that open only where they fit, the result with its
/// scores and band, the wiring into the assessment's digital_maturity input, progress T0 → T1, and the PDF report.
/// </summary>
public sealed partial class MaturityPagesTests(MaturityFixture fixture) : IClassFixture<MaturityFixture>
{
    /// <summary>The answers file of docs/maturity.md: 38, 38, 25, 13, 13, 13, overall 23 (basic) for a micro manufacturer of 6.</summary>
    public static readonly Dictionary<string, string[]> DocumentedScreen = new(StringComparer.Ordinal)
    {
        ["s_strategy_plan"] = ["ideas"],
        ["s_strategy_channels"] = ["orders", "payments"],
        ["s_ready_records"] = ["accounting-software"],
        ["s_ready_basics"] = ["broadband"],
        ["s_people_skills"] = ["one-person"],
        ["s_people_say"] = ["shown"],
        ["s_data_where"] = ["scattered"],
        ["s_data_safety"] = ["none"],
        ["s_auto_level"] = ["hand-run-machines"],
        ["s_auto_ai"] = ["not-considered"],
        ["s_green_tracking"] = ["bills-only"],
        ["s_green_uses"] = ["less-paper"],
    };

    [Fact]
    public async Task The_short_screen_is_six_short_pages_then_an_immediate_first_estimate()
    {
        Skip();
        var firm = await fixture.NewFirmAsync(employees: 6);
        using var browser = await fixture.BrowserAsync(firm.Email);

        var list = await browser.GetHtmlAsync("/maturity");
        Assert.Contains("Digital maturity", list);
        Assert.Contains("href=\"/maturity/start\"", list);
        var start = await browser.GetHtmlAsync("/maturity/start");
        Assert.Contains(">6 <span", start);
        var id = await StartAsync(browser);

        var steps = fixture.Instrument.Dimensions.Select(d => fixture.Instrument.Screen.Questions.Where(q => q.DimensionId == d.Id).ToList()).ToList();
        Assert.Equal(6, steps.Count);
        Assert.True(fixture.Instrument.Screen.Questions.Length <= 12);
        for (var step = 1; step <= 6; step++)
        {
            var url = $"/maturity/{id}/screen/{step}";
            var html = await browser.GetHtmlAsync(url);
            Assert.Contains($"<h1 class=\"govuk-heading-l\">{fixture.Instrument.Dimensions[step - 1].Title.En}</h1>", html);
            Assert.Equal(2, Regex.Count(html, "<fieldset class=\"govuk-fieldset\""));
            foreach (var question in steps[step - 1])
            {
                Assert.Contains(Encode(question.Text.En), html);
                var type = question.Type == QuestionType.Multi ? "checkbox" : "radio";
                Assert.Equal(question.Options.Length, Regex.Count(html, $"name=\"Answers.{question.Id}\" type=\"{type}\""));
            }

            var response = await browser.PostWithAsync(html, url, [("action", "continue"), .. steps[step - 1].SelectMany(q => DocumentedScreen[q.Id].Select(o => ("Answers." + q.Id, o)))]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(step < 6 ? $"/maturity/{id}/screen/{step + 1}" : $"/maturity/{id}", response.Headers.Location!.ToString());
        }

        var result = await browser.GetHtmlAsync($"/maturity/{id}");
        Assert.Contains("Your first estimate", result);
        Assert.Contains("First estimate</strong>", result);
        Assert.Contains("Overall: 23 out of 100", result);
        Assert.Contains("Band: Basic", result);
        foreach (var (dimension, score) in new[] { ("Digital business strategy", 38), ("Digital readiness", 38), ("Human-centric digitalisation", 25), ("Data management and connectedness", 13), ("Automation and artificial intelligence", 13), ("Green digitalisation", 13) })
        {
            Assert.Matches($"{dimension}</th>\\s*<td[^>]*><strong>{score}</strong>", result);
        }

        // The radar chart is inline SVG, with no inline style or script (the Content Security Policy forbids both).
        Assert.Contains("<svg viewBox=\"0 0 720 500\"", result);
        Assert.DoesNotContain(" style=", MainOf(result));
        Assert.DoesNotContain("<script>", result);

        // The list shows it as T0, in progress, a first estimate.
        var again = await browser.GetHtmlAsync("/maturity");
        Assert.Contains("T0", again);
        Assert.Contains("First estimate", again);
        Assert.Contains("Continue your assessment", again);
    }

    [Fact]
    public async Task The_short_screen_is_in_Malayalam_by_Accept_Language_and_by_the_language_cookie()
    {
        Skip();
        foreach (var (accept, cookie) in new[] { ("ml", (string?)null), ("en-GB", "ml") })
        {
            var firm = await fixture.NewFirmAsync();
            using var browser = await fixture.BrowserAsync(firm.Email, acceptLanguage: accept, cultureCookie: cookie);
            var id = await StartAsync(browser);
            for (var step = 1; step <= 6; step++)
            {
                var url = $"/maturity/{id}/screen/{step}";
                var html = await browser.GetHtmlAsync(url);
                Assert.Contains("<html lang=\"ml\"", html);
                var dimension = fixture.Instrument.Dimensions[step - 1];
                Assert.Contains($"<h1 class=\"govuk-heading-l\">{dimension.Title.Ml}</h1>", html);
                var questions = fixture.Instrument.Screen.Questions.Where(q => q.DimensionId == dimension.Id).ToList();
                foreach (var question in questions)
                {
                    Assert.Contains(question.Text.Ml!, html);
                    Assert.All(question.Options, o => Assert.Contains(o.Text.Ml!, html));
                }

                Assert.DoesNotContain("Save and continue", html);
                Assert.DoesNotContain("Question 1 of 12", html);
                var response = await browser.PostWithAsync(html, url, [("action", "continue"), .. questions.SelectMany(q => DocumentedScreen[q.Id].Select(o => ("Answers." + q.Id, o)))]);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            }

            var result = await browser.GetHtmlAsync($"/maturity/{id}");
            Assert.Contains("<html lang=\"ml\"", result);
            Assert.Contains(fixture.Instrument.Scoring.Bands[0].Title.Ml!, result);
            Assert.All(fixture.Instrument.Dimensions, d => Assert.Contains(d.Title.Ml!, result));
            Assert.DoesNotContain("Your first estimate", result);
        }
    }

    [Fact]
    public async Task Answers_are_saved_on_every_page_and_the_assessment_resumes_where_it_was_left()
    {
        Skip();
        var firm = await fixture.NewFirmAsync();
        using var browser = await fixture.BrowserAsync(firm.Email);
        var id = await StartAsync(browser);
        await AnswerScreenAsync(browser, id, DocumentedScreen, steps: 2);

        // Page 3: one of its two questions, then "Save and come back later".
        var later = await browser.PostAsync($"/maturity/{id}/screen/3", ("action", "later"), ("Answers.s_people_skills", "trained"));
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.Equal("/maturity?saved=true", later.Headers.Location!.ToString());
        var list = await browser.GetHtmlAsync("/maturity?saved=true");
        Assert.Contains("Your answers are saved", list);
        Assert.Contains($"href=\"/maturity/{id}\"", list);

        // Coming back: the assessment opens on the first page with something left to answer, with the saved answer chosen.
        var resume = await browser.Client.GetAsync($"/maturity/{id}");
        Assert.Equal(HttpStatusCode.Redirect, resume.StatusCode);
        Assert.Equal($"/maturity/{id}/screen/3", resume.Headers.Location!.ToString());
        var page = await browser.GetHtmlAsync($"/maturity/{id}/screen/3");
        Assert.Matches("value=\"trained\" checked=\"checked\"", page);
        var stored = await fixture.WithDbAsync(db => db.MaturityAssessments.AsNoTracking().FirstAsync(m => m.Id == id));
        Assert.Contains("\"s_people_skills\": \"trained\"", stored.AnswersJson);
        Assert.Contains("\"s_strategy_plan\": \"ideas\"", stored.AnswersJson);
        Assert.Null(stored.CompletedAt);

        // "Save and continue" with a question left out is refused, naming it, and keeps what was chosen.
        var missing = await browser.PostAsync($"/maturity/{id}/screen/3", ("action", "continue"), ("Answers.s_people_skills", "trained"));
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var error = await missing.Content.ReadAsStringAsync();
        Assert.Contains("govuk-error-summary", error);
        Assert.Contains("Question 6: choose one answer", error);
        Assert.Contains("href=\"#Answers-s_people_say\"", error);
        Assert.Matches("value=\"trained\" checked=\"checked\"", error);

        // "None of these" with another answer (no JavaScript to untick it) is refused with a message.
        var none = await browser.PostAsync($"/maturity/{id}/screen/4", ("action", "continue"), ("Answers.s_data_where", "scattered"), ("Answers.s_data_safety", "none"), ("Answers.s_data_safety", "own-logins"));
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("cannot be ticked together with other answers", await none.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_save_from_a_stale_page_is_refused_with_what_is_saved_now()
    {
        Skip();
        var firm = await fixture.NewFirmAsync();
        using var browser = await fixture.BrowserAsync(firm.Email);
        var id = await StartAsync(browser);
        var url = $"/maturity/{id}/screen/1";
        var first = await browser.GetHtmlAsync(url);
        var second = await browser.GetHtmlAsync(url);

        // One tab saves; the other, opened at the same version, saves different answers.
        var saved = await browser.PostWithAsync(first, url, ("action", "continue"), ("Answers.s_strategy_plan", "plan-budget"), ("Answers.s_strategy_channels", "orders"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stale = await browser.PostWithAsync(second, url, ("action", "continue"), ("Answers.s_strategy_plan", "ideas"), ("Answers.s_strategy_channels", "payments"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("This assessment was changed at", html);
        Assert.Contains("Saved now:", html);
        Assert.Contains("There is a written plan with a budget and a person in charge", html);
        Assert.Matches("value=\"ideas\" checked=\"checked\"", html);

        // Saved again from the page as shown now (its new version), it goes through.
        var retry = await browser.PostWithAsync(html, url, ("action", "continue"), ("Answers.s_strategy_plan", "ideas"), ("Answers.s_strategy_channels", "payments"));
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        var stored = await fixture.WithDbAsync(db => db.MaturityAssessments.AsNoTracking().FirstAsync(m => m.Id == id));
        Assert.Contains("\"s_strategy_plan\": \"ideas\"", stored.AnswersJson);
    }

    [Fact]
    public async Task Deep_modules_are_offered_only_where_they_fit_the_firm()
    {
        Skip();

        // A micro manufacturer of 9 with no plan, paper records and data in memory: automation, green and the inventory only.
        var small = await fixture.NewFirmAsync(employees: 9);
        using (var browser = await fixture.BrowserAsync(small.Email))
        {
            var id = await StartAsync(browser);
            var low = new Dictionary<string, string[]>(DocumentedScreen, StringComparer.Ordinal)
            {
                ["s_strategy_plan"] = ["not-yet"],
                ["s_ready_records"] = ["paper"],
                ["s_data_where"] = ["memory-paper"],
            };
            await AnswerScreenAsync(browser, id, low);
            var result = await browser.GetHtmlAsync($"/maturity/{id}");
            var offered = Regex.Matches(result, $"href=\"/maturity/{id}/modules/([a-z_]+)\" aria-describedby").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(["deep_automation", "deep_green", "inventory"], offered);
            Assert.Contains("Not asked of a unit like yours", result);
            foreach (var closed in new[] { "deep_strategy", "deep_readiness", "deep_people", "deep_data" })
            {
                var response = await browser.Client.GetAsync($"/maturity/{id}/modules/{closed}");
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal($"/maturity/{id}", response.Headers.Location!.ToString());
            }

            // The inventory asks a manufacturer about the shop-floor technologies too.
            var inventory = await browser.GetHtmlAsync($"/maturity/{id}/modules/inventory");
            Assert.Contains("name=\"Answers.i_mes\"", inventory);
        }

        // A small trading firm of 60: strategy, readiness, people and data open; shop-floor automation does not.
        var large = await fixture.NewFirmAsync(nic: "46103", size: "small", employees: 60);
        using (var browser = await fixture.BrowserAsync(large.Email))
        {
            var id = await StartAsync(browser);
            await AnswerScreenAsync(browser, id, DocumentedScreen);
            var result = await browser.GetHtmlAsync($"/maturity/{id}");
            var offered = Regex.Matches(result, $"href=\"/maturity/{id}/modules/([a-z_]+)\" aria-describedby").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(["deep_strategy", "deep_readiness", "deep_people", "deep_data", "deep_green", "inventory"], offered);
            var inventory = await browser.GetHtmlAsync($"/maturity/{id}/modules/inventory");
            Assert.DoesNotContain("name=\"Answers.i_mes\"", inventory);
            Assert.Contains("name=\"Answers.i_erp\"", inventory);
        }
    }

    [Fact]
    public async Task Answering_the_modules_gives_the_full_result_and_finishing_feeds_the_digital_maturity_input_as_self_declared()
    {
        Skip();
        var firm = await fixture.NewFirmAsync(employees: 6);
        using var browser = await fixture.BrowserAsync(firm.Email);
        var id = await StartAsync(browser);
        await AnswerScreenAsync(browser, id, DocumentedScreen);

        // Every open module, one page each, each option the second of its question (or the first tick).
        var answers = new Dictionary<string, string[]>(DocumentedScreen, StringComparer.Ordinal);
        var next = $"/maturity/{id}/modules/deep_strategy";
        var pages = 0;
        while (next.Contains("/modules/", StringComparison.Ordinal))
        {
            var html = await browser.GetHtmlAsync(next);
            var module = fixture.Instrument.Module(next.Split('/')[^1]);
            var fields = new List<(string, string)> { ("action", "continue") };
            foreach (var question in module.Questions.Where(q => html.Contains($"name=\"Answers.{q.Id}\"", StringComparison.Ordinal)))
            {
                var option = question.Options[1].Id;
                answers[question.Id] = [option];
                fields.Add(("Answers." + question.Id, option));
            }

            var response = await browser.PostWithAsync(html, next, [.. fields]);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            next = response.Headers.Location!.ToString();
            pages++;
        }

        Assert.Equal($"/maturity/{id}", next);
        Assert.Equal(5, pages);
        var profile = new MaturityProfile(6, true, HiTech.Core.Reference.MsmeSize.Micro);
        var expected = MaturityScorer.Score(fixture.Instrument, profile, MaturityAnswers.From(answers.Select(a => new KeyValuePair<string, System.Collections.Immutable.ImmutableArray<string>>(a.Key, [.. a.Value]))));
        Assert.True(expected.IsComplete);
        Assert.False(expected.IsFirstEstimate);
        var result = await browser.GetHtmlAsync($"/maturity/{id}");
        Assert.Contains($"Overall: {expected.Overall} out of 100", result);
        Assert.Contains($"Band: {expected.Band!.Title.En}", result);
        Assert.DoesNotContain("First estimate</strong>", result);
        foreach (var dimension in expected.Dimensions)
        {
            Assert.Matches($"{Regex.Escape(fixture.Instrument.Dimension(dimension.DimensionId).Title.En)}</th>\\s*<td[^>]*><strong>{dimension.Score}</strong>", result);
        }

        // The roadmap names actions and schemes with their numbers in rupees.
        Assert.Contains("What to do next", result);
        Assert.Contains("₹", result);

        // Finish: the overall score becomes the digital_maturity input of the Draft assessment, self-declared and pending.
        var before = await browser.GetHtmlAsync($"/maturity/{id}");
        Assert.Matches("action=\"/maturity/[^\"]+\\?handler=complete\" novalidate>\\s*<input name=\"__RequestVerificationToken\"", before);
        var done = await browser.PostWithAsync(before, $"/maturity/{id}?handler=complete");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal($"/maturity/{id}?finished=true", done.Headers.Location!.ToString());
        var finished = await browser.GetHtmlAsync($"/maturity/{id}?finished=true");
        Assert.Contains($"Your overall score, {expected.Overall}, is now the digital maturity figure", finished);

        var input = await fixture.WithDbAsync(db => db.AssessmentInputs.AsNoTracking().FirstAsync(i => i.AssessmentId == firm.AssessmentId && i.InputId == "digital_maturity"));
        Assert.Equal(expected.Overall, (int)input.Number!.Value);
        Assert.Equal(EvidenceLevel.SelfDeclared, input.Evidence);
        Assert.Equal(ReviewState.Pending, input.Review);
        var audit = await fixture.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == firm.AssessmentId.ToString() && a.Action == AuditAction.ApplyMaturityScore).ToListAsync());
        Assert.Single(audit);
        Assert.Contains(id.ToString(), audit[0].After);

        // The assessment's own page says where the figure came from.
        var inputs = await browser.GetHtmlAsync($"/assessments/{firm.AssessmentId}/inputs/digital");
        Assert.Contains("id=\"digital-maturity-source\"", inputs);
        Assert.Contains("From your digital maturity assessment T0", inputs);

        // Finished, it no longer changes: its pages go back to the result.
        var closed = await browser.Client.GetAsync($"/maturity/{id}/screen/1");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal($"/maturity/{id}", closed.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Only_an_assessor_verifying_the_input_makes_the_digital_maturity_figure_verified()
    {
        Skip();

        // The Draft already had a verified figure of 70: the maturity score replaces it as self-declared, pending review.
        var firm = await fixture.NewFirmAsync(draft: false);
        var assessment = await fixture.NewAssessmentAsync(firm.OrganisationId, AssessmentStatus.Draft, new() { ["employees"] = 9, ["digital_maturity"] = 70 }, evidence: EvidenceLevel.Verified, review: ReviewState.Verified);
        using var api = await fixture.ApiAsync(firm.Email);
        var created = await TestHost.JsonAsync(await api.PostAsJsonAsync("/api/v1/maturity/assessments", new { answers = DocumentedScreen }));
        var id = created.GetProperty("id").GetGuid();
        var completed = await api.PostAsJsonAsync($"/api/v1/maturity/assessments/{id}/complete", new { version = created.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        var row = await fixture.WithDbAsync(db => db.AssessmentInputs.AsNoTracking().FirstAsync(i => i.AssessmentId == assessment && i.InputId == "digital_maturity"));
        Assert.Equal(23m, row.Number);
        Assert.Equal(EvidenceLevel.SelfDeclared, row.Evidence);
        Assert.Equal(ReviewState.Pending, row.Review);

        // Submitted, the assessor verifies that input through the review flow: now it is verified.
        await fixture.WithDbAsync(async db =>
        {
            var a = await db.Assessments.FirstAsync(x => x.Id == assessment);
            a.Status = AssessmentStatus.Submitted;
            a.SubmittedAt = DateTimeOffset.UtcNow;
            return await db.SaveChangesAsync();
        });
        // The framework needs evidence for the figure: the maturity report, uploaded by the enterprise.
        await using (var scope = fixture.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HiTech.Web.Data.AppDbContext>();
            using var report = new MemoryStream(TestHost.Pdf("Digital maturity report"));
            var (file, _) = await scope.ServiceProvider.GetRequiredService<HiTech.Web.Infrastructure.Storage.EvidenceStore>()
                .SaveAsync(report, "maturity-report.pdf", assessment, "digital_maturity", await fixture.UserIdAsync(firm.Email), CancellationToken.None);
            db.EvidenceFiles.Add(file!);
            await db.SaveChangesAsync();
        }

        using var assessor = await fixture.ApiAsync(MaturityFixture.AssessorEmail);
        var version = await fixture.WithDbAsync(db => db.Assessments.Where(a => a.Id == assessment).Select(a => a.Version).FirstAsync());
        var decided = await assessor.PostAsJsonAsync($"/api/v1/reviews/{assessment}/inputs/{row.Id}", new { decision = "verified", version });
        Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
        var verified = await fixture.WithDbAsync(db => db.AssessmentInputs.AsNoTracking().FirstAsync(i => i.Id == row.Id));
        Assert.Equal(EvidenceLevel.Verified, verified.Evidence);
        Assert.Equal(23m, verified.Number);
    }

    [Fact]
    public async Task Progress_from_T0_to_T1_is_shown_dimension_by_dimension()
    {
        Skip();
        var firm = await fixture.NewFirmAsync(employees: 6);
        using var browser = await fixture.BrowserAsync(firm.Email);

        // T0: the documented screen (23, basic), finished as a first estimate.
        var t0 = await StartAsync(browser);
        await AnswerScreenAsync(browser, t0, DocumentedScreen);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/maturity/{t0}?handler=complete")).StatusCode);
        var first = await browser.GetHtmlAsync($"/maturity/{t0}");
        Assert.Contains("There is no earlier finished assessment to compare with", first);

        // T1: better answers on the screen.
        var t1 = await StartAsync(browser);
        var better = new Dictionary<string, string[]>(DocumentedScreen, StringComparer.Ordinal)
        {
            ["s_strategy_plan"] = ["plan-budget"],
            ["s_ready_records"] = ["one-package"],
            ["s_data_where"] = ["one-system"],
            ["s_green_tracking"] = ["monthly-by-section"],
        };
        await AnswerScreenAsync(browser, t1, better);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/maturity/{t1}?handler=complete")).StatusCode);

        var html = await browser.GetHtmlAsync($"/maturity/{t1}");
        Assert.Contains("id=\"progress-summary\"", html);
        Assert.Contains("From T0", html);
        Assert.Matches("Digital business strategy</dt>\\s*<dd[^>]*>\\s*T0 38 (→|&#x2192;) T1 63\\s*<strong>\\((\\+|&#x2B;)25, up a band\\)</strong>", html);
        Assert.Matches("Human-centric digitalisation</dt>\\s*<dd[^>]*>\\s*T0 25 (→|&#x2192;) T1 25\\s*<strong>\\(no change, same band\\)</strong>", html);

        var list = await browser.GetHtmlAsync("/maturity");
        Assert.Equal(["T1", "T0"], Regex.Matches(list, "<dt class=\"govuk-summary-list__key\">\\s*(T\\d+)").Select(m => m.Groups[1].Value));
    }

    [Theory]
    [InlineData("en", " to T1 ")]
    [InlineData("ml", "-ൽ നിന്ന് T1 ")]
    public async Task Every_character_of_the_report_with_progress_has_a_glyph_in_the_shipped_fonts(string language, string fromTo)
    {
        Skip();
        var firm = await fixture.NewFirmAsync(employees: 6);
        using var browser = await fixture.BrowserAsync(firm.Email, acceptLanguage: language);
        var t0 = await StartAsync(browser);
        await AnswerScreenAsync(browser, t0, DocumentedScreen);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/maturity/{t0}?handler=complete")).StatusCode);
        var t1 = await StartAsync(browser);
        await AnswerScreenAsync(browser, t1, new Dictionary<string, string[]>(DocumentedScreen, StringComparer.Ordinal) { ["s_strategy_plan"] = ["plan-budget"] });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync($"/maturity/{t1}?handler=complete")).StatusCode);
        var pdf = await browser.Client.GetByteArrayAsync($"/maturity/{t1}/report.pdf");
        if (PdfText.Missing is { } reason)
        {
            Assert.Skip(reason);
        }

        // The progress lines ("T0 38 to T1 63") are there, in words: Noto Sans has no arrow, which showed as an empty box.
        var text = Normalise(PdfText.Extract(pdf));
        Assert.Contains(fromTo, text, StringComparison.Ordinal);
        var fonts = fixture.Factory.Services.GetRequiredService<CertificateFonts>();
        using var latin = new SKFont(fonts.Latin);
        using var malayalam = new SKFont(fonts.Malayalam);
        var missing = text.EnumerateRunes()
            .Where(r => !Rune.IsWhiteSpace(r) && !latin.ContainsGlyph(r.Value) && !malayalam.ContainsGlyph(r.Value))
            .Select(r => $"U+{r.Value:X4} {r}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Characters the shipped fonts cannot draw: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task The_report_is_a_PDF_and_in_Malayalam_its_text_is_Malayalam()
    {
        Skip();
        var firm = await fixture.NewFirmAsync();
        using var browser = await fixture.BrowserAsync(firm.Email, acceptLanguage: "ml");
        var id = await StartAsync(browser);
        await AnswerScreenAsync(browser, id, DocumentedScreen);
        var response = await browser.Client.GetAsync($"/maturity/{id}/report.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));

        if (PdfText.Missing is { } reason)
        {
            Assert.Skip(reason);
        }

        var text = PdfText.Extract(pdf);
        Assert.Contains(fixture.Instrument.Dimensions[0].Title.Ml!, Normalise(text));
        Assert.Contains(fixture.Instrument.Scoring.Bands[0].Title.Ml!, Normalise(text));
        Assert.Contains("23", text);
    }

    [Fact]
    public async Task Another_organisations_assessment_is_not_found_and_other_roles_are_refused()
    {
        Skip();
        var owner = await fixture.NewFirmAsync();
        var other = await fixture.NewFirmAsync();
        using var mine = await fixture.BrowserAsync(owner.Email);
        var id = await StartAsync(mine);

        using var theirs = await fixture.BrowserAsync(other.Email);
        foreach (var url in new[] { $"/maturity/{id}", $"/maturity/{id}/screen/1", $"/maturity/{id}/modules/inventory", $"/maturity/{id}/report.pdf" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await theirs.Client.GetAsync(url)).StatusCode);
        }

        using var api = await fixture.ApiAsync(other.Email);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/maturity/assessments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/maturity/assessments/{id}/answers", new { version = 0, answers = new { s_strategy_plan = "ideas" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/maturity/assessments/{id}/complete", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/v1/maturity/assessments", new { organisationId = owner.OrganisationId })).StatusCode);

        using var analyst = await fixture.ApiAsync(MaturityFixture.AnalystEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync($"/api/v1/maturity/assessments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/v1/maturity/assessments")).StatusCode);
        using var analystPages = await fixture.BrowserAsync(MaturityFixture.AnalystEmail);
        var page = await analystPages.Client.GetAsync($"/maturity/{id}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/access-denied", page.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Starts an assessment from the start page; its id.</summary>
    internal static async Task<Guid> StartAsync(Browser browser)
    {
        var response = await browser.PostAsync("/maturity/start");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Matches("^/maturity/[0-9a-f-]{36}/screen/1$", location);
        return Guid.Parse(location.Split('/')[2]);
    }

    /// <summary>Answers the first <paramref name="steps"/> pages of the short screen with "Save and continue".</summary>
    internal async Task AnswerScreenAsync(Browser browser, Guid id, Dictionary<string, string[]> answers, int steps = 6)
    {
        for (var step = 1; step <= steps; step++)
        {
            var dimension = fixture.Instrument.Dimensions[step - 1];
            var fields = fixture.Instrument.Screen.Questions.Where(q => q.DimensionId == dimension.Id).SelectMany(q => answers[q.Id].Select(o => ("Answers." + q.Id, o)));
            var response = await browser.PostAsync($"/maturity/{id}/screen/{step}", [("action", "continue"), .. fields]);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"step {step}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text).Replace("&#39;", "&#x27;", StringComparison.Ordinal);

    private static string MainOf(string html) => html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];

    /// <summary>pdftotext may put a line break where a line wrapped: compare words only.</summary>
    private static string Normalise(string text) => Regex.Replace(text, "\\s+", " ");

    private static void Skip()
    {
        if (WebAppFactory.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }
}
