using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HiTech.Web.Infrastructure;
using HiTech.Web.Tests.Assessments;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Security;

/// <summary>
/// Malformed API requests (wrong types, numbers too large, bad ids, lists for objects, no body, null, cut-off or
/// too deeply nested JSON, bad query values) answer 4xx, never 500, as application/problem+json naming the field;
/// every other API refusal (401, 403, 404, 405, 409, 415, 429) is a problem too, whatever the Accept header, in the
/// caller's language. Pages keep their HTML error pages.
/// </summary>
public sealed class MalformedRequestTests(AssessmentsFixture fixture) : IClassFixture<AssessmentsFixture>
{
    private const string Problem = "application/problem+json";
    private const string Owner = DemoSeeder.OwnerEmail;
    private const string Assessor = DemoSeeder.AssessorEmail;
    private const string Inputs = "/api/v1/assessments/3fa85f64-5717-4562-b3fc-2c963f66afa6/inputs";
    private const string Approve = "/api/v1/reviews/3fa85f64-5717-4562-b3fc-2c963f66afa6/approve";
    private const string Organisations = "/api/v1/organisations";
    private const string Assessments = "/api/v1/assessments";

    /// <summary>JSON nested 65 levels deep (the limit is 64).</summary>
    private static readonly string Deep = new string('[', 65) + new string(']', 65);

