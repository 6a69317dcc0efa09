using System.Net;
using System.Net.Sockets;
using System.Text;
using HiTech.Cli.Commands;

namespace HiTech.Cli.Tests;

/// <summary>
/// <c>hitech providers import</c>: a department list checked offline into a clean file and rejects (every row in one
/// of them), and with --url/--token posted to the platform, whose rejects join the file on the original lines.
/// </summary>
public sealed class ProvidersImportTests
{
    private const string List =
        "provider_id,name,kind,district,nic_codes,stages,certifications,services,remote,expires_on,website\n"
        + "D1,Demo Rubber Lab,tic-lab,Cochin,2219,testing-certification,nabl,Rubber testing,no,,https://lab.example.in\n"
        + "D2,Demo Bad Kind,laboratory,Kottayam,2219,,,,false,2027-01-01,\n"
        + "D3,Demo Returnee,professional,Thrissur,28,,,,true,2027-01-01,\n"
        + "D4,Demo Coir Design,design-engineering,Alappuzha,1394,design-engineering,,Coir design,false,2027-03-31,\n"
        + "D1,Demo Repeated,tic-lab,Kottayam,2219,,,,false,2027-01-01,\n";

    [Fact]
    public void A_list_is_checked_offline_into_a_clean_file_and_rejects_with_every_row_accounted_for()
    {
        using var folder = new TempFolder();
        folder.Write("list.csv", List);
        var result = folder.Run("providers", "import", "list.csv", "--out", "clean.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("checked: rows 5, clean 2, rejected 3; clean file clean.csv", result.Out, StringComparison.Ordinal);
        var clean = CsvFile.Read(folder.File("clean.csv"));
        Assert.Equal(ProvidersCommand.CleanColumns, clean[0]);
        Assert.Equal(["D1", "D4"], clean.Skip(1).Select(r => r[0]));
        Assert.Equal(("Ernakulam", "false", ""), (clean[1][3], clean[1][8], clean[1][9])); // Cochin read as Ernakulam; empty expiry left to the platform
        var rejects = CsvFile.Read(folder.File("clean.rejects.csv"));
        Assert.Equal(ProvidersCommand.RejectColumns, rejects[0]);
        Assert.Equal([("3", "D2", "kind"), ("4", "D3", "kind"), ("6", "D1", "provider_id")], rejects.Skip(1).Select(r => (r[0], r[1], r[2])));
        Assert.Contains("register themselves", rejects[2][3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_url_and_token_the_clean_file_is_posted_and_the_platform_rejects_come_back_on_the_original_lines()
    {
        using var folder = new TempFolder();
        folder.Write("list.csv", List);
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var served = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var seen = (context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], body);

            // The platform refuses the clean file's line 3 (D4, the original line 5).
            var answer = Encoding.UTF8.GetBytes("""{"read":2,"imported":1,"updated":0,"rejected":1,"rejects":[{"line":3,"providerId":"D4","field":"district","reason":"refused by the platform"}],"ignoredColumns":[]}""");
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
            return seen;
        });

        var result = folder.Run("providers", "import", "list.csv", "--out", "clean.csv", "--url", $"http://127.0.0.1:{port}", "--token", "secret-token");
        var (method, path, authorization, body) = await served;

        Assert.Equal(("POST", "/api/v1/providers/import", "Bearer secret-token"), (method, path, authorization));
        Assert.Contains("Demo Coir Design", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo Bad Kind", body, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("imported 1, updated 0, rejected 4 (3 here, 1 by the platform)", result.Out, StringComparison.Ordinal);
        var rejects = CsvFile.Read(folder.File("clean.rejects.csv"));
        Assert.Contains(rejects, r => r[0] == "5" && r[1] == "D4" && r[3] == "refused by the platform");
    }

    [Fact]
    public void Url_without_token_is_refused_before_anything_is_read()
    {
        using var folder = new TempFolder();
        folder.Write("list.csv", List);
        var result = folder.Run("providers", "import", "list.csv", "--out", "clean.csv", "--url", "http://127.0.0.1:9");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--url and --token go together", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("clean.csv")));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
