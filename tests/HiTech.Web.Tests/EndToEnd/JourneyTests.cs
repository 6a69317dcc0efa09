using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HiTech.Core.Frameworks;
using HiTech.Core.Identifiers;
using HiTech.Core.Reference;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HiTech.Web.Tests.EndToEnd;

/// <summary>
/// The platform in a real browser, as people use it: a new enterprise registers, is assessed and gets its result; the
/// assessor finds it in the queue and approves; the enterprise downloads the certificate from its result page; the
/// certificate checks out and a tampered one does not. In English and in Malayalam, at 1280 px and at 390 px (a phone).
/// Every page is screenshotted and checked with axe-core and for sideways scrolling; a serious or critical violation fails the test.
/// </summary>
public sealed partial class JourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "Journey#2025";

    /// <summary>
    /// The whole journey in one language and window width: every page checked with axe-core, in the journey's language,
    /// and no wider than the window (at 390 px, a phone).
    /// </summary>
    [Theory]
    [InlineData("en", 1280)]
    [InlineData("ml", 1280)]
    [InlineData("en", 390)]
    [InlineData("ml", 390)]
    public async Task A_new_enterprise_is_assessed_approved_and_downloads_a_certificate_that_verifies(string language, int width)
    {
        fixture.SkipIfUnavailable();
        var malayalam = language == "ml";
        var name = $"{language}-{width}";

        // (a) A new enterprise: account, organisation, activity, assessment with a document, result.
        await using var enterprise = await fixture.StartAsync($"{name}-1-enterprise", width: width);
        var email = $"owner-{Guid.NewGuid():N}@journey.test";
        var (assessmentId, udyam) = await EnterpriseJourneyAsync(enterprise, email, malayalam);

        // (b) The assessor finds it in the queue by its Udyam number, verifies the inputs and approves.
        await using var assessor = await fixture.StartAsync($"{name}-2-assessor", width: width);
        var certificateId = await AssessorJourneyAsync(assessor, assessmentId, udyam, malayalam);

        // (c) The enterprise downloads its certificate from the result page.
        await enterprise.GotoAsync($"/assessments/{assessmentId}/result", "final-result");
        var link = enterprise.Page.Locator("main a[data-certificate]");
        Assert.Equal(certificateId, await link.GetAttributeAsync("data-certificate"));
        var download = await enterprise.Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var saved = Path.Combine(enterprise.Folder, "certificate.pdf");
        await download.SaveAsAsync(saved);
        var pdf = await File.ReadAllBytesAsync(saved, TestContext.Current.CancellationToken);
        Assert.True(pdf.Length > 1000 && Encoding.ASCII.GetString(pdf, 0, 5) == "%PDF-", $"The certificate download is not a PDF ({pdf.Length} bytes)");

        // (d) Anyone can check the certificate: genuine.
        await using var visitor = await fixture.StartAsync($"{name}-3-verify", width: width);
        await visitor.GotoAsync("/verify", "verify-form");
        if (malayalam)
        {
            await visitor.ClickAsync(visitor.Page.Locator("button[name=language][value=ml]"), "verify-form-malayalam");
            visitor.ExpectMalayalam = true;
        }

        await visitor.Page.Locator("#Id").FillAsync(certificateId);
        await visitor.ClickAsync(visitor.Page.Locator("main button[type=submit]"), "verify-result");
        Assert.Equal($"/verify/{certificateId}", PathOf(visitor.Page));
        await Assertions.Expect(visitor.Page.Locator(".govuk-panel--confirmation")).ToBeVisibleAsync();

        // (e) A certificate changed after signing does not verify: its payload through the API, a forged id on the page (404).
        var token = await ApiTokenAsync(visitor.Page.APIRequest, email);
        var genuine = await JsonAsync(await visitor.Page.APIRequest.GetAsync($"/api/v1/certificates/{certificateId}", new() { Headers = Bearer(token) }));
        var payload = genuine.GetProperty("payload").GetString()!;
        var signature = genuine.GetProperty("signature").GetString()!;
        Assert.Equal("valid", (await VerifyAsync(visitor.Page.APIRequest, payload, signature)).GetProperty("status").GetString());
        var tampered = JsonNode.Parse(payload)!.AsObject();
        tampered["tier"] = "tampered-tier";
        var check = await VerifyAsync(visitor.Page.APIRequest, tampered.ToJsonString(), signature);
        Assert.Equal("not-genuine", check.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, check.GetProperty("certificate").ValueKind);
        var forged = certificateId[..^1] + (certificateId[^1] == 'A' ? 'B' : 'A');
        await visitor.GotoAsync($"/verify/{forged}", "verify-forged", status: 404);
        await Assertions.Expect(visitor.Page.Locator(".govuk-panel--confirmation")).ToHaveCountAsync(0);

        if (malayalam && width == 1280)
        {
            await NoEnglishFrameworkTextIsLeftAsync(enterprise, assessor, assessmentId, certificateId);
        }

        var journeys = new[] { enterprise, assessor, visitor };
        var problems = journeys.SelectMany(j => j.Violations).Distinct().ToList();
        Assert.True(problems.Count == 0, "axe-core found serious or critical accessibility problems:\n  " + string.Join("\n  ", problems));
        var overflows = journeys.SelectMany(j => j.Overflows).ToList();
        Assert.True(overflows.Count == 0, $"Pages wider than {width} px:\n  " + string.Join("\n  ", overflows));
        var english = journeys.SelectMany(j => j.NotMalayalam).ToList();
        Assert.True(english.Count == 0, "Pages not in Malayalam during the Malayalam journey:\n  " + string.Join("\n  ", english));
        Assert.All(journeys, j => Assert.True(j.AxeRuns > 0));
    }

    /// <summary>
    /// On the Malayalam journey's pages, and the admin's and analyst's in Malayalam, no English framework text (criteria,
    /// gates, rules, labels), NIC title or district name is left unmarked; an English-only NIC title is marked as English.
    /// </summary>
    private async Task NoEnglishFrameworkTextIsLeftAsync(Journey enterprise, Journey assessor, Guid assessmentId, string certificateId)
    {
        // The activity 26104 (printed circuit boards) has no Malayalam title yet: shown in English, marked as English.
        await enterprise.GotoAsync($"/assessments/{assessmentId}/result", "result-again");
        await Assertions.Expect(enterprise.Page.Locator("main [lang=en]").Filter(new() { HasText = "printed circuit boards" }).First).ToBeVisibleAsync();
        await Assertions.Expect(enterprise.Page.Locator("main .hitech-in-english").First).ToHaveTextAsync("(ഇംഗ്ലീഷിൽ)");

        await using var admin = await fixture.StartAsync("ml-coverage-admin", acceptLanguage: "ml");
        await SignInAsync(admin, DemoSeeder.AdminEmail);
        await SwitchLanguageAsync(admin, "ml");
        admin.ExpectMalayalam = true;
        await admin.GotoAsync($"/admin/certificates/{certificateId}", "admin-certificate");
        await Assertions.Expect(admin.Page.Locator("main")).ToContainTextAsync("പാലക്കാട്");
        await using var analyst = await fixture.StartAsync("ml-coverage-analyst", acceptLanguage: "ml");
        await SignInAsync(analyst, DemoSeeder.AnalystEmail);
        await SwitchLanguageAsync(analyst, "ml");
        analyst.ExpectMalayalam = true;
        await analyst.GotoAsync("/analytics", "analytics");

        var english = MalayalamCoverage.DefinitionFiles().Where(f => f.EndsWith("framework.yaml", StringComparison.Ordinal))
            .SelectMany(MalayalamCoverage.BilingualTexts).Select(t => t.En)
            .Concat(fixture.Factory.Services.GetRequiredService<ReferenceData>().Nic.Entries.Where(e => e.Title.Contains(' ', StringComparison.Ordinal)).Select(e => e.Title))
            .ToHashSet(StringComparer.Ordinal);
        var pages = enterprise.MalayalamPageTexts.Concat(assessor.MalayalamPageTexts).Concat(admin.MalayalamPageTexts).Concat(analyst.MalayalamPageTexts).ToList();
        foreach (var path in new[] { $"/assessments/{assessmentId}/check", $"/assessments/{assessmentId}/result", "/enterprise/activities/find", "/analytics", $"/admin/certificates/{certificateId}" })
        {
            Assert.Contains(pages, p => p.Path == path);
        }

        var left = pages.SelectMany(p => english.Where(e => p.Text.Contains(e, StringComparison.Ordinal)).Select(e => $"{p.Path}: \"{e}\"")).Distinct().ToList();
        Assert.True(left.Count == 0, "English left unmarked on Malayalam pages:\n  " + string.Join("\n  ", left));
        var districts = pages.Where(p => p.Path.StartsWith("/admin", StringComparison.Ordinal) || p.Path.StartsWith("/reviews", StringComparison.Ordinal) || p.Path == "/analytics")
            .SelectMany(p => new[] { "Palakkad", "Thiruvananthapuram", "Ernakulam", "Kozhikode" }.Where(d => p.Text.Contains(d, StringComparison.Ordinal)).Select(d => $"{p.Path}: {d}")).ToList();
        Assert.True(districts.Count == 0, "District names in English on Malayalam pages:\n  " + string.Join("\n  ", districts));
        Assert.Empty(admin.Violations.Concat(analyst.Violations));
    }

    /// <summary>A signed-in user's saved language wins over the browser's: switch with the banner's control when it is offered.</summary>
    internal static async Task SwitchLanguageAsync(Journey j, string language)
    {
        var control = j.Page.Locator($"button[name=language][value={language}]");
        if (await control.CountAsync() > 0)
        {
            await j.ClickAsync(control, "language-" + language);
        }
    }

    internal static async Task SignInAsync(Journey j, string email)
    {
        await j.GotoAsync("/account/sign-in", "sign-in");
        await j.Page.Locator("#Email").FillAsync(email);
        await j.Page.Locator("#Password").FillAsync("Demo#2025");
        await j.ClickAsync(MainSubmit(j.Page), "signed-in");
    }

    /// <summary>Journey (a). Returns the id of the submitted assessment and the enterprise's Udyam number.</summary>
    private async Task<(Guid AssessmentId, string Udyam)> EnterpriseJourneyAsync(Journey j, string email, bool malayalam)
    {
        var page = j.Page;
        await j.GotoAsync("/", "home");
        if (malayalam)
        {
            // The language control in the page's banner; from here on every page must be in Malayalam.
            await j.ClickAsync(page.Locator("button[name=language][value=ml]"), "home-malayalam");
            j.ExpectMalayalam = true;
            await j.RecordAsync("home-in-malayalam");
        }

        // An account for the owner.
        await j.GotoAsync("/account/register", "create-account");
        await page.Locator("#Name").FillAsync("Anjali Menon");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(Password);
        await page.Locator("#ConfirmPassword").FillAsync(Password);
        await j.ClickAsync(MainSubmit(page), "register-enterprise-details");
        Assert.Equal("/enterprise/register", PathOf(page));

        // The organisation: Udyam number, a GSTIN with a valid check digit, the district, the size.
        await page.Locator("#Name").FillAsync(malayalam ? "മലബാർ സർക്യൂട്ട്സ്" : "Malabar Circuits");
        var udyam = $"UDYAM-KL-09-{RandomNumberGenerator.GetInt32(1_000_000, 9_999_999)}";
        await page.Locator("#UdyamNumber").FillAsync(udyam);
        await page.Locator("#Gstin").FillAsync(NewGstin());
        await j.ClickAsync(MainSubmit(page), "register-location");
        await page.Locator("#District").SelectOptionAsync("palakkad");
        await page.Locator("#Address").FillAsync("Kanjikode Industrial Area, Palakkad 678621");
        await j.ClickAsync(MainSubmit(page), "register-size");
        await page.Locator("#InvestmentInr").FillAsync("4,50,00,000");
        await page.Locator("#TurnoverInr").FillAsync("18,00,00,000");
        await j.ClickAsync(MainSubmit(page), "register-check");
        await j.ClickAsync(MainSubmit(page), "registered");
        Assert.Equal("/enterprise/register/done", PathOf(page));

        // An activity through the NIC search (the page searches as you type).
        await j.ClickAsync(page.Locator("main a[href='/enterprise/activities/find']").First, "find-activity");
        await page.Locator("#q").PressSequentiallyAsync("printed circuit boards");
        var code = page.Locator("#nic-radios input[value='26104']");
        await code.WaitForAsync();
        await j.RecordAsync("find-activity-results");
        await code.CheckAsync();
        await j.ClickAsync(page.Locator("#nic-choose button[type=submit]"), "add-activity");
        Assert.Equal("/enterprise/activities/add/26104", PathOf(page));
        await page.Locator("input[name=Stages]").First.CheckAsync();
        await page.Locator("#SharePercent").FillAsync("100");
        await j.ClickAsync(MainSubmit(page), "enterprise-with-activity");
        Assert.Equal("/enterprise", PathOf(page));

        // An assessment for the last completed year.
        await j.GotoAsync("/assessments", "assessments");
        await j.ClickAsync(page.Locator("main a[href='/assessments/start']").First, "start-assessment");
        await page.Locator("#Year").CheckAsync();
        await j.ClickAsync(MainSubmit(page), "inputs-1");
        var assessmentId = Guid.Parse(new Uri(page.Url).Segments[2].Trim('/'));
        if (!PathOf(page).Contains("/inputs/", StringComparison.Ordinal))
        {
            // Started on the overview: its task list leads to the first page of figures.
            await j.ClickAsync(page.Locator(".govuk-task-list a[href*='/inputs/']").First, "inputs-1");
        }

        // Every page of figures, one after another, with a PDF uploaded for the first figure.
        var answers = await fixture.AnswersAsync();
        var part = 1;
        var uploaded = false;
        while (PathOf(page).Contains("/inputs/", StringComparison.Ordinal))
        {
            await FillAsync(page, answers);
            if (!uploaded)
            {
                await j.ClickAsync(page.Locator("button[name=action][value^='evidence:']").First, "evidence");
                await page.Locator("#File").SetInputFilesAsync(new FilePayload { Name = "audited-accounts.pdf", MimeType = "application/pdf", Buffer = BrowserFixture.Pdf("Audited accounts") });
                await j.ClickAsync(page.Locator("form[enctype='multipart/form-data'] button[type=submit]"), "evidence-uploaded");
                await Assertions.Expect(page.Locator("main")).ToContainTextAsync("audited-accounts.pdf");
                await j.ClickAsync(page.Locator("a.govuk-back-link"), $"inputs-{part}-after-upload");
                uploaded = true;
            }

            await j.ClickAsync(page.Locator("button.govuk-button[name=action][value=continue]"), $"inputs-{++part}");
        }

        // Check the answers, submit, read the result.
        Assert.Equal($"/assessments/{assessmentId}/check", PathOf(page));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("26104");
        await j.ClickAsync(page.Locator("main form button.govuk-button[type=submit]").Last, "result");
        Assert.Equal($"/assessments/{assessmentId}/result", PathOf(page));
        await Assertions.Expect(page.Locator("#next-tier")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#areas")).ToBeVisibleAsync();
        var result = await page.Locator("main").InnerTextAsync();
        Assert.Matches(@"\d+(\.\d+)?", result);
        return (assessmentId, udyam);
    }

    /// <summary>
    /// Journey (b): the demo assessor, in the journey's language, searches the queue for the enterprise's Udyam number,
    /// takes the assessment, verifies each input and approves. Returns the certificate id.
    /// </summary>
    private static async Task<string> AssessorJourneyAsync(Journey j, Guid assessmentId, string udyam, bool malayalam)
    {
        var page = j.Page;
        await j.GotoAsync("/account/sign-in", "sign-in");
        await page.Locator("#Email").FillAsync(DemoSeeder.AssessorEmail);
        await page.Locator("#Password").FillAsync("Demo#2025");
        await j.ClickAsync(MainSubmit(page), "review-queue");
        Assert.Equal("/reviews", PathOf(page));

        // The account remembers the language: choose the journey's (the other journey may have changed it).
        var choose = page.Locator($"button[name=language][value={(malayalam ? "ml" : "en")}]");
        if (await choose.CountAsync() > 0)
        {
            await j.ClickAsync(choose, "review-queue-language");
        }

        j.ExpectMalayalam = malayalam;
        await page.Locator("#q").FillAsync(udyam);
        await j.ClickAsync(page.Locator("form[role=search] button[type=submit]"), "review-queue-search");
        await j.ClickAsync(page.Locator($"main a[href='/reviews/{assessmentId}']"), "review");

        var take = page.Locator($"form[action='/reviews/{assessmentId}?handler=take'] button");
        if (await take.CountAsync() > 0)
        {
            await j.ClickAsync(take, "taken");
        }

        // Verify every input that has its document or needs none: each decision saves and shows the page again with the
        // new version. The others say why they cannot be verified, and keep the evidence the enterprise declared.
        var decisions = page.Locator("input[name=Decision][value=verified]");
        var total = await decisions.CountAsync();
        Assert.True(total > 0, "No inputs to decide on the review page");
        var verifiable = 0;
        for (var i = 0; i < total; i++)
        {
            var form = page.Locator("form[action*='handler=input']").Nth(i);
            if (await form.Locator("fieldset .govuk-hint").CountAsync() > 0)
            {
                continue;
            }

            verifiable++;
            await form.Locator("input[name=Decision][value=verified]").CheckAsync();
            await j.ClickAsync(form.Locator("button[type=submit]"), $"verified-{i + 1}");
        }

        Assert.True(verifiable > 0, "The uploaded document should let at least one input be verified");

        await j.ClickAsync(page.Locator("form[action*='handler=approve'] button[type=submit]"), "approved");
        var certificate = page.Locator("main a[href^='/verify/']").First;
        await Assertions.Expect(certificate).ToBeVisibleAsync();
        return (await certificate.GetAttributeAsync("href"))!["/verify/".Length..];
    }

    /// <summary>Fills each field of an input page with its answer: text, yes/no radios, a select or checkboxes.</summary>
    private static async Task FillAsync(IPage page, IReadOnlyDictionary<string, Answer> answers)
    {
        var names = await page.Locator("main form [name^='Values.']").EvaluateAllAsync<string[]>("els => [...new Set(els.map(e => e.name))]");
        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            Assert.True(answers.TryGetValue(name, out var answer), $"No answer for {name}");
            var field = page.Locator($"main form [name='{name}']");
            switch (answer.Type)
            {
                case InputType.Boolean:
                    if (answer.Text.Length > 0)
                    {
                        await page.Locator($"main form input[name='{name}'][value='{answer.Text}']").CheckAsync();
                    }

                    break;
                case InputType.Codes:
                    foreach (var choice in answer.Choices)
                    {
                        await page.Locator($"main form input[name='{name}'][value='{choice}']").CheckAsync();
                    }

                    break;
                case InputType.Enum:
                    await field.SelectOptionAsync(answer.Text);
                    break;
                default:
                    await field.FillAsync(answer.Text);
                    break;
            }
        }
    }

    /// <summary>Where the browser is, without the query or the fragment.</summary>
    private static string PathOf(IPage page) => new Uri(page.Url).AbsolutePath;

    /// <summary>The submit button of the page's main form (not the sign-out or language buttons in the banner).</summary>
    private static ILocator MainSubmit(IPage page) => page.Locator("main form button[type=submit].govuk-button").First;

    /// <summary>A GSTIN for a Kerala business (state code 32) with a random PAN and the right check character.</summary>
    private static string NewGstin()
    {
        const string letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        var pan = string.Concat(
            Enumerable.Range(0, 3).Select(_ => letters[RandomNumberGenerator.GetInt32(letters.Length)]))
            + "P" + letters[RandomNumberGenerator.GetInt32(letters.Length)]
            + RandomNumberGenerator.GetInt32(1000, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture)
            + letters[RandomNumberGenerator.GetInt32(letters.Length)];
        var first14 = "32" + pan + "1Z";
        return first14 + Gstin.CheckCharacter(first14);
    }

    private static async Task<string> ApiTokenAsync(IAPIRequestContext api, string email)
    {
        var response = await api.PostAsync("/api/v1/auth/login", new() { DataObject = new { email, password = Password } });
        return (await JsonAsync(response)).GetProperty("accessToken").GetString()!;
    }

    private static async Task<JsonElement> VerifyAsync(IAPIRequestContext api, string payload, string signature) =>
        await JsonAsync(await api.PostAsync("/api/v1/certificates/verify", new() { DataObject = new { payload, signature } }));

    private static Dictionary<string, string> Bearer(string token) => new() { ["Authorization"] = "Bearer " + token };

    private static async Task<JsonElement> JsonAsync(IAPIResponse response)
    {
        Assert.True(response.Ok, $"{response.Url} answered {response.Status}: {await response.TextAsync()}");
        using var document = JsonDocument.Parse(await response.TextAsync());
        return document.RootElement.Clone();
    }
}