    /// <summary>Who sends it, how, what, and the field the 400 must name.</summary>
    public static TheoryData<string, string, string, string?, string> BadRequests() => new()
    {
        // PUT /api/v1/assessments/{id}/inputs: { version: int?, inputs: { id: value } }
        { Owner, "PUT", Inputs, """{"version":"abc","inputs":{}}""", "version" },
        { Owner, "PUT", Inputs, """{"version":1e30,"inputs":{}}""", "version" },
        { Owner, "PUT", Inputs, """{"version":"12,34,567","inputs":{}}""", "version" },
        { Owner, "PUT", Inputs, """{"version":3.5,"inputs":{}}""", "version" },
        { Owner, "PUT", Inputs, """{"version":true,"inputs":{}}""", "version" },
        { Owner, "PUT", Inputs, """{"version":1,"inputs":[]}""", "inputs" },
        { Owner, "PUT", Inputs, """{"version":1,"inputs":"all of them"}""", "inputs" },
        { Owner, "PUT", Inputs, "[]", "body" },
        { Owner, "PUT", Inputs, "null", "body" },
        { Owner, "PUT", Inputs, "", "body" },
        { Owner, "PUT", Inputs, "   ", "body" },
        { Owner, "PUT", Inputs, """{"version":1,"inputs":{"rd_spend":""", "body" },
        { Owner, "PUT", Inputs, """{"version":1,""", "body" },
        { Owner, "PUT", Inputs, "version=1", "body" },
        { Owner, "PUT", Inputs, """{"version":1,"inputs":{"rd_spend":""" + Deep + "}}", "body" },

        // POST /api/v1/assessments: { organisationId: Guid?, year: int? }
        { Owner, "POST", Assessments, """{"organisationId":"not-a-guid","year":2024}""", "organisationId" },
        { Owner, "POST", Assessments, """{"organisationId":12345,"year":2024}""", "organisationId" },
        { Owner, "POST", Assessments, """{"organisationId":"3fa85f64-5717-4562-b3fc-2c963f66afa6","year":"2024-25"}""", "year" },
        { Owner, "POST", Assessments, """{"organisationId":"3fa85f64-5717-4562-b3fc-2c963f66afa6","year":99999999999}""", "year" },
        { Owner, "POST", Assessments, "[]", "body" },
        { Owner, "POST", Assessments, "\"2024\"", "body" },
        { Owner, "POST", Assessments, "", "body" },

        // POST /api/v1/organisations: { name: string?, investmentInr: decimal?, turnoverInr: decimal?, ... }
        { Owner, "POST", Organisations, """{"name":"Acme","investmentInr":"12,34,567"}""", "investmentInr" },
        { Owner, "POST", Organisations, """{"name":"Acme","turnoverInr":1e30}""", "turnoverInr" },
        { Owner, "POST", Organisations, """{"name":["Acme"]}""", "name" },
        { Owner, "POST", Organisations, """{"name":{"en":"Acme"}}""", "name" },
        { Owner, "POST", Organisations, """{"name":"Acme","unused":""" + Deep + "}", "body" },
        { Owner, "POST", Organisations, "null", "body" },

        // POST /api/v1/reviews/{id}/approve: { version: int?, comments: string? }
        { Assessor, "POST", Approve, """{"version":"abc"}""", "version" },
        { Assessor, "POST", Approve, """{"version":1,"comments":5}""", "comments" },
        { Assessor, "POST", Approve, "[]", "body" },
        { Assessor, "POST", Approve, "", "body" },
        { Assessor, "POST", Approve, """{"version":1""", "body" },

        // Query values
        { Owner, "GET", Assessments + "?page=abc", null, "page" },
        { Owner, "GET", Assessments + "?pageSize=1e30", null, "pageSize" },
        { Owner, "GET", Organisations + "?page=12,34,567", null, "page" },
        { Owner, "DELETE", Organisations + "/3fa85f64-5717-4562-b3fc-2c963f66afa6/units/3fa85f64-5717-4562-b3fc-2c963f66afa7?version=abc", null, "version" },

        // Signing in
        { "", "POST", "/api/v1/auth/login", """{"email":5,"password":"x"}""", "email" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_malformed_request_is_a_400_problem_naming_the_field(string who, string method, string url, string? body, string field)
    {
        using var api = who.Length == 0 ? fixture.Anonymous() : await fixture.ApiAsync(who);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await api.SendAsync(request);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No message for {field}: {problem}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    [Fact]
    public async Task Each_field_is_told_what_it_must_be()
    {
        using var api = await fixture.ApiAsync(Owner);

        var version = await ErrorsAsync(await api.PutAsync(Inputs, Json("""{"version":"abc","inputs":{}}""")), "version");
        Assert.Equal("Must be a whole number without quotes or commas, at most 2147483647.", version);
        var organisation = await ErrorsAsync(await api.PostAsync(Assessments, Json("""{"organisationId":"x","year":2024}""")), "organisationId");
        Assert.Equal("Must be an id like 3fa85f64-5717-4562-b3fc-2c963f66afa6.", organisation);
        var money = await ErrorsAsync(await api.PostAsync(Organisations, Json("""{"turnoverInr":"12,34,567"}""")), "turnoverInr");
        Assert.Equal("Must be a number without quotes or commas, like 1234567.5.", money);
        var inputs = await ErrorsAsync(await api.PutAsync(Inputs, Json("""{"version":1,"inputs":[]}""")), "inputs");
        Assert.Equal("Must be a JSON object in curly brackets { }.", inputs);
        var list = await ErrorsAsync(await api.PostAsync(Assessments, Json("[]")), "body");
        Assert.Equal("Must be a JSON object in curly brackets { }.", list);
        var deep = await ErrorsAsync(await api.PutAsync(Inputs, Json("""{"version":1,"inputs":{"a":""" + Deep + "}}")), "body");
        Assert.Equal("The request body is nested too deeply: at most 64 levels.", deep);
        var cut = await ErrorsAsync(await api.PutAsync(Inputs, Json("""{"version":1,"inputs":{"a":""")), "body");
        Assert.StartsWith("The request body is not valid JSON", cut, StringComparison.Ordinal);
        var empty = await ErrorsAsync(await api.PutAsync(Inputs, Json("")), "body");
        Assert.Equal("Send a JSON object in the request body.", empty);
        var page = await ErrorsAsync(await api.GetAsync(Assessments + "?page=abc"), "page");
        Assert.Equal("Must be a whole number without quotes or commas, at most 2147483647.", page);
    }

    [Fact]
    public async Task Messages_are_in_malayalam_for_a_malayalam_caller()
    {
        using var api = await fixture.ApiAsync(Owner, "ml");
        using var response = await api.PutAsync(Inputs, Json("""{"version":"abc","inputs":{}}"""));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(IsMalayalam(problem.GetProperty("title").GetString()), problem.ToString());
        Assert.True(IsMalayalam(problem.GetProperty("errors").GetProperty("version")[0].GetString()), problem.ToString());

        using var anonymous = fixture.Anonymous("ml");
        var unauthorised = await ProblemAsync(await anonymous.GetAsync(Assessments), HttpStatusCode.Unauthorized);
        Assert.True(IsMalayalam(unauthorised.GetProperty("title").GetString()), unauthorised.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/html")]
    [InlineData("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")]
    public async Task Every_api_refusal_is_a_problem_whatever_the_accept_header(string? accept)
    {
        var draft = await fixture.CreateDraftAsync();
        async Task<JsonElement> Send(string? who, HttpMethod method, string url, HttpStatusCode expected, HttpContent? content = null, string? token = null)
        {
            using var client = who is null ? fixture.Anonymous() : await fixture.ApiAsync(who);
            using var request = new HttpRequestMessage(method, url) { Content = content };
            if (accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await client.SendAsync(request);
            return await ProblemAsync(response, expected);
        }

        await Send(null, HttpMethod.Get, Assessments, HttpStatusCode.Unauthorized);
        await Send(null, HttpMethod.Get, Assessments, HttpStatusCode.Unauthorized, token: "not-a-token");
        await Send(DemoSeeder.AnalystEmail, HttpMethod.Get, Assessments, HttpStatusCode.Forbidden);
        await Send(Owner, HttpMethod.Get, "/api/v1/no-such-thing", HttpStatusCode.NotFound);
        await Send(Owner, HttpMethod.Get, $"{Assessments}/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        await Send(Owner, HttpMethod.Get, $"{Assessments}/not-a-guid", HttpStatusCode.NotFound);
        await Send(Owner, HttpMethod.Delete, Assessments, HttpStatusCode.MethodNotAllowed);
        var stale = await Send(Owner, HttpMethod.Post, $"{Assessments}/{draft}/submit", HttpStatusCode.Conflict, Json("""{"version":99}"""));
        Assert.True(stale.TryGetProperty("currentVersion", out _), stale.ToString());
        var unsupported = await Send(Owner, HttpMethod.Put, $"{Assessments}/{draft}/inputs", HttpStatusCode.UnsupportedMediaType, new StringContent("""{"version":0,"inputs":{}}""", Encoding.UTF8, "text/plain"));
        Assert.True(unsupported.GetProperty("errors").TryGetProperty("body", out _), unsupported.ToString());
        var invalid = await Send(Owner, HttpMethod.Put, $"{Assessments}/{draft}/inputs", HttpStatusCode.BadRequest, Json("""{"version":"abc","inputs":{}}"""));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("version", out _), invalid.ToString());
    }

    [Fact]
    public async Task A_rate_limited_caller_gets_a_problem_with_retry_after()
    {
        using var client = fixture.Anonymous();
        client.DefaultRequestHeaders.Add(WebAppFactory.ClientAddressHeader, "10.9.0.1");
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "text/html");
        HttpResponseMessage? last = null;
        for (var i = 0; i < 21; i++)
        {
            last?.Dispose();
            last = await client.PostAsync("/api/v1/auth/login", Json("""{"email":"nobody@malformed.test","password":"Wrong#2025pw"}"""));
        }

        using var limited = last!;
        var problem = await ProblemAsync(limited, HttpStatusCode.TooManyRequests);
        var seconds = int.Parse(Assert.Single(limited.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
        Assert.Contains(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_keep_their_html_error_pages()
    {
        using var client = fixture.Anonymous();
        using var response = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The response is a problem with this status; its JSON.</summary>
    internal static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal(Problem, response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        var problem = document.RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    internal static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<string> ErrorsAsync(HttpResponseMessage response, string field)
    {
        using (response)
        {
            var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
            return problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        }
    }

    private static bool IsMalayalam(string? text) => text is not null && text.Any(c => c is >= '\u0D00' and <= '\u0D7F');
}

/// <summary>A body over the server's limit (the real server, Kestrel, enforces it): a 413 problem about the body.</summary>
[Collection(SecurityCollection.Name)]
public sealed class OversizedRequestTests(SecurityFixture fixture)
{
    [Fact]
    public async Task A_json_body_over_the_limit_is_a_413_problem()
    {
        var options = fixture.Factory.Services.GetRequiredService<PlatformOptions>();
        var oversized = new byte[(int)options.MaxUploadBytes + (1024 * 1024)];
        var json = new ByteArrayContent(oversized) { Headers = { { "Content-Type", "application/json" } } };
        using var refused = await fixture.SendAsync(Who.Anonymous, HttpMethod.Post, "/api/v1/certificates/verify", json, api: true, expectContinue: true);

        var problem = await MalformedRequestTests.ProblemAsync(refused, HttpStatusCode.RequestEntityTooLarge);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _), problem.ToString());
    }
}

/// <summary>The platform in Production (no developer pages): malformed API requests still answer problems, pages HTML.</summary>
public sealed class ProductionFixture() : TestHost(new WebAppFactory { EnvironmentName = "Production" });

public sealed class MalformedRequestsInProductionTests(ProductionFixture fixture) : IClassFixture<ProductionFixture>
{
    [Theory]
    [InlineData("""{"version":"abc","inputs":{}}""", "version")]
    [InlineData("[]", "body")]
    [InlineData("", "body")]
    [InlineData("""{"version":1,""", "body")]
    public async Task A_malformed_request_is_a_400_problem(string body, string field)
    {
        using var api = await fixture.ApiAsync(DemoSeeder.OwnerEmail);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/assessments/{Guid.NewGuid()}/inputs") { Content = MalformedRequestTests.Json(body) };
        request.Headers.TryAddWithoutValidation("Accept", "text/html");
        using var response = await api.SendAsync(request);

        var problem = await MalformedRequestTests.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Api_refusals_are_problems_and_pages_stay_html()
    {
        // Over HTTPS, as in production (the antiforgery cookie of the HTML error page is Secure-only there).
        using var anonymous = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        anonymous.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "text/html");
        await MalformedRequestTests.ProblemAsync(await anonymous.GetAsync("/api/v1/assessments"), HttpStatusCode.Unauthorized);
        await MalformedRequestTests.ProblemAsync(await anonymous.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);

        using var page = await anonymous.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }
}
