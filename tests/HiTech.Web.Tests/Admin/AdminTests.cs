using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Tests.Infrastructure;
using HiTech.Web.Tests.Reviews;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Admin;

/// <summary>Administration: framework versions (upload, validation, activation) and staff accounts, all audited.</summary>
public sealed partial class AdminTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    private static string ShippedFramework() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference-data", "frameworks", "kerala-htmf", "2025.1", "framework.yaml"));

    private static async Task<HttpResponseMessage> UploadAsync(Browser browser, string yaml, string name)
    {
        var form = await browser.GetAsync("/admin/frameworks/upload", None);
        var token = Browser.Token(await form.Content.ReadAsStringAsync(None));
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(yaml)), "Upload", name },
        };
        return await browser.Client.PostAsync("/admin/frameworks/upload", content, None);
    }

    [Fact]
    public async Task An_invalid_framework_shows_every_error_with_its_place_and_rule_and_stores_nothing()
    {
        using var browser = await platform.SignInAsync(DemoSeeder.AdminEmail);
        var before = await platform.WithDbAsync(db => db.FrameworkVersions.CountAsync());
        var auditBefore = await platform.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Entity == "FrameworkVersion"));

        // A new version with two faults: an expression naming an unknown input, and a misspelt field.
        var yaml = ShippedFramework()
            .Replace("version: \"2025.1\"", "version: \"2099.9\"", StringComparison.Ordinal)
            .Replace("expression: div(rd_staff, employees, 0)", "expression: div(rd_staf, employees, 0)", StringComparison.Ordinal)
            .Replace("    title: { en: Annual turnover, ml: വാർഷിക വിറ്റുവരവ് }", "    titel: { en: Annual turnover, ml: വാർഷിക വിറ്റുവരവ് }", StringComparison.Ordinal);
        var response = await UploadAsync(browser, yaml, "bad-framework.yaml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(None);
        Assert.Contains("was not published", html, StringComparison.Ordinal);
        Assert.Matches(@"<code>\d+:\d+</code>", html);
        Assert.Contains("unknown-field", html, StringComparison.Ordinal);
        Assert.Equal(before, await platform.WithDbAsync(db => db.FrameworkVersions.CountAsync()));
        Assert.Equal(auditBefore, await platform.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Entity == "FrameworkVersion")));

        // An expression fault (found by the compiler once the structure is sound) is listed the same way.
        var expression = ShippedFramework()
            .Replace("version: \"2025.1\"", "version: \"2099.8\"", StringComparison.Ordinal)
            .Replace("expression: div(rd_staff, employees, 0)", "expression: div(rd_staf, employees, 0)", StringComparison.Ordinal);
        var compiled = await (await UploadAsync(browser, expression, "expression.yaml")).Content.ReadAsStringAsync(None);
        Assert.Contains("rd_staf", compiled, StringComparison.Ordinal);
        Assert.Matches(@"<code>[1-9]\d*:[1-9]\d*</code>", compiled);

        // Not YAML at all, and a version already published.
        var broken = await (await UploadAsync(browser, "id: [unclosed", "broken.yaml")).Content.ReadAsStringAsync(None);
        Assert.Contains("was not published", broken, StringComparison.Ordinal);
        var same = await (await UploadAsync(browser, ShippedFramework(), "framework.yaml")).Content.ReadAsStringAsync(None);
        Assert.Contains("version-exists", same, StringComparison.Ordinal);
        Assert.Equal(before, await platform.WithDbAsync(db => db.FrameworkVersions.CountAsync()));
    }

    [Fact]
    public async Task A_valid_framework_is_published_then_put_in_force_and_old_assessments_keep_their_version()
    {
        using var browser = await platform.SignInAsync(DemoSeeder.AdminEmail);
        var yaml = ShippedFramework().Replace("version: \"2025.1\"", "version: \"2026.1\"", StringComparison.Ordinal);
        var published = await UploadAsync(browser, yaml, "framework.yaml");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var row = await platform.WithDbAsync(db => db.FrameworkVersions.AsNoTracking().SingleAsync(f => f.Version == "2026.1"));
        Assert.False(row.Active);
        Assert.Equal(await platform.UserIdAsync(DemoSeeder.AdminEmail), row.PublishedBy);

        var list = await (await browser.GetAsync("/admin/frameworks", None)).Content.ReadAsStringAsync(None);
        Assert.Contains("2026.1", list, StringComparison.Ordinal);
        var activated = await browser.SubmitAsync("/admin/frameworks", $"/admin/frameworks?handler=activate&versionId={row.Id}", []);
        Assert.Equal(HttpStatusCode.Redirect, activated.StatusCode);

        var (active, oldAssessments, audit) = await platform.WithDbAsync(async db => (
            await db.FrameworkVersions.Where(f => f.Active).Select(f => f.Version).ToListAsync(None),
            await db.Assessments.CountAsync(a => a.FrameworkVersion == "2025.1"),
            await db.AuditEntries.Where(e => e.Entity == "FrameworkVersion").Select(e => e.Action).ToListAsync(None)));
        Assert.Equal(["2026.1"], active);
        Assert.True(oldAssessments > 0);
        Assert.Contains(AuditAction.Publish, audit);
        Assert.Contains(AuditAction.Activate, audit);

        // Put the shipped version back in force for the other tests of this class.
        var shipped = await platform.WithDbAsync(db => db.FrameworkVersions.Where(f => f.Version == "2025.1").Select(f => f.Id).SingleAsync());
        await browser.SubmitAsync("/admin/frameworks", $"/admin/frameworks?handler=activate&versionId={shipped}", []);
    }

    [Fact]
    public async Task An_admin_creates_a_staff_account_with_a_temporary_password_and_locks_unlocks_and_changes_its_role()
    {
        using var browser = await platform.SignInAsync(DemoSeeder.AdminEmail);
        var email = $"new-analyst-{Guid.NewGuid():N}@demo.local";

        var invalid = await browser.SubmitAsync("/admin/users/new", "/admin/users/new", new() { ["Name"] = "", ["Email"] = "not-an-email", ["Role"] = "Enterprise" });
        var errors = await invalid.Content.ReadAsStringAsync(None);
        Assert.Contains("Enter the person&#x27;s name", errors.Replace("'", "&#x27;", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Choose a role from the list", errors, StringComparison.Ordinal);

        var created = await browser.SubmitAsync("/admin/users/new", "/admin/users/new", new() { ["Name"] = "New Analyst", ["Email"] = email, ["Role"] = Roles.Analyst });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var html = await created.Content.ReadAsStringAsync(None);
        var password = WebUtility.HtmlDecode(Password().Match(html).Groups[1].Value);
        Assert.Equal(16, password.Length);

        using var anonymous = platform.Anonymous();
        var temporary = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, None);
        Assert.Equal(HttpStatusCode.Unauthorized, temporary.StatusCode);
        Assert.Contains("temporary password", await temporary.Content.ReadAsStringAsync(None), StringComparison.Ordinal);

        // The person chooses their own password on the website (see ChangePasswordTests); here it is simply cleared.
        var id = await platform.UserIdAsync(email);
        await platform.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == id, None);
            user.MustChangePassword = false;
            return await db.SaveChangesAsync(None);
        });
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, None)).StatusCode);

        var users = await (await browser.GetAsync($"/admin/users?q={email}", None)).Content.ReadAsStringAsync(None);
        Assert.Contains(email, users, StringComparison.Ordinal);
        Assert.Contains("Analyst", users, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/admin/users", $"/admin/users?handler=lock&userId={id}", [])).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, None)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/admin/users", $"/admin/users?handler=unlock&userId={id}", [])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password }, None)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/admin/users", $"/admin/users?handler=role&userId={id}", new() { ["Role"] = Roles.Assessor })).StatusCode);
        var roles = await platform.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name).ToListAsync(None));
        Assert.Equal([Roles.Assessor], roles);

        // An admin cannot lock themselves out.
        var me = await platform.UserIdAsync(DemoSeeder.AdminEmail);
        var self = await browser.SubmitAsync("/admin/users", $"/admin/users?handler=lock&userId={me}", []);
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Contains("That change is not allowed", await self.Content.ReadAsStringAsync(None), StringComparison.Ordinal);

        var audit = await platform.WithDbAsync(db => db.AuditEntries.Where(e => e.Entity == "User" && e.EntityId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(None));
        Assert.Equal([AuditAction.Create, AuditAction.Lock, AuditAction.Unlock, AuditAction.ChangeRole], audit);
    }

    [Fact]
    public async Task Only_admins_reach_the_administration_pages()
    {
        foreach (var email in new[] { DemoSeeder.OwnerEmail, DemoSeeder.AssessorEmail, DemoSeeder.AnalystEmail })
        {
            using var browser = await platform.SignInAsync(email);
            foreach (var path in new[] { "/admin", "/admin/users", "/admin/frameworks", "/admin/certificates" })
            {
                var response = await browser.GetAsync(path, None);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/account/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
            }
        }

        using var admin = await platform.SignInAsync(DemoSeeder.AdminEmail);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin", None)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users", None)).StatusCode);
    }

    [GeneratedRegex("<code id=\"temporary-password\">([^<]+)</code>")]
    private static partial Regex Password();
}
