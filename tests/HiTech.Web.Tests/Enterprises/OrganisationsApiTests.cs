using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HiTech.Web.Data.Entities;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Enterprises;

/// <summary>/api/v1/organisations: registration, access by role and organisation, validation in both languages, concurrency.</summary>
[Collection(EnterprisesCollection.Name)]
public sealed class OrganisationsApiTests(EnterprisesFixture kit)
{
    [Fact]
    public async Task Without_a_token_the_api_answers_401()
    {
        var demo = await kit.DemoOrganisationAsync();
        using var anonymous = kit.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/organisations")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/organisations/{demo}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/organisations", EnterprisesFixture.Registration())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/organisations/{demo}/activities")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_organisation_endpoints()
    {
        using var anonymous = kit.Anonymous();
        using var response = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await TestHost.JsonAsync(response)).GetProperty("paths");
        foreach (var path in new[] { "/api/v1/organisations", "/api/v1/organisations/{id}", "/api/v1/organisations/{id}/units/{unitId}", "/api/v1/organisations/{id}/activities/{activityId}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }

        var post = paths.GetProperty("/api/v1/organisations").GetProperty("post");
        Assert.Equal("Organisations", post.GetProperty("tags")[0].GetString());
        Assert.True(post.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(post.GetProperty("responses").TryGetProperty("409", out _));
    }

    [Fact]
    public async Task A_signed_in_cookie_is_not_enough_for_the_api()
    {
        var user = await kit.NewUserAsync();
        using var browser = await kit.BrowserAsync(user);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync("/api/v1/organisations")).StatusCode);
    }

    [Fact]
    public async Task An_analyst_sees_no_organisation_details()
    {
        using var api = await kit.ApiAsync(await kit.DemoUserAsync(DemoSeeder.AnalystEmail));
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/organisations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/organisations/{await kit.DemoOrganisationAsync()}")).StatusCode);
    }

