using Microsoft.Playwright;

namespace HiTech.Web.Tests.EndToEnd;

/// <summary>
/// The header, the menu and the score bars are drawn with the fonts the platform ships (Noto Sans and Noto Sans
/// Malayalam from wwwroot/fonts), not a serif fallback: checked in Chromium by the computed style and by the fonts
/// Chromium actually used for the text (DevTools' CSS.getPlatformFontsForNode). Screenshots at 1280 and 390 px.
/// </summary>
public sealed partial class JourneyTests
{
    private static readonly string[] ShippedFamilies = ["Noto Sans", "Noto Sans Malayalam"];

    [Theory]
    [InlineData("en")]
    [InlineData("ml")]
    public async Task The_header_menu_and_score_bars_use_the_shipped_fonts(string language)
    {
        fixture.SkipIfUnavailable();
        await using var owner = await fixture.StartAsync("5-fonts-" + language, acceptLanguage: language);
        await SignInAsync(owner, DemoSeeder.OwnerEmail);
        await SwitchLanguageAsync(owner, language);

        await owner.GotoAsync("/assessments", "assessments");
        await owner.ClickAsync(owner.Page.Locator("main a[href$='/result']").First, "result");
        var page = owner.Page;
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        await page.EvaluateAsync("() => document.fonts.ready");

        var loaded = await page.EvaluateAsync<string[]>("() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family.replace(/\"/g, ''))");
        Assert.Contains(language == "ml" ? "Noto Sans Malayalam" : "Noto Sans", loaded);

        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("DOM.enable");
        await cdp.SendAsync("CSS.enable");
        var root = (await cdp.SendAsync("DOM.getDocument", new() { ["depth"] = 0 }))!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
        foreach (var selector in new[] { ".hitech-header__title", ".hitech-header__nav a", ".hitech-header__nav button", ".hitech-bars li span", ".hitech-bar__value" })
        {
            var family = await page.Locator(selector).First.EvaluateAsync<string>("e => getComputedStyle(e).fontFamily");
            Assert.StartsWith("\"Noto Sans\"", family, StringComparison.Ordinal);

            var node = (await cdp.SendAsync("DOM.querySelector", new() { ["nodeId"] = root, ["selector"] = selector }))!.Value.GetProperty("nodeId").GetInt32();
            var used = (await cdp.SendAsync("CSS.getPlatformFontsForNode", new() { ["nodeId"] = node }))!.Value.GetProperty("fonts").EnumerateArray()
                .Select(f => (Family: f.GetProperty("familyName").GetString()!, Custom: f.GetProperty("isCustomFont").GetBoolean())).ToList();
            Assert.NotEmpty(used);
            Assert.All(used, f => Assert.True(f.Custom && ShippedFamilies.Contains(f.Family), $"{selector} is drawn with {f.Family} ({(f.Custom ? "web font" : "system font")})"));
        }

        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(owner.Folder, $"result-{language}-{width}.png"), FullPage = true });
        }
    }
}
