using System.Net;
using HiTech.Web.Infrastructure;
using HiTech.Web.Tests.Infrastructure;
using HiTech.Web.Tests.Reviews;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HiTech.Web.Tests.Admin;

/// <summary>An account created by an admin has a temporary password that must be replaced before anything else.</summary>
public sealed class ChangePasswordTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static CancellationToken None => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_temporary_password_leads_straight_to_choosing_a_new_one()
    {
        var email = $"temp-{Guid.NewGuid():N}@demo.local";
        await platform.CreateUserAsync(email, Roles.Analyst);
        await platform.WithDbAsync(async db =>
        {
            var user = db.Users.Single(u => u.Email == email);
            user.MustChangePassword = true;
            return await db.SaveChangesAsync(None);
        });

        using var client = platform.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await Form(client, "/account/sign-in", new() { ["Email"] = email, ["Password"] = TestHost.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var elsewhere = await client.GetAsync("/analytics", None);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal("/account/change-password", elsewhere.Headers.Location!.OriginalString);

        var mismatch = await Form(client, "/account/change-password", new() { ["CurrentPassword"] = TestHost.Password, ["NewPassword"] = "Better#Pass1", ["ConfirmPassword"] = "Other#Pass1" });
        Assert.Contains("The two passwords are not the same", await mismatch.Content.ReadAsStringAsync(None), StringComparison.Ordinal);

        var changed = await Form(client, "/account/change-password", new() { ["CurrentPassword"] = TestHost.Password, ["NewPassword"] = "Better#Pass1", ["ConfirmPassword"] = "Better#Pass1" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/analytics", None)).StatusCode);
        Assert.False(await platform.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == email).MustChangePassword)));
    }

    private static async Task<HttpResponseMessage> Form(HttpClient client, string page, Dictionary<string, string> fields)
    {
        var html = await (await client.GetAsync(page, None)).Content.ReadAsStringAsync(None);
        fields["__RequestVerificationToken"] = Browser.Token(html);
        return await client.PostAsync(page, new FormUrlEncodedContent(fields), None);
    }
}
