#if !POSTGRES
using HiTech.Web.Tests.EndToEnd;
using Microsoft.Playwright;

namespace HiTech.Web.Tests.Maturity;

/// <summary>
/// The digital maturity assessment in a real browser (the system's Chromium, like EndToEnd/), in English and in
/// Malayalam: sign in, start, the six pages of the short screen, the first estimate, one deeper module, the result on a
/// phone-sized screen, and finishing. Every page is screenshotted (bin/.../artifacts/screenshots/maturity-*) and checked
/// with axe-core; a serious or critical violation fails the test. (Compiled out of the PostgreSQL test assembly, which
/// has no browser tests.)
/// </summary>
public sealed class MaturityEndToEndTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public Task The_short_screen_and_the_result_work_in_English() => JourneyAsync("maturity-en", malayalam: false);

    [Fact]
    public Task The_short_screen_and_the_result_work_in_Malayalam() => JourneyAsync("maturity-ml", malayalam: true);

    private async Task JourneyAsync(string name, bool malayalam)
    {
        fixture.SkipIfUnavailable();
        var firm = await Firms.CreateAsync(fixture.Factory.Services, employees: 6, language: malayalam ? "ml" : "en");
        await using var j = await fixture.StartAsync(name, malayalam ? "ml" : null);
        var page = j.Page;

        await j.GotoAsync("/account/sign-in", "sign-in");
        await page.Locator("#Email").FillAsync(firm.Email);
        await page.Locator("#Password").FillAsync(Firms.Password);
        await j.ClickAsync(page.Locator("main form button[type=submit].govuk-button").First, "signed-in");
        j.ExpectMalayalam = malayalam;

        // The menu leads to the assessment; start it.
        await j.ClickAsync(page.Locator("header a[href='/maturity']"), "maturity");
        await j.ClickAsync(page.Locator("main a[href='/maturity/start']"), "start");
        await j.ClickAsync(page.Locator("main form button[type=submit].govuk-button"), "screen-1");

        // The short screen: six pages, two questions each; the second answer of each single question, the first tick of each list.
        for (var step = 1; step <= 6; step++)
        {
            Assert.EndsWith($"/screen/{step}", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
            var questions = page.Locator("main form fieldset");
            Assert.Equal(2, await questions.CountAsync());
            for (var q = 0; q < 2; q++)
            {
                var fieldset = questions.Nth(q);
                if (await fieldset.Locator("input[type=radio]").CountAsync() > 0)
                {
                    await fieldset.Locator("label.govuk-radios__label").Nth(1).ClickAsync();
                }
                else
                {
                    await fieldset.Locator("label.govuk-checkboxes__label").First.ClickAsync();
                }
            }

            await j.ClickAsync(ContinueButton(page), step < 6 ? $"screen-{step + 1}" : "first-estimate");
        }

        // The first estimate at once, with the radar chart and the parts that fit this firm.
        Assert.Matches("^/maturity/[0-9a-f-]{36}$", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator("main .govuk-panel")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main figure svg[role=img]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main .govuk-task-list")).ToBeVisibleAsync();

        // One deeper module, then back to the result.
        await j.ClickAsync(page.Locator("main a.govuk-button[href*='/modules/']"), "module-1");
        var fieldsets = page.Locator("main form fieldset");
        for (var q = 0; q < await fieldsets.CountAsync(); q++)
        {
            var fieldset = fieldsets.Nth(q);
            var labels = fieldset.Locator("label.govuk-radios__label");
            await (await labels.CountAsync() > 0 ? labels.Nth(2) : fieldset.Locator("label.govuk-checkboxes__label").First).ClickAsync();
        }

        await j.ClickAsync(ContinueButton(page), "module-2");
        await j.ClickAsync(page.Locator("main a.govuk-link[href^='/maturity/']").Last, "result");

        // On a phone: nothing wider than the screen.
        await page.SetViewportSizeAsync(375, 812);
        await j.RecordAsync("result-phone");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 1, $"The result page is {overflow}px wider than a phone screen");
        await page.SetViewportSizeAsync(1280, 900);

        // Finish: the result is kept and the score goes to the assessment.
        await j.ClickAsync(page.Locator("main form[action*='handler=complete'] button"), "finished");
        await Assertions.Expect(page.Locator("main .govuk-notification-banner--success")).ToBeVisibleAsync();
        await j.ClickAsync(page.Locator("header a[href='/maturity']"), "list");

        Assert.True(j.NotMalayalam.Count == 0, "Pages not in Malayalam:\n  " + string.Join("\n  ", j.NotMalayalam));
        Assert.True(j.Violations.Count == 0, "axe-core found serious or critical accessibility problems:\n  " + string.Join("\n  ", j.Violations.Distinct()));
    }

    private static ILocator ContinueButton(IPage page) => page.Locator("main button.govuk-button[name=action][value=continue]");
}
#endif
