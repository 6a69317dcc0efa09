using HiTech.Web.Tests.Infrastructure;
#if POSTGRES
using System.Net;
using System.Net.Http.Headers;
using HiTech.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
#endif

namespace HiTech.Web.Tests.Assessments;

/// <summary>
/// Evidence kept in PostgreSQL (Storage:Evidence=database), for several nodes: two hosts on one database, a file uploaded
/// through one downloads byte for byte through the other; the size limit and the content checks still hold; orphans
/// are swept. On SQLite the setting is refused at start-up with what to do.
/// </summary>
public sealed class DatabaseEvidenceTests
{
    private static readonly Dictionary<string, string> InDatabase = new() { ["Storage:Evidence"] = "database", ["Uploads:MaxBytes"] = "4194304" };

    private static CancellationToken None => TestContext.Current.CancellationToken;

#if POSTGRES
    [Fact]
    public async Task A_file_uploaded_through_one_node_downloads_byte_for_byte_through_the_other()
    {
        await using var one = new Node(new WebAppFactory { Settings = InDatabase });
        await one.InitializeAsync();
        var shared = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(WebAppFactory.PostgresVariable)) { Database = one.Factory.DatabaseName }.ConnectionString;
        await using var two = new Node(new WebAppFactory { Settings = new Dictionary<string, string>(InDatabase) { ["ConnectionStrings:Default"] = shared } });
        await two.InitializeAsync();

        // Three megabytes that compress poorly, as a scan would: several network reads on the way in and out.
        var random = new Random(13);
        var noise = new byte[3 * 1024 * 1024];
        random.NextBytes(noise);
        byte[] content = [.. TestHost.Pdf("two nodes"), .. noise, .. "\n%%EOF\n"u8];

        var id = await one.CreateDraftAsync(filled: true);
        using var throughOne = await one.ApiAsync(DemoSeeder.OwnerEmail);
        using var uploaded = await UploadAsync(throughOne, id, content, "scan.pdf");
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var fileId = (await TestHost.JsonAsync(uploaded)).GetProperty("id").GetGuid();

        using var throughTwo = await two.ApiAsync(DemoSeeder.OwnerEmail);
        using var download = await throughTwo.GetAsync($"/api/v1/assessments/{id}/evidence/{fileId}", None);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync(None));

        // Nothing stays on either node's disk: the bytes are in the database.
        foreach (var node in new[] { one, two })
        {
            var folder = node.Factory.Services.GetRequiredService<EvidenceStore>().Directory;
            Assert.Empty(Directory.Exists(folder) ? Directory.GetFiles(folder) : []);
        }

        // The limit and the content checks are the file store's: refused, and nothing kept.
        var blobs = await BlobCountAsync(one);
        using var tooLarge = await UploadAsync(throughTwo, id, [.. TestHost.Pdf("large"), .. new byte[5 * 1024 * 1024], .. "%%EOF"u8], "large.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        using var webPage = await UploadAsync(throughTwo, id, "%PDF-1.7\n<!DOCTYPE html><script>alert(1)</script>\n%%EOF"u8.ToArray(), "page.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, webPage.StatusCode);
        Assert.Equal(blobs, await BlobCountAsync(one));

        // An orphan (kept, its record never saved) goes once untouched for a day; the referenced file stays, however old.
        var store = two.Factory.Services.GetRequiredService<EvidenceStore>();
        var (orphan, refused) = await store.SaveAsync(new MemoryStream(TestHost.Pdf("never saved")), "orphan.pdf", id, "turnover", Guid.NewGuid(), None);
        Assert.Null(refused);
        await one.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "EvidenceBlobs" SET "TouchedAt" = now() - interval '2 days'""", None));
        await using (var scope = one.Factory.Services.CreateAsyncScope())
        {
            var removed = await scope.ServiceProvider.GetRequiredService<EvidenceSweep>().RunAsync(None);
            Assert.Equal([orphan!.Sha256], removed);
        }

        using var again = await throughOne.GetAsync($"/api/v1/assessments/{id}/evidence/{fileId}", None);
        Assert.Equal(content, await again.Content.ReadAsByteArrayAsync(None));
    }
#endif

#if !POSTGRES
    [Fact]
    public async Task Evidence_in_the_database_on_SQLite_is_refused_at_start_up_with_what_to_do()
    {
        await using var factory = new WebAppFactory { Settings = InDatabase };
        var refused = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.Contains("Storage:Evidence", refused.ToString(), StringComparison.Ordinal);
        Assert.Contains("postgres", refused.ToString(), StringComparison.Ordinal);
    }
#endif

#if POSTGRES
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient api, Guid assessment, byte[] bytes, string name)
    {
        using var form = new MultipartFormDataContent { { new StringContent("turnover"), "inputId" } };
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", name);
        return await api.PostAsync($"/api/v1/assessments/{assessment}/evidence", form, None);
    }

    private static Task<int> BlobCountAsync(Node node) =>
        node.WithDbAsync(db => db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM "EvidenceBlobs" """).SingleAsync(None));

    /// <summary>One web node of the two, with the assessments' helpers.</summary>
    private sealed class Node(WebAppFactory factory) : AssessmentsFixture(factory);
#endif
}
