using System.Net;
using System.Net.Http.Json;
using HiTech.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HiTech.Web.Tests.Enterprises;

/// <summary>The pages, as a browser without JavaScript uses them: registration, check your answers, activities, concurrency, access.</summary>
[Collection(EnterprisesCollection.Name)]
public sealed class EnterprisePagesTests(EnterprisesFixture kit)
{
    [Fact]
    public async Task An_owner_without_an_organisation_is_sent_to_register_it()
    {
        using var browser = await kit.BrowserAsync(await kit.NewUserAsync());
        var (response, _) = await browser.GetPageAsync("/enterprise");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/enterprise/register", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Other_roles_cannot_open_the_enterprise_pages()
    {
        using var browser = await kit.BrowserAsync(await kit.NewUserAsync(Roles.Analyst));
        var (response, _) = await browser.GetPageAsync("/enterprise");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_journey_checks_answers_then_registers_and_refreshes_the_sign_in()
    {
        var user = await kit.NewUserAsync();
        using var browser = await kit.BrowserAsync(user);
        var udyam = EnterprisesFixture.NewUdyam();

        // Wrong Udyam format and GSTIN check digit: error summary linking to each field, what was typed kept.
        var (invalid, html) = await browser.PostPageAsync("/enterprise/register", Form.Of(("Name", "Palakkad Precision Tools"), ("UdyamNumber", "UDYAM-KL-9-123"), ("Gstin", "32AAAPA1234A1Z5")));
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("<title>Error: About your enterprise - ", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#UdyamNumber\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Gstin\"", html, StringComparison.Ordinal);
        Assert.Contains("does not match its check digit", html, StringComparison.Ordinal);
        Assert.Contains("value=\"UDYAM-KL-9-123\"", html, StringComparison.Ordinal);

        var (details, _) = await browser.PostPageAsync("/enterprise/register", Form.Of(("Name", "Palakkad Precision Tools"), ("UdyamNumber", udyam), ("Gstin", "")));
        Assert.Equal("/enterprise/register/location", details.Headers.Location?.OriginalString);
        var (location, _) = await browser.PostPageAsync("/enterprise/register/location", Form.Of(("District", "palakkad"), ("Address", "Kanjikode West, Palakkad 678621")));
        Assert.Equal("/enterprise/register/size", location.Headers.Location?.OriginalString);
        var (notANumber, sizeHtml) = await browser.PostPageAsync("/enterprise/register/size", Form.Of(("InvestmentInr", "twenty lakh"), ("TurnoverInr", "1,20,00,000")));
        Assert.Equal(HttpStatusCode.OK, notANumber.StatusCode);
        Assert.Contains("Enter the investment in rupees, like 25,00,000 or 25 lakh", sizeHtml, StringComparison.Ordinal);
        var (size, _) = await browser.PostPageAsync("/enterprise/register/size", Form.Of(("InvestmentInr", "25,00,000"), ("TurnoverInr", "1,20,00,000")));
        Assert.Equal("/enterprise/register/check", size.Headers.Location?.OriginalString);

        // Check your answers: every answer with a Change link, the size class and the limits that applied.
        var (check, checkHtml) = await browser.GetPageAsync("/enterprise/register/check");
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("<title>Check your answers before registering your enterprise - ", checkHtml, StringComparison.Ordinal);
        Assert.Contains(udyam, checkHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"/enterprise/register/location?change=true#District\"", checkHtml, StringComparison.Ordinal);
        Assert.Contains("₹25,00,000", checkHtml, StringComparison.Ordinal);
        Assert.Contains("Micro", checkHtml, StringComparison.Ordinal);
        Assert.Contains("limits in force from 01-04-2025", checkHtml, StringComparison.Ordinal);
        Assert.Equal(0, await kit.WithDbAsync(db => db.Organisations.CountAsync(o => o.UdyamNumber == udyam)));

        // A change from the check page comes back to it.
        var (changed, _) = await browser.PostPageAsync("/enterprise/register/location?change=true", Form.Of(("District", "palakkad"), ("Address", "Kanjikode East, Palakkad 678621")));
        Assert.Equal("/enterprise/register/check", changed.Headers.Location?.OriginalString);

        var (registered, _) = await browser.PostPageAsync("/enterprise/register/check", []);
        Assert.Equal("/enterprise/register/done", registered.Headers.Location?.OriginalString);
        var organisation = await kit.WithDbAsync(db => db.Organisations.Include(o => o.Units).SingleAsync(o => o.UdyamNumber == udyam));
        Assert.Equal("Palakkad", organisation.District);
        Assert.Equal("Kanjikode East, Palakkad 678621", organisation.Address);
        Assert.Null(organisation.Gstin);
        Assert.Equal("micro", Assert.Single(organisation.Units).SizeClass);
        Assert.Equal(organisation.Id, await kit.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.OrganisationId).FirstAsync()));

        // The sign-in was refreshed: the new cookie carries the organisation claim.
        var options = kit.Factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var cookie = browser.Cookies.GetCookies(new Uri("http://localhost"))["hitech.auth"]!.Value;
        var ticket = options.TicketDataFormat.Unprotect(cookie);
        Assert.Equal(organisation.Id.ToString(), ticket?.Principal.FindFirst(Roles.OrganisationClaim)?.Value);

        var (done, doneHtml) = await browser.GetPageAsync("/enterprise/register/done");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Enterprise registered", doneHtml, StringComparison.Ordinal);
        var (home, homeHtml) = await browser.GetPageAsync("/enterprise");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Palakkad Precision Tools", homeHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"/assessments\"", homeHtml, StringComparison.Ordinal);

        // Registered: the registration pages now lead to the enterprise.
        var (again, _) = await browser.GetPageAsync("/enterprise/register");
        Assert.Equal("/enterprise", again.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Registration_messages_and_labels_are_in_Malayalam()
    {
        using var browser = await kit.BrowserAsync(await kit.NewUserAsync(), "ml");
        var (page, pageHtml) = await browser.GetPageAsync("/enterprise/register");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("നിങ്ങളുടെ സംരംഭത്തെക്കുറിച്ച്", pageHtml, StringComparison.Ordinal);

        var (response, html) = await browser.PostPageAsync("/enterprise/register", Form.Of(("Name", ""), ("UdyamNumber", "UDYAM-KL-09-12"), ("Gstin", "32AAAPA1234A1Z5")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("നിങ്ങളുടെ സംരംഭത്തിന്റെ പേര് നൽകുക", html, StringComparison.Ordinal);
        Assert.Contains("ഉദ്യം നമ്പറിന്റെ അവസാന ഭാഗത്തിൽ 7 അക്കങ്ങളുണ്ട്.", html, StringComparison.Ordinal);
        Assert.Contains("പരിശോധനാ അക്കവുമായി", html, StringComparison.Ordinal);

        // The district select offers the 14 districts by their Malayalam names.
        var (details, _) = await browser.PostPageAsync("/enterprise/register", Form.Of(("Name", "ആലത്തൂർ ടൂൾസ്"), ("UdyamNumber", EnterprisesFixture.NewUdyam()), ("Gstin", EnterprisesFixture.ValidGstin())));
        Assert.Equal("/enterprise/register/location", details.Headers.Location?.OriginalString);
        var (_, locationHtml) = await browser.GetPageAsync("/enterprise/register/location");
        Assert.Contains("<option value=\"palakkad\">പാലക്കാട്</option>", locationHtml, StringComparison.Ordinal);
        Assert.Contains("<option value=\"kasaragod\">കാസർഗോഡ്</option>", locationHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_udyam_number_already_registered_is_refused_on_the_first_page()
    {
        var udyam = EnterprisesFixture.NewUdyam();
        await kit.RegisterAsync(await kit.NewUserAsync(), EnterprisesFixture.Registration(udyam));
        using var browser = await kit.BrowserAsync(await kit.NewUserAsync());
        var (response, html) = await browser.PostPageAsync("/enterprise/register", Form.Of(("Name", "Copycat"), ("UdyamNumber", udyam), ("Gstin", "")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("already registered on the platform", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activities_can_be_found_without_javascript_added_changed_and_removed()
    {
        var user = await kit.NewUserAsync();
        await kit.RegisterAsync(user);
        using var browser = await kit.BrowserAsync(user);

        var (found, foundHtml) = await browser.GetPageAsync("/enterprise/activities/find?q=electronic+components");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains("type=\"radio\" value=\"2610\"", foundHtml, StringComparison.Ordinal);
        Assert.Contains("src=\"/js/nic-search.js", foundHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", foundHtml, StringComparison.Ordinal);

        var (broad, broadHtml) = await browser.PostPageAsync("/enterprise/activities/find?q=26", Form.Of(("q", "26"), ("Code", "26")));
        Assert.Equal(HttpStatusCode.OK, broad.StatusCode);
        Assert.Contains("NIC code 26 is a division", broadHtml, StringComparison.Ordinal);
        Assert.Contains("too broad", broadHtml, StringComparison.Ordinal);

        var (chosen, _) = await browser.PostPageAsync("/enterprise/activities/find?q=electronic+components", Form.Of(("q", "electronic components"), ("Code", "2610")));
        Assert.Equal("/enterprise/activities/add/2610", chosen.Headers.Location?.OriginalString);

        var (add, addHtml) = await browser.GetPageAsync("/enterprise/activities/add/2610");
        Assert.Equal(HttpStatusCode.OK, add.StatusCode);
        Assert.Contains("Manufacture of electronic components", addHtml, StringComparison.Ordinal);
        Assert.Contains("Electronic System Design and Manufacturing", addHtml, StringComparison.Ordinal);
        Assert.Contains("R&D intensity", addHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"testing-certification\"", addHtml, StringComparison.Ordinal);
        Assert.Contains("Testing, inspection and certification", addHtml, StringComparison.Ordinal);

        var (noStage, noStageHtml) = await browser.PostPageAsync("/enterprise/activities/add/2610", Form.Of(("SharePercent", "70")));
        Assert.Equal(HttpStatusCode.OK, noStage.StatusCode);
        Assert.Contains("href=\"#Stages\"", noStageHtml, StringComparison.Ordinal);

        var (saved, _) = await browser.PostPageAsync("/enterprise/activities/add/2610", Form.Of(("Stages", "design-engineering"), ("Stages", "advanced-manufacturing"), ("SharePercent", "70")));
        Assert.Equal("/enterprise#activities", saved.Headers.Location?.OriginalString);
        var (_, homeHtml) = await browser.GetPageAsync("/enterprise");
        Assert.Contains("Activity 2610 is saved. The shares of revenue add up to 70%; they must add up to 100%.", homeHtml, StringComparison.Ordinal);
        Assert.Contains("The shares of revenue add up to 70%", homeHtml, StringComparison.Ordinal);

        // The second activity is told the room left, and refused beyond it.
        var (_, secondHtml) = await browser.GetPageAsync("/enterprise/activities/add/2620");
        Assert.Contains("so 30% is left for this one", secondHtml, StringComparison.Ordinal);
        var (tooMuch, tooMuchHtml) = await browser.PostPageAsync("/enterprise/activities/add/2620", Form.Of(("Stages", "assembly-packaging"), ("SharePercent", "40")));
        Assert.Equal(HttpStatusCode.OK, tooMuch.StatusCode);
        Assert.Contains("would add up to 110%", tooMuchHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"40\"", tooMuchHtml, StringComparison.Ordinal);
        var (second, _) = await browser.PostPageAsync("/enterprise/activities/add/2620", Form.Of(("Stages", "assembly-packaging"), ("SharePercent", "30")));
        Assert.Equal("/enterprise#activities", second.Headers.Location?.OriginalString);
        (_, homeHtml) = await browser.GetPageAsync("/enterprise");
        Assert.Contains("Shares add up to 100%", homeHtml, StringComparison.Ordinal);

        // Change and remove.
        var activity = await kit.WithDbAsync(db => db.Activities.AsNoTracking().SingleAsync(a => a.Code == "2620" && db.Users.Any(u => u.Id == user.Id && u.OrganisationId == a.OrganisationId)));
        var (edited, _) = await browser.PostPageAsync($"/enterprise/activities/{activity.Id}", Form.Of(("Version", activity.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Stages", "trading-distribution"), ("SharePercent", "25")));
        Assert.Equal("/enterprise#activities", edited.Headers.Location?.OriginalString);
        Assert.Equal("trading-distribution", await kit.WithDbAsync(db => db.Activities.Where(a => a.Id == activity.Id).Select(a => a.Stages).FirstAsync()));
        var (removed, _) = await browser.PostPageAsync($"/enterprise/activities/{activity.Id}/remove", Form.Of(("Version", (activity.Version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal("/enterprise#activities", removed.Headers.Location?.OriginalString);
        Assert.False(await kit.WithDbAsync(db => db.Activities.AnyAsync(a => a.Id == activity.Id)));
    }

    [Fact]
    public async Task Value_chain_stages_are_labelled_in_Malayalam()
    {
        var user = await kit.NewUserAsync();
        await kit.RegisterAsync(user);
        using var browser = await kit.BrowserAsync(user, "ml");
        var (page, html) = await browser.GetPageAsync("/enterprise/activities/add/2610");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("ഗവേഷണവും വികസനവും", html, StringComparison.Ordinal);
        Assert.Contains("ഇലക്ട്രോണിക് സിസ്റ്റം ഡിസൈനും നിർമ്മാണവും", html, StringComparison.Ordinal);
        Assert.Contains("ഇത് നിങ്ങളുടെ ഒരേയൊരു പ്രവർത്തനമാണെങ്കിൽ 100 നൽകുക.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_unit_save_is_refused_and_shows_what_is_saved_now()
    {
        var user = await kit.NewUserAsync();
        await kit.RegisterAsync(user);
        var unit = await kit.WithDbAsync(db => db.Units.AsNoTracking().SingleAsync(u => db.Users.Any(x => x.Id == user.Id && x.OrganisationId == u.OrganisationId)));
        using var first = await kit.BrowserAsync(user);
        using var second = await kit.BrowserAsync(user);
        var version = unit.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (saved, _) = await first.PostPageAsync($"/enterprise/units/{unit.Id}", UnitForm("Kanjikode plant", version));
        Assert.Equal("/enterprise#units", saved.Headers.Location?.OriginalString);

        var (refused, html) = await second.PostPageAsync($"/enterprise/units/{unit.Id}", UnitForm("Walayar plant", version));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Someone else saved a change to this at", html, StringComparison.Ordinal);
        Assert.Contains("What is saved now", html, StringComparison.Ordinal);
        Assert.Contains("Kanjikode plant", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Walayar plant\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"Version\" value=\"{unit.Version + 1}\"", html, StringComparison.Ordinal);
        Assert.Equal("Kanjikode plant", await kit.WithDbAsync(db => db.Units.Where(u => u.Id == unit.Id).Select(u => u.Name).FirstAsync()));
    }

    [Fact]
    public async Task Pages_answer_404_for_another_organisations_units_and_activities()
    {
        var user = await kit.NewUserAsync();
        await kit.RegisterAsync(user);
        using var browser = await kit.BrowserAsync(user);
        var other = await kit.DemoOrganisationAsync();
        var otherUnit = await kit.WithDbAsync(db => db.Units.Where(u => u.OrganisationId == other).Select(u => u.Id).FirstAsync());
        var otherActivity = await kit.WithDbAsync(db => db.Activities.Where(a => a.OrganisationId == other).Select(a => a.Id).FirstAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetPageAsync($"/enterprise/units/{otherUnit}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetPageAsync($"/enterprise/units/{otherUnit}/remove")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetPageAsync($"/enterprise/activities/{otherActivity}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetPageAsync($"/enterprise/activities/{otherActivity}/remove")).Response.StatusCode);

        // Posting to them with a valid form token from an own page changes nothing.
        var (post, _) = await browser.PostPageAsync("/enterprise/units/add", UnitForm("Taken over", "0"), $"/enterprise/units/{otherUnit}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var (remove, _) = await browser.PostPageAsync("/enterprise/units/add", Form.Of(("Version", "0")), $"/enterprise/activities/{otherActivity}/remove");
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.NotEqual("Taken over", await kit.WithDbAsync(db => db.Units.Where(u => u.Id == otherUnit).Select(u => u.Name).FirstAsync()));
        Assert.True(await kit.WithDbAsync(db => db.Activities.AnyAsync(a => a.Id == otherActivity)));
    }

    [Fact]
    public async Task The_overview_shows_the_organisation_units_and_activities()
    {
        var user = await kit.NewUserAsync();
        var organisation = await kit.RegisterAsync(user, EnterprisesFixture.Registration(gstin: EnterprisesFixture.ValidGstin()));
        using (var api = await kit.ApiAsync(user))
        {
            using var added = await api.PostAsJsonAsync(
                $"/api/v1/organisations/{organisation.GetProperty("id").GetGuid()}/activities",
                new { code = "3250", stages = new[] { "rnd", "advanced-manufacturing" }, revenueSharePercent = 100 });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        using var browser = await kit.BrowserAsync(user);
        var (response, html) = await browser.GetPageAsync("/enterprise");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(organisation.GetProperty("udyamNumber").GetString()!, html, StringComparison.Ordinal);
        Assert.Contains("32AAAPA1234A1Z2", html, StringComparison.Ordinal);
        Assert.Contains("Palakkad", html, StringComparison.Ordinal);
        Assert.Contains("₹20,00,000", html, StringComparison.Ordinal);
        Assert.Contains("Micro", html, StringComparison.Ordinal);
        Assert.Contains("3250", html, StringComparison.Ordinal);
        Assert.Contains("Medical Equipment", html, StringComparison.Ordinal);
        Assert.Contains("Research and development", html, StringComparison.Ordinal);
        Assert.Contains("Shares add up to 100%", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/enterprise/activities/find\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/assessments\"", html, StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> UnitForm(string name, string version) => Form.Of(
        ("Version", version),
        ("Name", name),
        ("District", "palakkad"),
        ("Address", "Kanjikode, Palakkad"),
        ("InvestmentInr", "2000000"),
        ("TurnoverInr", "9000000"));
}