    [Fact]
    public async Task An_admin_lists_and_reads_all_organisations_but_changes_none()
    {
        using var api = await kit.ApiAsync(await kit.DemoUserAsync(DemoSeeder.AdminEmail));
        var list = await TestHost.JsonAsync(await api.GetAsync("/api/v1/organisations?pageSize=200"));
        Assert.True(list.GetArrayLength() >= 12);
        var demo = await kit.DemoOrganisationAsync();
        using var one = await api.GetAsync($"/api/v1/organisations/{demo}");
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var body = await TestHost.JsonAsync(one);
        Assert.Equal(demo, body.GetProperty("id").GetGuid());
        Assert.True(body.GetProperty("units").GetArrayLength() >= 1);

        using var put = await api.PutAsJsonAsync($"/api/v1/organisations/{demo}", Update(body, "Changed by admin"));
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/organisations/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task An_assessor_reads_organisations_assigned_to_them_and_no_other()
    {
        using var api = await kit.ApiAsync(await kit.DemoUserAsync(DemoSeeder.AssessorEmail));
        var list = await TestHost.JsonAsync(await api.GetAsync("/api/v1/organisations"));
        Assert.True(list.GetArrayLength() > 0);
        var assigned = list[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/organisations/{assigned}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/organisations/{assigned}/units", Unit("New unit", 1m, 1m))).StatusCode);

        // An organisation with no assessment assigned to them: as if it did not exist.
        var fresh = await kit.RegisterAsync(await kit.NewUserAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/organisations/{fresh.GetProperty("id").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task An_enterprise_user_registers_once_becomes_owner_and_sees_only_its_own()
    {
        var user = await kit.NewUserAsync();
        using var api = await kit.ApiAsync(user);
        Assert.Equal(0, (await TestHost.JsonAsync(await api.GetAsync("/api/v1/organisations"))).GetArrayLength());

        var udyam = EnterprisesFixture.NewUdyam();
        using var created = await api.PostAsJsonAsync("/api/v1/organisations", EnterprisesFixture.Registration(udyam.ToLowerInvariant(), " 32aaapa1234a1z2 ", district: "Palghat"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var organisation = await TestHost.JsonAsync(created);
        var id = organisation.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/organisations/{id}", created.Headers.Location?.ToString());
        Assert.Equal(udyam, organisation.GetProperty("udyamNumber").GetString());
        Assert.Equal("32AAAPA1234A1Z2", organisation.GetProperty("gstin").GetString());
        Assert.Equal("Palakkad", organisation.GetProperty("district").GetString());
        var unit = Assert.Single(organisation.GetProperty("units").EnumerateArray());
        Assert.Equal("micro", unit.GetProperty("sizeClass").GetString());

        // The same token (issued before the organisation existed) now reaches it: the account says so.
        var list = await TestHost.JsonAsync(await api.GetAsync("/api/v1/organisations"));
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/organisations/{id}")).StatusCode);

        Assert.Equal(id, await kit.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.OrganisationId).FirstAsync()));
        Assert.True(await kit.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == "Organisation" && a.EntityId == id.ToString() && a.Action == AuditAction.Create && a.UserId == user.Id)));

        using var again = await api.PostAsJsonAsync("/api/v1/organisations", EnterprisesFixture.Registration());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already registered your enterprise", (await TestHost.JsonAsync(again)).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "The third part of a Udyam number is the 2-digit district code.", "does not match its check digit")]
    [InlineData("ml", "ഉദ്യം നമ്പറിന്റെ മൂന്നാം ഭാഗം 2 അക്കമുള്ള ജില്ലാ കോഡ് ആണ്.", "പരിശോധനാ അക്കവുമായി")]
    public async Task Registration_refuses_a_wrong_udyam_number_and_gstin_check_digit_in_the_users_language(string language, string udyamMessage, string gstinMessage)
    {
        using var api = await kit.ApiAsync(await kit.NewUserAsync(), language);
        using var response = await api.PostAsJsonAsync("/api/v1/organisations", EnterprisesFixture.Registration("UDYAM-KL-8-1234567", "32AAAPA1234A1Z5"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await TestHost.JsonAsync(response)).GetProperty("errors");
        Assert.Equal(udyamMessage, errors.GetProperty("udyamNumber")[0].GetString());
        Assert.Contains(gstinMessage, errors.GetProperty("gstin")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_names_every_missing_field()
    {
        using var api = await kit.ApiAsync(await kit.NewUserAsync());
        using var response = await api.PostAsJsonAsync("/api/v1/organisations", new { });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await TestHost.JsonAsync(response)).GetProperty("errors");
        foreach (var field in new[] { "name", "udyamNumber", "district", "address", "investmentInr", "turnoverInr" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }

        Assert.False(errors.TryGetProperty("gstin", out _), "GSTIN is optional");
    }

    [Fact]
    public async Task A_udyam_number_already_registered_is_refused()
    {
        var udyam = EnterprisesFixture.NewUdyam();
        await kit.RegisterAsync(await kit.NewUserAsync(), EnterprisesFixture.Registration(udyam));
        using var api = await kit.ApiAsync(await kit.NewUserAsync());
        using var response = await api.PostAsJsonAsync("/api/v1/organisations", EnterprisesFixture.Registration(udyam));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await TestHost.JsonAsync(response);
        Assert.Contains("already registered", problem.GetProperty("errors").GetProperty("udyamNumber")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "0", "micro")]
    [InlineData("25000000", "100000000", "micro")]
    [InlineData("25000001", "100000000", "small")]
    [InlineData("25000000", "100000001", "small")]
    [InlineData("250000000", "1000000000", "small")]
    [InlineData("250000000.01", "1000000000", "medium")]
    [InlineData("1250000000", "5000000000", "medium")]
    [InlineData("1250000000", "5000000001", "large")]
    public async Task The_size_class_is_computed_with_the_limits_in_force_exactly_at_their_edges(string investmentText, string turnoverText, string expected)
    {
        var (api, id) = await OwnerAsync();
        using (api)
        {
            var investment = decimal.Parse(investmentText, System.Globalization.CultureInfo.InvariantCulture);
            var turnover = decimal.Parse(turnoverText, System.Globalization.CultureInfo.InvariantCulture);
            using var response = await api.PostAsJsonAsync($"/api/v1/organisations/{id}/units", Unit("Edge unit", investment, turnover));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var unit = await TestHost.JsonAsync(response);
            Assert.Equal(expected, unit.GetProperty("sizeClass").GetString());
            Assert.Equal("2025-04-01", unit.GetProperty("limits").GetProperty("effectiveFrom").GetString());
            Assert.Equal(25_000_000m, unit.GetProperty("limits").GetProperty("microInvestmentInr").GetDecimal());
        }
    }

    [Fact]
    public async Task Amounts_and_district_are_checked_for_units()
    {
        var (api, id) = await OwnerAsync();
        using (api)
        {
            using var response = await api.PostAsJsonAsync($"/api/v1/organisations/{id}/units", new { name = "", district = "Madras", address = "x", investmentInr = -1, turnoverInr = 10 });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await TestHost.JsonAsync(response)).GetProperty("errors");
            Assert.True(errors.TryGetProperty("name", out _));
            Assert.Contains("14 districts", errors.GetProperty("district")[0].GetString(), StringComparison.Ordinal);
            Assert.Contains("negative", errors.GetProperty("investmentInr")[0].GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Activity_shares_must_add_up_to_100_percent()
    {
        var (api, id) = await OwnerAsync();
        using (api)
        {
            using var first = await api.PostAsJsonAsync($"/api/v1/organisations/{id}/activities", Activity("2610", 60m, "design-engineering", "advanced-manufacturing"));
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            var activity = await TestHost.JsonAsync(first);
            Assert.Equal("Manufacture of electronic components", activity.GetProperty("title").GetString());
            Assert.Equal("class", activity.GetProperty("level").GetString());
            Assert.False(string.IsNullOrEmpty(activity.GetProperty("oecdGroup").GetString()));
            Assert.Contains("esdm", activity.GetProperty("prioritySectors").EnumerateArray().Select(s => s.GetString()));
            Assert.Equal(["design-engineering", "advanced-manufacturing"], activity.GetProperty("stages").EnumerateArray().Select(s => s.GetString()));

            var organisation = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/organisations/{id}"));
            Assert.Equal(60m, organisation.GetProperty("revenueSharePercentTotal").GetDecimal());
            Assert.False(organisation.GetProperty("sharesComplete").GetBoolean());

            using var tooMuch = await api.PostAsJsonAsync($"/api/v1/organisations/{id}/activities", Activity("2620", 50m, "assembly-packaging"));
            Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
            var message = (await TestHost.JsonAsync(tooMuch)).GetProperty("errors").GetProperty("revenueSharePercent")[0].GetString();
            Assert.Contains("110%", message, StringComparison.Ordinal);
            Assert.Contains("at most 40%", message, StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/organisations/{id}/activities", Activity("2620", 40m, "assembly-packaging"))).StatusCode);
            organisation = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/organisations/{id}"));
            Assert.Equal(100m, organisation.GetProperty("revenueSharePercentTotal").GetDecimal());
            Assert.True(organisation.GetProperty("sharesComplete").GetBoolean());
            Assert.Equal(2, (await TestHost.JsonAsync(await api.GetAsync($"/api/v1/organisations/{id}/activities"))).GetArrayLength());
        }
    }

    [Theory]
    [InlineData("26", "too broad")]
    [InlineData("261", "too broad")]
    [InlineData("C", "too broad")]
    [InlineData("9999", "is not a NIC 2008 code")]
    [InlineData("", "Choose the activity")]
    public async Task Only_4_digit_classes_and_5_digit_sub_classes_are_accepted(string code, string expected)
    {
        var (api, id) = await OwnerAsync();
        using (api)
        {
            using var response = await api.PostAsJsonAsync($"/api/v1/organisations/{id}/activities", Activity(code, 100m, "rnd"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(expected, (await TestHost.JsonAsync(response)).GetProperty("errors").GetProperty("code")[0].GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Stages_come_from_the_frameworks_domain_and_a_code_is_added_once()
    {
        var (api, id) = await OwnerAsync();
        using (api)
        {
            using var badStage = await api.PostAsJsonAsync($"/api/v1/organisations/{id}/activities", Activity("26201", 10m, "space-travel"));
            Assert.Equal(HttpStatusCode.BadRequest, badStage.StatusCode);
            Assert.Contains("value-chain stage", (await TestHost.JsonAsync(badStage)).GetProperty("errors").GetProperty("stages")[0].GetString(), StringComparison.Ordinal);
            using var noStage = await api.PostAsJsonAsync($"/api/v1/organisations/{id}/activities", Activity("26201", 10m));
            Assert.Equal(HttpStatusCode.BadRequest, noStage.StatusCode);

            Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync($"/api/v1/organisations/{id}/activities", Activity("26201", 10m, "rnd"))).StatusCode);
            using var twice = await api.PostAsJsonAsync($"/api/v1/organisations/{id}/activities", Activity("26201", 10m, "rnd"));
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
            Assert.True((await TestHost.JsonAsync(twice)).GetProperty("errors").TryGetProperty("code", out _));
        }
    }

    [Fact]
    public async Task Two_saves_of_the_same_version_the_second_is_refused_with_what_is_saved_now()
    {
        var (api, id) = await OwnerAsync();
        using (api)
        {
            var organisation = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/organisations/{id}"));
            using var first = await api.PutAsJsonAsync($"/api/v1/organisations/{id}", Update(organisation, "First name"));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(organisation.GetProperty("version").GetInt32() + 1, (await TestHost.JsonAsync(first)).GetProperty("version").GetInt32());

            using var second = await api.PutAsJsonAsync($"/api/v1/organisations/{id}", Update(organisation, "Second name"));
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
            var problem = await TestHost.JsonAsync(second);
            Assert.Contains("Someone else saved a change", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
            Assert.Equal("First name", problem.GetProperty("current").GetProperty("name").GetString());
            Assert.Equal("First name", await kit.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Name).FirstAsync()));

            // Units and activities too, for changes and removals.
            var unit = organisation.GetProperty("units")[0];
            var unitId = unit.GetProperty("id").GetGuid();
            var unitVersion = unit.GetProperty("version").GetInt32();
            Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/organisations/{id}/units/{unitId}", Unit("Plant A", 1m, 1m, unitVersion))).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await api.PutAsJsonAsync($"/api/v1/organisations/{id}/units/{unitId}", Unit("Plant B", 1m, 1m, unitVersion))).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await api.DeleteAsync($"/api/v1/organisations/{id}/units/{unitId}?version={unitVersion}")).StatusCode);

            var activity = await TestHost.JsonAsync(await api.PostAsJsonAsync($"/api/v1/organisations/{id}/activities", Activity("2610", 100m, "rnd")));
            var activityId = activity.GetProperty("id").GetGuid();
            var activityVersion = activity.GetProperty("version").GetInt32();
            Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/organisations/{id}/activities/{activityId}", Activity(null, 90m, "rnd", activityVersion))).StatusCode);
            using var stale = await api.PutAsJsonAsync($"/api/v1/organisations/{id}/activities/{activityId}", Activity(null, 80m, "rnd", activityVersion));
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Equal(90m, (await TestHost.JsonAsync(stale)).GetProperty("current").GetProperty("revenueSharePercent").GetDecimal());
            Assert.Equal(HttpStatusCode.BadRequest, (await api.DeleteAsync($"/api/v1/organisations/{id}/activities/{activityId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/organisations/{id}/activities/{activityId}?version={activityVersion + 1}")).StatusCode);
        }
    }

    [Fact]
    public async Task Every_change_is_audited_with_before_and_after()
    {
        var (api, id) = await OwnerAsync();
        using (api)
        {
            var organisation = await TestHost.JsonAsync(await api.GetAsync($"/api/v1/organisations/{id}"));
            Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/organisations/{id}", Update(organisation, "Audited name"))).StatusCode);
            var entry = await kit.WithDbAsync(db => db.AuditEntries.AsNoTracking()
                .Where(a => a.Entity == "Organisation" && a.EntityId == id.ToString() && a.Action == AuditAction.Update)
                .OrderByDescending(a => a.Id).FirstAsync());
            Assert.Contains("Test Precision Works", entry.Before, StringComparison.Ordinal);
            Assert.Contains("Audited name", entry.After, StringComparison.Ordinal);

            var added = await TestHost.JsonAsync(await api.PostAsJsonAsync($"/api/v1/organisations/{id}/units", Unit("Second plant", 5m, 5m)));
            var unitId = added.GetProperty("id").GetGuid();
            Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/organisations/{id}/units/{unitId}?version={added.GetProperty("version").GetInt32()}")).StatusCode);
            var actions = await kit.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Entity == "Unit" && a.EntityId == unitId.ToString()).Select(a => a.Action).ToListAsync());
            Assert.Equal([AuditAction.Create, AuditAction.Delete], actions.Order());
        }
    }

    [Fact]
    public async Task The_last_unit_cannot_be_removed()
    {
        var (api, id) = await OwnerAsync();
        using (api)
        {
            var unit = (await TestHost.JsonAsync(await api.GetAsync($"/api/v1/organisations/{id}/units")))[0];
            using var response = await api.DeleteAsync($"/api/v1/organisations/{id}/units/{unit.GetProperty("id").GetGuid()}?version={unit.GetProperty("version").GetInt32()}");
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Contains("at least one unit", (await TestHost.JsonAsync(response)).GetProperty("title").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Another_organisations_id_answers_404_for_reads_and_changes()
    {
        var (api, own) = await OwnerAsync();
        using (api)
        {
            var other = await kit.DemoOrganisationAsync();
            var otherUnit = await kit.WithDbAsync(db => db.Units.Where(u => u.OrganisationId == other).Select(u => u.Id).FirstAsync());
            var otherActivity = await kit.WithDbAsync(db => db.Activities.Where(a => a.OrganisationId == other).Select(a => a.Id).FirstAsync());

            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/organisations/{other}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/organisations/{other}", new { name = "Mine now", udyamNumber = EnterprisesFixture.NewUdyam(), district = "Palakkad", address = "x", version = 0 })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/organisations/{other}/units")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync($"/api/v1/organisations/{other}/units", Unit("Sneaky", 1m, 1m))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/organisations/{other}/units/{otherUnit}", Unit("Sneaky", 1m, 1m, 0))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/organisations/{other}/activities")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/organisations/{other}/activities/{otherActivity}?version=0")).StatusCode);

            // Its own organisation's id with another organisation's unit or activity id: not found either.
            Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/organisations/{own}/units/{otherUnit}", Unit("Sneaky", 1m, 1m, 0))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/organisations/{own}/activities/{otherActivity}?version=0")).StatusCode);

            Assert.NotEqual("Sneaky", await kit.WithDbAsync(db => db.Units.Where(u => u.Id == otherUnit).Select(u => u.Name).FirstAsync()));
            Assert.True(await kit.WithDbAsync(db => db.Activities.AnyAsync(a => a.Id == otherActivity)));
        }
    }

    private async Task<(HttpClient Api, Guid OrganisationId)> OwnerAsync()
    {
        var user = await kit.NewUserAsync();
        var organisation = await kit.RegisterAsync(user);
        return (await kit.ApiAsync(user), organisation.GetProperty("id").GetGuid());
    }

    private static object Unit(string name, decimal investment, decimal turnover, int? version = null) =>
        new { name, district = "Palakkad", address = "Kanjikode, Palakkad", investmentInr = investment, turnoverInr = turnover, version };

    private static object Activity(string? code, decimal share, params string[] stages) => Activity(code, share, stages, null);

    private static object Activity(string? code, decimal share, string stage, int version) => Activity(code, share, [stage], version);

    private static object Activity(string? code, decimal share, string[] stages, int? version) =>
        new { code, stages, revenueSharePercent = share, version };

    private static object Update(JsonElement organisation, string name) => new
    {
        name,
        udyamNumber = organisation.GetProperty("udyamNumber").GetString(),
        gstin = organisation.GetProperty("gstin").GetString(),
        district = organisation.GetProperty("district").GetString(),
        address = organisation.GetProperty("address").GetString(),
        version = organisation.GetProperty("version").GetInt32(),
    };
}
