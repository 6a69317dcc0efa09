using System.Net;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static HiTech.Web.Tests.Providers.ProviderTesting;

namespace HiTech.Web.Tests.Professionals;

/// <summary>
/// /professionals: returning professionals for verified enterprises (an approved assessment) and officers only, never
/// anyone else; searched by skill, sector, NIC, availability and district; no contact details; "Contact through the
/// platform" starts an expression of interest about one of the enterprise's open needs.
/// </summary>
public sealed class ProfessionalsPageTests(TestHost host) : IClassFixture<TestHost>
{
    private static object Professional(string name, string skills, string email) => new
    {
        name,
        kind = "professional",
        district = "Kozhikode",
        nicCodes = "10",
        languages = new[] { "en", "ml" },
        responseDays = 5,
        servicesEn = "Process engineering for food processing plants",
        contactEmail = email,
        skills,
        sectors = new[] { "food-technologies" },
        yearsAbroad = 17,
        availability = new[] { "consulting", "mentoring" },
        consent = true,
        version = 0,
    };

    [Fact]
    public async Task Only_verified_enterprises_and_officers_find_professionals_without_contact_details_and_contact_them_through_an_introduction()
    {
        var word = "Retortpouch" + Guid.NewGuid().ToString("N")[..6];
        var (_, id) = await ListedProviderAsync(host, $"pro-{word}@providers.test", Professional("Anitha Varghese", $"{word} sterilisation and HACCP audits in Oman", $"anitha-{word}@home.example"));
        await host.WithDbAsync(db => db.Users.Where(u => u.Email == $"pro-{word}@providers.test").ExecuteUpdateAsync(s => s.SetProperty(u => u.PhoneNumber, "+91 98470 12345"), None));
        var verifiedOrganisation = await host.WithDbAsync(db => db.Assessments.Where(a => a.Status == AssessmentStatus.Approved).Select(a => a.OrganisationId).FirstAsync(None));
        var verified = $"verified-{word}@enterprises.test";
        await host.CreateUserAsync(verified, Roles.Enterprise, verifiedOrganisation);
        var unverified = $"unverified-{word}@enterprises.test";
        await host.CreateUserAsync(unverified, Roles.Enterprise);
        var provider = $"other-provider-{word}@providers.test";
        await host.CreateUserAsync(provider, Roles.Provider);

        // Never public, and not for other roles.
        var anonymous = await host.Anonymous().GetAsync($"/professionals?skill={word}", None);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using (var browser = await host.BrowserAsync(provider))
        {
            var refused = await browser.GetAsync($"/professionals?skill={word}", None);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/account/access-denied", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        // An enterprise without an approved assessment is told how to get there, and sees no one (nor the header link).
        using (var browser = await host.BrowserAsync(unverified))
        {
            var page = await browser.GetHtmlAsync($"/professionals?skill={word}");
            Assert.Contains("Once an assessment of your enterprise is approved", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Anitha Varghese", page, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"/professionals\"", page, StringComparison.Ordinal);
        }

        // Nor can it send them an expression of interest, even about an open need of its own and knowing the id.
        var unverifiedNeed = await host.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == unverified, None);
            var organisation = new Organisation { Id = Guid.NewGuid(), Name = $"Unverified {word} works", UdyamNumber = $"UDYAM-KL-11-{Random.Shared.Next(1000000, 9999999)}", District = "Kozhikode", CreatedAt = DateTimeOffset.UtcNow };
            db.Organisations.Add(organisation);
            user.OrganisationId = organisation.Id;
            var posted = new Need { Id = Guid.NewGuid(), OrganisationId = organisation.Id, PostedBy = user.Id, HelpKind = "talent", Summary = "Advice on retorts", PrivateDetails = "", PostedAt = DateTimeOffset.UtcNow };
            db.Needs.Add(posted);
            await db.SaveChangesAsync(None);
            return posted.Id;
        });
        using (var browser = await host.BrowserAsync(unverified))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/introductions/send?need={unverifiedNeed}&provider={id}", None)).StatusCode);
        }

        // Not in the public directory.
        Assert.DoesNotContain("Anitha Varghese", await host.Anonymous().GetStringAsync($"/directory?q={word}", None), StringComparison.Ordinal);

        using (var officer = await host.BrowserAsync("officer@providers.test"))
        {
            Assert.Contains("Anitha Varghese", await officer.GetHtmlAsync($"/professionals?skill={word}"), StringComparison.Ordinal);
        }

        using var enterprise = await host.BrowserAsync(verified);
        var found = await enterprise.GetHtmlAsync($"/professionals?skill={word.ToUpperInvariant()}");
        Assert.Contains("href=\"/professionals\"", found, StringComparison.Ordinal);
        Assert.Contains("Anitha Varghese", found, StringComparison.Ordinal);
        Assert.Contains($"{word} sterilisation and HACCP audits in Oman", found, StringComparison.Ordinal);
        Assert.Contains(">17<", found, StringComparison.Ordinal);
        Assert.Contains("Consulting, Mentoring", found, StringComparison.Ordinal);
        Assert.Contains("Kozhikode", found, StringComparison.Ordinal);
        Assert.DoesNotContain($"anitha-{word}@home.example", found, StringComparison.Ordinal);
        Assert.DoesNotContain("98470", found, StringComparison.Ordinal);
        // No open need yet: the way to post one instead of a contact button.
        Assert.Contains("You have no open need yet.", found, StringComparison.Ordinal);
        Assert.DoesNotContain("Contact through the platform", found, StringComparison.Ordinal);

        // Filters: each one that fits keeps them, each one that does not leaves them out.
        async Task<bool> ListedAsync(string filters) => (await enterprise.GetHtmlAsync($"/professionals?skill={word}&{filters}")).Contains("Anitha Varghese", StringComparison.Ordinal);
        Assert.True(await ListedAsync("sector=food-technologies&nic=10&availability=mentoring&district=Kozhikode"));
        Assert.False(await ListedAsync("availability=job"));
        Assert.False(await ListedAsync("district=Kollam"));
        Assert.False(await ListedAsync("nic=26"));
        Assert.False(await ListedAsync("sector=electronics"));
        Assert.DoesNotContain("Anitha Varghese", await enterprise.GetHtmlAsync("/professionals?skill=nosuchskillanywhere"), StringComparison.Ordinal);
        var wrong = await enterprise.GetHtmlAsync("/professionals?availability=forever");
        Assert.Contains("Choose a job, consulting or mentoring", wrong, StringComparison.Ordinal);

        // With an open need, "Contact through the platform" opens the expression of interest about it.
        var need = await host.WithDbAsync(async db =>
        {
            var owner = await db.Users.Where(u => u.Email == verified).Select(u => u.Id).SingleAsync(None);
            var posted = new Need { Id = Guid.NewGuid(), OrganisationId = verifiedOrganisation, PostedBy = owner, HelpKind = "talent", Summary = $"Advice on {word} retort processing", PrivateDetails = "", PostedAt = DateTimeOffset.UtcNow };
            db.Needs.Add(posted);
            await db.SaveChangesAsync(None);
            return posted.Id;
        });
        var withNeed = await enterprise.GetHtmlAsync($"/professionals?skill={word}");
        Assert.Contains("Contact through the platform", withNeed, StringComparison.Ordinal);
        Assert.Contains($"name=\"provider\" value=\"{id}\"", withNeed, StringComparison.Ordinal);
        Assert.Contains($"value=\"{need}\"", withNeed, StringComparison.Ordinal);
        var send = $"/introductions/send?need={need}&provider={id}";
        var confirm = await enterprise.GetHtmlAsync(send);
        Assert.Contains("Anitha Varghese", confirm, StringComparison.Ordinal);
        Assert.DoesNotContain($"anitha-{word}@home.example", confirm, StringComparison.Ordinal);
        var sent = await enterprise.SubmitAsync(send, send, new Dictionary<string, string> { ["Note"] = "Could you advise on our retort line?" });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.True(await host.WithDbAsync(db => db.Introductions.AnyAsync(i => i.NeedId == need && i.ProviderId == id, None)));
    }

    [Fact]
    public async Task The_page_is_in_Malayalam_for_a_Malayalam_reader()
    {
        var organisation = await host.WithDbAsync(db => db.Assessments.Where(a => a.Status == AssessmentStatus.Approved).Select(a => a.OrganisationId).FirstAsync(None));
        var email = $"ml-{Guid.NewGuid():N}@enterprises.test";
        await host.CreateUserAsync(email, Roles.Enterprise, organisation, language: "ml");
        using var browser = await host.BrowserAsync(email, cultureCookie: "ml");
        var page = await browser.GetHtmlAsync("/professionals");
        Assert.Contains("തിരിച്ചെത്തിയ പ്രൊഫഷണലുകൾ", page, StringComparison.Ordinal);
        Assert.Contains("കഴിവ് ഉപയോഗിച്ച് തിരയുക", page, StringComparison.Ordinal);
    }
}
