using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace HiTech.Web.Infrastructure.Localization;

/// <summary>The two languages of the platform and how the request's language is chosen: the user's choice (cookie), then Accept-Language.</summary>
public static class Language
{
    public const string English = "en";
    public const string Malayalam = "ml";

    public static readonly CultureInfo[] Cultures = [new("en"), new("ml")];

    /// <summary>The language of the current request: "en" or "ml".</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Malayalam ? Malayalam : English;

    public static string Normalise(string? language) => language is not null && language.StartsWith(Malayalam, StringComparison.OrdinalIgnoreCase) ? Malayalam : English;

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(English),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
            FallBackToParentCultures = true,
            FallBackToParentUICultures = true,
        };

        // The user's explicit choice (a cookie) wins over the browser's Accept-Language; no query-string switching.
        options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        return options;
    }

    /// <summary>Remembers a language choice in the culture cookie for a year.</summary>
    public static void Remember(HttpResponse response, string language)
    {
        var value = CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Normalise(language)));
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, value, new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            IsEssential = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
        });
    }
}
