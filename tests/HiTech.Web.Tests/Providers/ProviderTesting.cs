using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Providers;

/// <summary>What the provider tests share: a provider account with a profile made through the API, and officers.</summary>
internal static class ProviderTesting
{
    public static CancellationToken None => TestContext.Current.CancellationToken;

    /// <summary>A complete institutional profile, as the API takes it.</summary>
    public static object Profile(string name, string services = "Calibration and testing of pressure gauges", string servicesMl = "", string kind = "tic-lab", int version = 0) => new
    {
        name,
        kind,
        district = "Ernakulam",
        remote = false,
        nicCodes = "26, 2651",
        stages = new[] { "testing-certification" },
        certifications = new[] { "nabl" },
        technologies = new[] { "sensors-iot" },
        languages = new[] { "en", "ml" },
        trlFrom = 4,
        trlTo = 7,
        responseDays = 3,
        servicesEn = services,
        servicesMl,
        website = "https://lab.example.org",
        contactEmail = "desk@lab.example.org",
        equipment = new[] { new { name = "Dead-weight tester", make = "Fluke P3100", purpose = "Pressure calibration", bookingTerms = "Two days' notice", feeBand = "1000-10000" } },
        version,
    };

    /// <summary>A new Provider account (API client) with a draft profile registered through POST /api/v1/providers.</summary>
    public static async Task<(HttpClient Api, Guid ProviderId)> NewProviderAsync(TestHost host, string email, object profile)
    {
        await host.CreateUserAsync(email, Roles.Provider);
        var api = await host.ApiAsync(email);
        var created = await api.PostAsJsonAsync("/api/v1/providers", profile, None);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await TestHost.JsonAsync(created)).GetProperty("id").GetGuid();
        return (api, id);
    }

    /// <summary>A provider listed in the directory: registered, submitted and verified by an officer.</summary>
    public static async Task<(HttpClient Api, Guid ProviderId)> ListedProviderAsync(TestHost host, string email, object profile)
    {
        var (api, id) = await NewProviderAsync(host, email, profile);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("/api/v1/providers/mine/submit", null, None)).StatusCode);
        using var officer = await OfficerAsync(host);
        var verified = await officer.PostAsJsonAsync($"/api/v1/providers/{id}/verify", new { }, None);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        return (api, id);
    }

    public static async Task<HttpClient> OfficerAsync(TestHost host)
    {
        const string email = "officer@providers.test";
        if (!await host.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)))
        {
            await host.CreateUserAsync(email, Roles.PartnershipsOfficer);
        }

        return await host.ApiAsync(email);
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return await TestHost.JsonAsync(response);
    }

    public static Task<Provider> ProviderAsync(TestHost host, Guid id) =>
        host.WithDbAsync(db => db.Providers.AsNoTracking().Include(p => p.Equipment).SingleAsync(p => p.Id == id));
}
