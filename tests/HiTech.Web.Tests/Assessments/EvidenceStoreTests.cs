using System.Net;
using System.Net.Http.Headers;
using HiTech.Web.Infrastructure.Storage;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Assessments;

/// <summary>
/// Evidence is checked by its structure, not only its first bytes; names lose what would hide or turn them; files
/// no record refers to are swept once they are old, and nothing else is.
/// </summary>
public sealed class EvidenceStoreTests(AssessmentsFixture fixture) : IClassFixture<AssessmentsFixture>
{
    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0, 0x3A, 0x7E, 0x9B, 0x55,
        0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

    private async Task<HttpResponseMessage> UploadAsync(HttpClient api, Guid id, byte[] content, string fileName)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = fileName };
        using var form = new MultipartFormDataContent { { new StringContent("turnover"), "inputId" }, file };
        return await api.PostAsync($"/api/v1/assessments/{id}/evidence", form);
    }

    public static TheoryData<string, byte[]> NotWhatTheyClaim => new()
    {
        { "a web page behind a PDF header", "%PDF-1.4\n<html><body><script>document.location='https://evil.example'</script></body></html>\n%%EOF\n"u8.ToArray() },
        { "a PDF header with no end", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n"u8.ToArray() },
        { "a PNG signature with no IEND", Png[..33] },
        { "a JPEG start with no end", Jpeg[..^2] },
    };

    [Theory]
    [MemberData(nameof(NotWhatTheyClaim))]
    public async Task A_file_whose_structure_is_not_a_PDF_PNG_or_JPEG_is_refused_and_not_kept(string what, byte[] content)
    {
        var id = await fixture.CreateDraftAsync();
        using var api = await fixture.ApiAsync(DemoSeeder.OwnerEmail);
        var files = Directory.Exists(Store.Directory) ? Directory.GetFiles(Store.Directory).Length : 0;
        using var response = await UploadAsync(api, id, content, "accounts.pdf");
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
        Assert.Contains("must be a PDF, PNG or JPEG", (await TestHost.JsonAsync(response)).GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.WithDbAsync(db => db.EvidenceFiles.CountAsync(f => f.AssessmentId == id)));
        Assert.Equal(files, Directory.GetFiles(Store.Directory).Length);
    }

    [Fact]
    public async Task A_whole_PDF_PNG_and_JPEG_are_kept()
    {
        var id = await fixture.CreateDraftAsync();
        using var api = await fixture.ApiAsync(DemoSeeder.OwnerEmail);
        foreach (var (content, type) in new[] { (TestHost.Pdf(), "application/pdf"), (Png, "image/png"), (Jpeg, "image/jpeg") })
        {
            using var response = await UploadAsync(api, id, content, "scan");
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(type, (await TestHost.JsonAsync(response)).GetProperty("contentType").GetString());
        }
    }

    [Fact]
    public async Task A_file_name_is_kept_without_direction_overrides_or_control_characters()
    {
        var id = await fixture.CreateDraftAsync();
        using var api = await fixture.ApiAsync(DemoSeeder.OwnerEmail);
        using var response = await UploadAsync(api, id, TestHost.Pdf("Named"), "invoice\u202Efdp.exe\u001B");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("invoicefdp.exe", await fixture.WithDbAsync(db => db.EvidenceFiles.Where(f => f.AssessmentId == id).Select(f => f.FileName).SingleAsync()));
    }

    [Fact]
    public async Task The_sweep_removes_old_unreferenced_files_and_interrupted_uploads_and_keeps_the_rest()
    {
        var id = await fixture.CreateDraftAsync();
        using var api = await fixture.ApiAsync(DemoSeeder.OwnerEmail);
        using (var upload = await UploadAsync(api, id, TestHost.Pdf("Kept by its record " + Guid.NewGuid()), "kept.pdf"))
        {
            Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        }

        var referenced = await fixture.WithDbAsync(db => db.EvidenceFiles.Where(f => f.AssessmentId == id).Select(f => f.Sha256).SingleAsync());
        var old = DateTime.UtcNow - EvidenceSweep.Grace - TimeSpan.FromHours(1);
        string Make(string name, bool isOld)
        {
            var path = Path.Combine(Store.Directory, name);
            File.WriteAllBytes(path, TestHost.Pdf(name));
            if (isOld)
            {
                File.SetLastWriteTimeUtc(path, old);
            }

            return path;
        }

        var referencedPath = Path.Combine(Store.Directory, referenced);
        File.SetLastWriteTimeUtc(referencedPath, old);
        var freshOrphan = Make(new string('a', 64), isOld: false);
        var oldOrphan = Make(new string('b', 64), isOld: true);
        var oldTemp = Make(EvidenceStore.TempPrefix + Guid.NewGuid().ToString("N"), isOld: true);
        var freshTemp = Make(EvidenceStore.TempPrefix + Guid.NewGuid().ToString("N"), isOld: false);
        var other = Make("README.txt", isOld: true);

        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var removed = await scope.ServiceProvider.GetRequiredService<EvidenceSweep>().RunAsync(TestContext.Current.CancellationToken);

        Assert.True(File.Exists(referencedPath), "a file a record refers to was swept");
        Assert.True(File.Exists(freshOrphan), "an upload in progress was swept");
        Assert.True(File.Exists(freshTemp), "a file being written was swept");
        Assert.True(File.Exists(other), "a file the store did not write was swept");
        Assert.False(File.Exists(oldOrphan));
        Assert.False(File.Exists(oldTemp));
        Assert.Contains(Path.GetFileName(oldOrphan), removed);
        Assert.Contains(Path.GetFileName(oldTemp), removed);

        // The kept file still downloads.
        var fileId = await fixture.WithDbAsync(db => db.EvidenceFiles.Where(f => f.AssessmentId == id).Select(f => f.Id).SingleAsync());
        using var download = await api.GetAsync($"/api/v1/assessments/{id}/evidence/{fileId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        File.Delete(freshOrphan);
        File.Delete(freshTemp);
        File.Delete(other);
    }

    [Fact]
    public void Structure_is_checked_at_both_ends()
    {
        Assert.Equal(EvidenceStore.Pdf, EvidenceStore.Sniff(TestHost.Pdf(), TestHost.Pdf().AsSpan(^20..)));
        Assert.Null(EvidenceStore.Sniff("%PDF-1.7\n<!DOCTYPE html>"u8, "%%EOF"u8));
        Assert.Null(EvidenceStore.Sniff("%PDF-1.7\n<SCRIPT>"u8, "%%EOF"u8));
        Assert.Equal(EvidenceStore.Png, EvidenceStore.Sniff(Png, Png.AsSpan(^12..)));
        Assert.Equal(EvidenceStore.Jpeg, EvidenceStore.Sniff(Jpeg, Jpeg));
        Assert.Null(EvidenceStore.Sniff("GIF89a"u8, "GIF89a"u8));
    }

    private EvidenceStore Store => fixture.Factory.Services.GetRequiredService<EvidenceStore>();
}
