using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using HiTech.Web.Infrastructure.Api;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.Api;

/// <summary>A change sent again with the same Idempotency-Key (after a lost answer or a crash) is made once and answered the same.</summary>
public sealed class IdempotencyTests(TestHost host) : IClassFixture<TestHost>
{
    [Fact]
    public async Task A_retried_start_gets_the_same_assessment_and_creates_one()
    {
        using var api = await host.ApiAsync(DemoSeeder.OwnerEmail);
        var organisation = await OrganisationAsync();
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(api, HttpMethod.Post, "/api/v1/assessments", JsonContent.Create(new { organisationId = organisation, year = 2015 }), key);
        var again = await SendAsync(api, HttpMethod.Post, "/api/v1/assessments", JsonContent.Create(new { organisationId = organisation, year = 2015 }), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal("true", again.Headers.GetValues(Idempotency.ReplayedHeader).Single());
        Assert.False(first.Headers.Contains(Idempotency.ReplayedHeader));
        Assert.Equal(1, await host.WithDbAsync(db => db.Assessments.CountAsync(a => a.OrganisationId == organisation && a.Year == 2015)));
    }

    [Fact]
    public async Task A_retried_upload_keeps_one_document()
    {
        using var api = await host.ApiAsync(DemoSeeder.OwnerEmail);
        var created = await api.PostAsJsonAsync("/api/v1/assessments", new { organisationId = await OrganisationAsync(), year = 2016 });
        var id = (await TestHost.JsonAsync(created)).GetProperty("id").GetGuid();
        var key = Guid.NewGuid().ToString();

        var first = await SendAsync(api, HttpMethod.Post, $"/api/v1/assessments/{id}/evidence", Upload(), key);
        var again = await SendAsync(api, HttpMethod.Post, $"/api/v1/assessments/{id}/evidence", Upload(), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(1, await host.WithDbAsync(db => db.EvidenceFiles.CountAsync(f => f.AssessmentId == id)));
    }

    [Fact]
    public async Task Two_racing_requests_with_one_key_make_one_change()
    {
        using var api = await host.ApiAsync(DemoSeeder.OwnerEmail);
        var organisation = await OrganisationAsync();
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            SendAsync(api, HttpMethod.Post, "/api/v1/assessments", JsonContent.Create(new { organisationId = organisation, year = 2017 }), key)));

        // Each answer is the first one's (201, or its replay) or "being handled" (409): never a second assessment, never a 500.
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await host.WithDbAsync(db => db.Assessments.CountAsync(a => a.OrganisationId == organisation && a.Year == 2017)));
        var retry = await SendAsync(api, HttpMethod.Post, "/api/v1/assessments", JsonContent.Create(new { organisationId = organisation, year = 2017 }), key);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
    }

    [Fact]
    public async Task A_key_sent_with_another_request_is_refused()
    {
        using var api = await host.ApiAsync(DemoSeeder.OwnerEmail);
        var organisation = await OrganisationAsync();
        var key = Guid.NewGuid().ToString();
        await SendAsync(api, HttpMethod.Post, "/api/v1/assessments", JsonContent.Create(new { organisationId = organisation, year = 2018 }), key);

        var other = await SendAsync(api, HttpMethod.Post, "/api/v1/assessments", JsonContent.Create(new { organisationId = organisation, year = 2019 }), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await host.WithDbAsync(db => db.Assessments.CountAsync(a => a.OrganisationId == organisation && a.Year == 2019)));
    }

    [Fact]
    public async Task A_malformed_key_is_refused_naming_the_header()
    {
        using var api = await host.ApiAsync(DemoSeeder.OwnerEmail);
        var organisation = await OrganisationAsync();

        var answer = await SendAsync(api, HttpMethod.Post, "/api/v1/assessments", JsonContent.Create(new { organisationId = organisation, year = 2020 }), "no spaces allowed");

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.True((await TestHost.JsonAsync(answer)).GetProperty("errors").TryGetProperty(Idempotency.Header, out _));
        Assert.Equal(0, await host.WithDbAsync(db => db.Assessments.CountAsync(a => a.OrganisationId == organisation && a.Year == 2020)));
    }

    private Task<Guid> OrganisationAsync() =>
        host.WithDbAsync(async db => (await db.Users.Where(u => u.Email == DemoSeeder.OwnerEmail).Select(u => u.OrganisationId).SingleAsync())!.Value);

    private static MultipartFormDataContent Upload()
    {
        var file = new ByteArrayContent(TestHost.Pdf("Retried upload"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { new StringContent("turnover"), "inputId" }, { file, "file", "accounts.pdf" } };
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient api, HttpMethod method, string url, HttpContent content, string key)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.TryAddWithoutValidation(Idempotency.Header, key);
        return api.SendAsync(request);
    }
}
