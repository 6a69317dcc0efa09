using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using HiTech.Core.Frameworks;
using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Features.Assessments;
using HiTech.Web.Infrastructure.Frameworks;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HiTech.Web.Tests.EndToEnd;

/// <summary>
/// The real platform on Kestrel (a loopback port, SQLite, demo data) and the system's Chromium driven by Playwright,
/// shared by the end-to-end tests. Chromium comes from HITECH_TEST_CHROMIUM (default /usr/bin/chromium); without it
/// the tests are skipped with the reason. Nothing is downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "HITECH_TEST_CHROMIUM";

    private IPlaywright? _playwright;

    public BrowserFixture()
    {
        ChromiumPath = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : "/usr/bin/chromium";
        SkipReason = WebAppFactory.SkipReason
            ?? (File.Exists(ChromiumPath) ? null : $"Chromium not available at {ChromiumPath}: install Debian's chromium or set {ChromiumVariable} (.ci/run does)");
        ScreenshotRoot = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");
    }

    public string ChromiumPath { get; }

    /// <summary>Why the browser tests cannot run here, or null.</summary>
    public string? SkipReason { get; }

    /// <summary>Where each step's screenshot is saved (bin/.../artifacts/screenshots/&lt;journey&gt;/).</summary>
    public string ScreenshotRoot { get; }

    public WebAppFactory Factory { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (SkipReason is not null)
        {
            return;
        }

        BaseAddress = Factory.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }

    /// <summary>Skips the calling test when the browser or the database is not available.</summary>
    public void SkipIfUnavailable()
    {
        if (SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>A fresh browser (own cookies) on the platform, <paramref name="width"/> pixels wide (390: a phone), with a recorder for its pages.</summary>
    public async Task<Journey> StartAsync(string name, string? acceptLanguage = null, int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString().TrimEnd('/'),
            Locale = acceptLanguage ?? "en-GB",
            ViewportSize = new ViewportSize { Width = width, Height = width < 640 ? 844 : 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        var folder = Path.Combine(ScreenshotRoot, name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshots: {folder}");
        return new Journey(context, await context.NewPageAsync(), folder);
    }

    /// <summary>
    /// What to type into each field of an assessment under the active framework ("Values.&lt;input id&gt;"): the figures of
    /// an approved demo assessment, written as the platform itself writes them into its forms.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Answer>> AnswersAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var framework = await scope.ServiceProvider.GetRequiredService<FrameworkStore>().ActiveAsync(CancellationToken.None);
        var template = await db.Assessments.AsNoTracking().Include(a => a.Inputs)
            .Where(a => a.Status == AssessmentStatus.Approved && a.FrameworkId == framework.Id && a.FrameworkVersion == framework.Version)
            .OrderBy(a => a.Id)
            .FirstAsync();
        var answers = new Dictionary<string, Answer>(StringComparer.Ordinal);
        foreach (var input in framework.Inputs)
        {
            var stored = StoredValue.Of(template.Inputs.FirstOrDefault(i => i.InputId == input.Id));
            answers[InputField.Prefix + input.Id] = new Answer(input.Type, InputParser.FormText(input, stored), InputParser.FormChoices(stored));
        }

        return answers;
    }

    /// <summary>A small file that starts like a PDF (the platform checks the signature, not the name).</summary>
    public static byte[] Pdf(string text) =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");
}

/// <summary>A value to enter in one assessment field.</summary>
public sealed record Answer(InputType Type, string Text, IReadOnlyList<string> Choices);

/// <summary>
/// One person's session in the browser: every page it reaches is screenshotted (numbered, in order) and checked with
/// axe-core once per distinct page; serious and critical violations are collected for the test to report.
/// </summary>
public sealed partial class Journey(IBrowserContext context, IPage page, string folder) : IAsyncDisposable
{
    private readonly HashSet<string> _checked = new(StringComparer.Ordinal);
    private int _step;

    public IPage Page => page;

    public string Folder => folder;

    /// <summary>Serious and critical axe-core violations (rule, page, help, targets): each fails the test.</summary>
    public List<string> Violations { get; } = [];

    /// <summary>Moderate and minor axe-core violations, reported but not failing.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Pages wider than the window (the reader would have to scroll sideways): step, address and widths.</summary>
    public List<string> Overflows { get; } = [];

    /// <summary>How many pages axe-core checked.</summary>
    public int AxeRuns { get; private set; }

    /// <summary>Pages whose main heading is not in Malayalam while the journey is (filled by <see cref="ExpectMalayalam"/>).</summary>
    public List<string> NotMalayalam { get; } = [];

    /// <summary>English sentences seen on Malayalam pages outside lang="en" (reported, not failing: often framework texts without a translation).</summary>
    public List<string> EnglishOnMalayalamPages { get; } = [];

    /// <summary>Each Malayalam page's visible main text outside lang="en" (what a reader takes to be Malayalam), by path.</summary>
    public List<(string Path, string Text)> MalayalamPageTexts { get; } = [];

    /// <summary>When true, each page must be served in Malayalam: &lt;html lang="ml"&gt; and a Malayalam main heading.</summary>
    public bool ExpectMalayalam { get; set; }

    public Task GotoAsync(string url, string step) => StepAsync(step, () => page.GotoAsync(url));

    /// <summary>Opens a page that must answer <paramref name="status"/> (e.g. 404 for an unknown certificate) and records it.</summary>
    public Task GotoAsync(string url, string step, int status) => StepAsync(step, () => page.GotoAsync(url), status);

    /// <summary>
    /// Clicks something that loads a new page (a link or a form's button), waits until the new page has loaded (the
    /// old one is marked, so a page re-displayed at the same address is told apart) and records it.
    /// </summary>
    public Task ClickAsync(ILocator target, string step) => StepAsync(step, async () =>
    {
        await page.EvaluateAsync("() => { window.__journeyOldPage = true; }");
        var response = await page.RunAndWaitForResponseAsync(
            () => target.ClickAsync(),
            r => r.Request.IsNavigationRequest && r.Frame == page.MainFrame && (r.Status < 300 || r.Status >= 400));
        await page.WaitForFunctionAsync("() => window.__journeyOldPage === undefined && document.readyState === 'complete'");
        return response;
    });

    /// <summary>Records the page as it is now (after something changed it without a navigation).</summary>
    public Task RecordAsync(string step) => StepAsync(step, () => Task.FromResult<IResponse?>(null));

    /// <summary>Writes what the journey saw to the test output: screenshots, pages checked, every axe-core finding.</summary>
    public async ValueTask DisposeAsync()
    {
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{Path.GetFileName(folder)}: {_step} screenshots in {folder}; axe-core checked {AxeRuns} pages: {Violations.Count} serious/critical, {Notes.Count} moderate/minor");
        foreach (var line in Violations.Concat(Notes).Concat(Overflows).Distinct())
        {
            output?.WriteLine("  " + line);
        }

        if (EnglishOnMalayalamPages.Count > 0)
        {
            output?.WriteLine($"English text on Malayalam pages ({EnglishOnMalayalamPages.Distinct().Count()}):");
            foreach (var line in EnglishOnMalayalamPages.Distinct())
            {
                output?.WriteLine("  " + line);
            }
        }

        await context.DisposeAsync();
    }

    private async Task StepAsync(string step, Func<Task<IResponse?>> action, int? status = null)
    {
        var response = await action();
        if (status is { } expected && response?.Status != expected)
        {
            await ScreenshotAsync(step + "-failed");
            Assert.Fail($"{step}: {page.Url} answered {response?.Status}, not {expected}");
        }

        if (status is null && response is not null && response.Status >= 400)
        {
            await ScreenshotAsync(step + "-failed");
            Assert.Fail($"{step}: {page.Url} answered {response.Status}");
        }

        await ScreenshotAsync(step);
        var path = new Uri(page.Url).AbsolutePath;
        var window = page.ViewportSize?.Width ?? 0;
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        if (scrollWidth > window)
        {
            Overflows.Add($"{step} ({path}): {scrollWidth} px wide in a {window} px window");
        }

        var heading = await HeadingAsync();
        if (ExpectMalayalam)
        {
            var lang = await page.GetAttributeAsync("html", "lang");
            if (lang != "ml" || !MalayalamScript().IsMatch(heading))
            {
                NotMalayalam.Add($"{step} ({path}): lang=\"{lang}\", heading \"{heading}\"");
            }

            foreach (var text in await page.EvaluateAsync<string[]>(EnglishTextScript))
            {
                EnglishOnMalayalamPages.Add($"{path}: {text}");
            }

            MalayalamPageTexts.Add((path, await page.EvaluateAsync<string>(NotMarkedEnglishScript)));
        }

        // axe-core once per distinct page (its path and heading), not on every re-display of the same form.
        if (_checked.Add(path + "|" + heading))
        {
            var result = await page.RunAxe();
            AxeRuns++;
            foreach (var violation in result.Violations)
            {
                var targets = string.Join(", ", violation.Nodes.Take(5).Select(n => n.Target?.ToString()));
                var line = $"[{violation.Impact}] {violation.Id} on {path} ({step}): {violation.Help}. Targets: {targets}. {violation.HelpUrl}";
                (violation.Impact is "serious" or "critical" ? Violations : Notes).Add(line);
            }
        }
    }

    private async Task ScreenshotAsync(string step)
    {
        var name = $"{++_step:00}-{SafeName().Replace(step, "-")}.png";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
    }

    /// <summary>The page's main heading with the caption above it (some pages' headings are a name or a code).</summary>
    private async Task<string> HeadingAsync()
    {
        var parts = new List<string>();
        foreach (var selector in new[] { ".govuk-caption-l", "h1" })
        {
            var found = page.Locator(selector).First;
            if (await found.CountAsync() > 0)
            {
                parts.Add((await found.InnerTextAsync()).Trim());
            }
        }

        return string.Join(" / ", parts);
    }

    /// <summary>Visible text in the main content with four or more English words, no Malayalam, and no lang="en" around it.</summary>
    private const string EnglishTextScript = """
        () => {
          const found = new Set();
          const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const text = walker.currentNode.textContent.replace(/\s+/g, ' ').trim();
            const words = text.split(' ').filter(w => /^[A-Za-z][a-z]+[,.;:]?$/.test(w)).length;
            const element = walker.currentNode.parentElement;
            if (words >= 4 && !/[\u0D00-\u0D7F]/.test(text) && !element.closest('[lang="en"], code, pre, script, style') && element.offsetParent !== null) {
              found.add(text.slice(0, 100));
            }
          }
          return [...found];
        }
        """;

    /// <summary>The visible text of the main content, leaving out what is marked lang="en" (and code).</summary>
    private const string NotMarkedEnglishScript = """
        () => {
          const parts = [];
          const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const element = walker.currentNode.parentElement;
            if (!element.closest('[lang="en"], code, pre, script, style') && element.offsetParent !== null) {
              parts.push(walker.currentNode.textContent);
            }
          }
          return parts.join(' ').replace(/\s+/g, ' ');
        }
        """;

    [GeneratedRegex("[^A-Za-z0-9]+")]
    private static partial Regex SafeName();

    [GeneratedRegex("[\u0D00-\u0D7F]")]
    private static partial Regex MalayalamScript();
}
