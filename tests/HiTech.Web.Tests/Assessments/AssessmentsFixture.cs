using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using HiTech.Core.Frameworks;
using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Assessments;

/// <summary>
/// The platform in memory for the assessment tests, with a browser-like client (its own cookie jar, so a test can
/// drop the language cookie), form posts carrying the page's antiforgery token, bearer clients, and draft
/// assessments made to order for a year of their own, so tests never depend on one another.
/// </summary>
public sealed partial class AssessmentsFixture : IAsyncLifetime
{
    public const string Password = "Demo#2025";

    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private int _year = 1970;

    public WebAppFactory Factory { get; } = new();

    public ValueTask InitializeAsync()
    {
        if (WebAppFactory.SkipReason is not null)
        {
            return ValueTask.CompletedTask;
        }

        _ = Factory.Server;
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>A signed-in browser: cookies kept in <see cref="Browser.Cookies"/>, redirects not followed.</summary>
    public async Task<Browser> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        var client = Factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        var browser = new Browser(client, cookies);
        var response = await browser.PostFormAsync("/account/sign-in", "/account/sign-in", new() { ["Email"] = [email], ["Password"] = [Password] });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>An API client with the account's bearer token from POST /api/v1/auth/login (cached: the sign-in rate limit).</summary>
    public async Task<HttpClient> ApiAsync(string email, string? language = null)
    {
        if (!_tokens.TryGetValue(email, out var token))
        {
            using var anonymous = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
            response.EnsureSuccessStatusCode();
            var body = await JsonAsync(response);
            token = body.GetProperty("accessToken").GetString()!;
            _tokens[email] = token;
        }

        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<Guid> OwnerOrganisationAsync() =>
        WithDbAsync(async db => (await db.Users.Where(u => u.Email == DemoSeeder.OwnerEmail).Select(u => u.OrganisationId).SingleAsync())!.Value);

    /// <summary>
    /// A fresh Draft assessment of the demo owner's organisation, for a year no other test uses; filled, it carries
    /// the values of one of the organisation's approved demo assessments (which the engine accepts).
    /// </summary>
    public async Task<Guid> CreateDraftAsync(bool filled = false)
    {
        var organisation = await OwnerOrganisationAsync();
        var year = Interlocked.Increment(ref _year);
        return await WithDbAsync(async db =>
        {
            var framework = await db.FrameworkVersions.AsNoTracking().Where(f => f.Active).Select(f => new { f.FrameworkId, f.Version }).FirstAsync();
            var source = filled
                ? await db.Assessments.AsNoTracking().Where(a => a.OrganisationId == organisation && a.Status == AssessmentStatus.Approved).OrderBy(a => a.Year).Select(a => a.Id).FirstAsync()
                : Guid.Empty;
            var template = await db.AssessmentInputs.AsNoTracking().Where(i => i.AssessmentId == source).ToListAsync();
            var now = DateTimeOffset.UtcNow;
            var assessment = new Assessment
            {
                Id = Guid.NewGuid(),
                OrganisationId = organisation,
                Year = year,
                FrameworkId = framework.FrameworkId,
                FrameworkVersion = framework.Version,
                Status = AssessmentStatus.Draft,
                CreatedAt = now,
                UpdatedAt = now,
                Inputs = [.. template.Select(i => new AssessmentInput { Id = Guid.NewGuid(), InputId = i.InputId, Number = i.Number, Flag = i.Flag, Text = i.Text, Evidence = EvidenceLevel.SelfDeclared })],
            };
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync();
            return assessment.Id;
        });
    }

    /// <summary>Another organisation's assessment (one with a result), which the demo owner must never reach.</summary>
    public async Task<Guid> OtherOrganisationsAssessmentAsync()
    {
        var organisation = await OwnerOrganisationAsync();
        return await WithDbAsync(db => db.Assessments.AsNoTracking()
            .Where(a => a.OrganisationId != organisation && a.Status == AssessmentStatus.Approved)
            .OrderBy(a => a.Id)
            .Select(a => a.Id)
            .FirstAsync());
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>A small real PDF (the signature is what the platform checks).</summary>
    public static byte[] Pdf(string text = "Audited accounts") =>
        System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex TokenPattern();

    [GeneratedRegex("name=\"Version\" value=\"(\\d+)\"")]
    internal static partial Regex VersionPattern();
}

/// <summary>A browser-like client: cookies, no automatic redirects, forms posted with the page's antiforgery token.</summary>
public sealed class Browser(HttpClient client, CookieContainer cookies) : IDisposable
{
    public HttpClient Client { get; } = client;

    public CookieContainer Cookies { get; } = cookies;

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(url);

    public async Task<string> GetHtmlAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Forgets the language chosen at sign-in, so the request's Accept-Language decides.</summary>
    public void UseAcceptLanguage(string language)
    {
        foreach (Cookie cookie in Cookies.GetAllCookies())
        {
            if (cookie.Name == ".AspNetCore.Culture")
            {
                cookie.Expired = true;
            }
        }

        Client.DefaultRequestHeaders.AcceptLanguage.Clear();
        Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
    }

    public static string Token(string html)
    {
        var match = AssessmentsFixture.TokenPattern().Match(html);
        Assert.True(match.Success, "No antiforgery token on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static string Version(string html)
    {
        var match = AssessmentsFixture.VersionPattern().Match(html);
        Assert.True(match.Success, "No version field on the page");
        return match.Groups[1].Value;
    }

    /// <summary>GETs the page with the form, then posts the fields (repeated names allowed) with its token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string[]> fields, bool withVersion = false)
    {
        var html = await GetHtmlAsync(formPage);
        return await PostFormWithAsync(html, action, fields, withVersion ? Version(html) : null);
    }

    /// <summary>Posts to a form already read (another "tab" may have saved in between).</summary>
    public async Task<HttpResponseMessage> PostFormWithAsync(string html, string action, Dictionary<string, string[]> fields, string? version)
    {
        var pairs = fields.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v))).ToList();
        pairs.Add(new("__RequestVerificationToken", Token(html)));
        if (version is not null)
        {
            pairs.Add(new("Version", version));
        }

        return await Client.PostAsync(action, new FormUrlEncodedContent(pairs));
    }

    /// <summary>Uploads a file through the evidence page's multipart form.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string evidencePage, byte[] content, string fileName, string contentType)
    {
        var html = await GetHtmlAsync(evidencePage);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token(html)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "File", fileName);
        return await Client.PostAsync(evidencePage + "?handler=upload", form);
    }

    public void Dispose() => Client.Dispose();
}
