using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using HiTech.Core.Frameworks;
using HiTech.Web.Data;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Reviews;

/// <summary>
/// One in-memory platform per test class (demo data: 12 enterprises), with helpers for the reviews,
/// certificates, admin and analytics tests: bearer clients per account (tokens cached, so the sign-in rate limit
/// is not reached), signed-in browser clients, form posts with the antiforgery token, and assessments made to order.
/// </summary>
public sealed partial class PlatformFixture : IAsyncLifetime
{
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CookieContainer> _cookies = new(StringComparer.Ordinal);
    private int _year = 1990;

    public WebAppFactory Factory { get; } = new();

    public string Password => "Demo#2025";

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

    /// <summary>A client without cookies or redirects, for anonymous calls.</summary>
    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>An API client with the account's bearer token.</summary>
    public async Task<HttpClient> ApiAsync(string email)
    {
        if (!_tokens.TryGetValue(email, out var token))
        {
            using var anonymous = Anonymous();
            var response = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password });
            response.EnsureSuccessStatusCode();
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            token = body.RootElement.GetProperty("accessToken").GetString()!;
            _tokens[email] = token;
        }

        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A browser-like client (cookies, no automatic redirects) signed in through the sign-in page. The sign-in
    /// happens once per account and class (the sign-in rate limit allows 20 a minute); later clients share its cookies.
    /// </summary>
    public async Task<HttpClient> BrowserAsync(string email)
    {
        if (_cookies.TryGetValue(email, out var jar))
        {
            return Browser(jar);
        }

        jar = new CookieContainer();
        var client = Browser(jar);
        var response = await PostFormAsync(client, "/account/sign-in", "/account/sign-in", new() { ["Email"] = email, ["Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        _cookies[email] = jar;
        return client;
    }

    /// <summary>An enterprise account of this organisation (the demo owner may own none in a small demo).</summary>
    public async Task<string> OwnerOfAsync(Guid organisationId)
    {
        var email = $"owner-{organisationId:N}@demo.local";
        if (!await WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)))
        {
            await CreateUserAsync(email, Roles.Enterprise, organisationId);
        }

        return email;
    }

    private HttpClient Browser(CookieContainer jar)
    {
        var client = Factory.CreateDefaultClient(new CookieJar(jar));
        return client;
    }

    /// <summary>Keeps cookies like a browser, without following redirects.</summary>
    private sealed class CookieJar(CookieContainer container) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var uri = request.RequestUri!;
            var header = container.GetCookieHeader(uri);
            if (header.Length > 0)
            {
                request.Headers.Remove("Cookie");
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                foreach (var cookie in cookies)
                {
                    container.SetCookies(uri, cookie);
                }
            }

            return response;
        }
    }

    /// <summary>GETs the page with the form (for its antiforgery token), then posts the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetAsync(formPage);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {formPage}");
        var content = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(action, new FormUrlEncodedContent(content));
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Factory.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<Guid> UserIdAsync(string email) =>
        await WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Makes a staff account with the demo password (for a second assessor, say).</summary>
    public async Task<Guid> CreateUserAsync(string email, string role, Guid? organisation = null, string language = "en")
    {
        using var scope = Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, OrganisationId = organisation, Language = language, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user.Id;
    }

    /// <summary>
    /// A fresh Submitted assessment (a copy of a demo one's inputs, for a year of its own), with a provisional
    /// result and an evidence file per first input, assigned to <paramref name="assessor"/> (null: the open queue).
    /// Tests each make their own, so they never depend on one another.
    /// </summary>
    public async Task<Guid> CreateSubmittedAsync(Guid? assessor, Guid? organisationId = null)
    {
        var year = Interlocked.Increment(ref _year);
        return await WithDbAsync(async db =>
        {
            var template = await db.Assessments.AsNoTracking().Include(a => a.Inputs)
                .Where(a => a.Status == AssessmentStatus.Approved && (organisationId == null || a.OrganisationId == organisationId))
                .OrderBy(a => a.Id)
                .FirstAsync();
            var provisional = await db.AssessmentResults.AsNoTracking().FirstAsync(r => r.AssessmentId == template.Id);
            var now = DateTimeOffset.UtcNow;
            var assessment = new Assessment
            {
                Id = Guid.NewGuid(),
                OrganisationId = template.OrganisationId,
                Year = year,
                FrameworkId = template.FrameworkId,
                FrameworkVersion = template.FrameworkVersion,
                Status = AssessmentStatus.Submitted,
                AssessorId = assessor,
                CreatedAt = now,
                UpdatedAt = now,
                SubmittedAt = now,
                Inputs = [.. template.Inputs.Select(i => new AssessmentInput
                {
                    Id = Guid.NewGuid(),
                    InputId = i.InputId,
                    Number = i.Number,
                    Flag = i.Flag,
                    Text = i.Text,
                    Evidence = EvidenceLevel.SelfDeclared,
                    Review = ReviewState.Pending,
                })],
            };
            db.Assessments.Add(assessment);
            db.AssessmentResults.Add(new AssessmentResult
            {
                Id = Guid.NewGuid(),
                AssessmentId = assessment.Id,
                IsFinal = false,
                Index = provisional.Index,
                Tier = provisional.Tier,
                FrameworkId = provisional.FrameworkId,
                FrameworkVersion = provisional.FrameworkVersion,
                ExplanationJson = provisional.ExplanationJson,
                ComputedAt = now,
            });
            await db.SaveChangesAsync();
            return assessment.Id;
        });
    }

    /// <summary>Stores a PDF evidence file for an input of an assessment, through the real evidence store.</summary>
    public async Task<Guid> AddEvidenceAsync(Guid assessmentId, string inputId, byte[] content, string fileName)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<HiTech.Web.Infrastructure.Storage.EvidenceStore>();
        var owner = await db.Users.Where(u => u.Email == DemoSeeder.OwnerEmail).Select(u => u.Id).SingleAsync();
        using var stream = new MemoryStream(content);
        var (file, refusal) = await store.SaveAsync(stream, fileName, assessmentId, inputId, owner, CancellationToken.None);
        Assert.Null(refusal);
        db.EvidenceFiles.Add(file!);
        await db.SaveChangesAsync();
        return file!.Id;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static string AssessorEmail => DemoSeeder.AssessorEmail;

    public static string[] StaffRoles => [Roles.Assessor, Roles.Analyst, Roles.Admin];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
