using System.Net;
using System.Net.Http.Headers;
using HiTech.Web.Infrastructure.Storage;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Assessments;

/// <summary>The assessments' data on a real server (Kestrel), whose request limits are the ones a browser meets.</summary>
public sealed class KestrelAssessmentsFixture : AssessmentsFixture
{
    public override ValueTask InitializeAsync()
    {
        if (WebAppFactory.SkipReason is null)
        {
            Factory.StartKestrel();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>A cookie-keeping client over a real socket, signed in as the demo owner.</summary>
    public async Task<Browser> OwnerOverSocketAsync(string language)
    {
        var cookies = new CookieContainer();
        var (name, value) = await Factory.AuthCookieAsync(DemoSeeder.OwnerEmail);
        cookies.Add(Factory.KestrelAddress, new Cookie(name, value));
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = Factory.KestrelAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return new Browser(client, cookies);
    }
}

/// <summary>
/// A file twice the upload limit, sent to the real server: the page answers with its own message in the user's
/// language (not a reset connection, which browsers show as "This site can't be reached"), and so does the API.
/// </summary>
public sealed class UploadLimitTests(KestrelAssessmentsFixture fixture) : IClassFixture<KestrelAssessmentsFixture>
{
    private const int TwentyMegabytes = 20 * 1024 * 1024;

    private static byte[] LargePdf() => [.. TestHost.Pdf("start"), .. new byte[TwentyMegabytes]];

    [Theory]
    [InlineData("en", "The selected file must be smaller than 10 MB")]
    [InlineData("ml", "തിരഞ്ഞെടുത്ത ഫയൽ")]
    public async Task A_20_MB_file_on_the_page_is_answered_with_the_page_and_its_message(string language, string message)
    {
        var id = await fixture.CreateDraftAsync();
        using var browser = await fixture.OwnerOverSocketAsync(language);
        var page = $"/assessments/{id}/evidence/turnover";
        var form = await browser.GetHtmlAsync(page);
        Assert.Contains("data-max-bytes=\"10485760\"", form, StringComparison.Ordinal);
        Assert.Contains("/js/upload-limit.js", form, StringComparison.Ordinal);

        using var response = await browser.UploadAsync(page, LargePdf(), "scan.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        if (language == "ml")
        {
            Assert.Contains("lang=\"ml\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(0, await fixture.WithDbAsync(db => db.EvidenceFiles.CountAsync(f => f.AssessmentId == id)));

        // The connection is still good for the next request.
        using var again = await browser.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Theory]
    [InlineData("en", "The selected file must be smaller than 10 MB")]
    [InlineData("ml", "തിരഞ്ഞെടുത്ത ഫയൽ")]
    public async Task A_20_MB_file_on_the_api_is_a_400_problem_about_the_file(string language, string message)
    {
        var id = await fixture.CreateDraftAsync();
        using var api = await fixture.ApiAsync(DemoSeeder.OwnerEmail, language);
        using var form = new MultipartFormDataContent { { new StringContent("turnover"), "inputId" } };
        var file = new ByteArrayContent(LargePdf());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "scan.pdf");
        using var response = await api.PostAsync($"/api/v1/assessments/{id}/evidence", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = (await TestHost.JsonAsync(response)).GetProperty("errors").GetProperty("file")[0].GetString();
        Assert.Contains(message, text, StringComparison.Ordinal);
        Assert.Equal(language == "ml", text!.Any(c => c is >= '\u0D00' and <= '\u0D7F'));
    }

    [Fact]
    public void The_server_reads_an_upload_far_enough_past_the_limit_to_answer()
    {
        var limit = fixture.Factory.Services.GetRequiredService<EvidenceStore>().MaxBytes;
        Assert.True(UploadBody.ReadLimit(limit) > LargePdf().Length);
    }
}
