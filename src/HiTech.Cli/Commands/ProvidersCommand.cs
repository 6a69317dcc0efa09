using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using HiTech.Cli.Infrastructure;
using HiTech.Core.Collaboration;

namespace HiTech.Cli.Commands;

/// <summary>
/// <c>hitech providers import FILE --out clean.csv [--rejects R] [--url URL --token TOKEN]</c>: checks a department's
/// providers list (CSV or Excel, docs/collaboration-formats.md) offline against the same rules as the platform, writes the
/// rows that pass to a clean CSV and the others to a rejects file (line, provider_id, field, reason); with
/// <c>--url</c> and <c>--token</c> it then posts the clean file to the platform's <c>/api/v1/providers/import</c>, and
/// the platform's own rejects join the file (on the original file's lines). Every row is accounted for.
/// </summary>
public static class ProvidersCommand
{
    public static readonly string[] RejectColumns = ["line", "provider_id", "field", "reason"];

    /// <summary>The clean file's columns: what the platform reads, in the documented order.</summary>
    public static readonly string[] CleanColumns =
        [.. ProviderRows.Required, "verified", "verified_on", "technologies", "languages", "response_days", .. ProviderImportRows.Extra];

    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The providers list: CSV, or Excel (.xlsx, first sheet)." };
        var output = new Option<string>("--out") { Description = "The clean CSV to write (the rows that pass).", Required = true };
        var rejects = new Option<string?>("--rejects") { Description = "The rejects CSV (default: <out-name>.rejects.csv beside --out)." };
        var framework = new Option<string>("--framework") { Description = "The framework whose stage and certification ids profiles use.", DefaultValueFactory = _ => "kerala-htmf/2025.1" };
        var url = new Option<string?>("--url") { Description = "The platform's address (https://...): post the clean file to /api/v1/providers/import." };
        var token = new Option<string?>("--token") { Description = "A partnerships officer's or admin's bearer token (from POST /api/v1/auth/login), with --url." };
        var import = new Command("import", "Check a department's list of providers, write a clean file and the rejects, and (with --url) import it.") { file, output, rejects, framework, url, token };
        // The CLI invokes synchronously (Program.Main); the one network call is awaited here.
        import.SetAction(parsed => RunAsync(
            context,
            new Request(parsed.GetRequiredValue(file), parsed.GetRequiredValue(output), parsed.GetValue(rejects), parsed.GetRequiredValue(framework), parsed.GetValue(url), parsed.GetValue(token)),
            CancellationToken.None).GetAwaiter().GetResult());
        return new Command("providers", "Ecosystem providers: import a department's list.") { import };
    }

    private static async Task<int> RunAsync(CliContext context, Request request, CancellationToken cancellationToken)
    {
        if ((request.Url is null) != (request.Token is null))
        {
            throw new CliException("--url and --token go together: give both to import, or neither to check the file only");
        }

        var rejectsPath = request.Rejects ?? ScoreCommand.DefaultRejects(request.Out);
        var framework = DataLocator.LoadFramework(context, request.Framework);
        var data = DataLocator.Guard(() => CollaborationData.Load(DataLocator.DataDirectory, context.Reference, framework));
        var clean = new List<(long Line, ProviderImportRow Row)>();
        var rejected = new List<(long Line, string Id, string Field, string Reason)>();
        var text = new MatchText(data, framework);
        using (var input = RegistryInput.Open(context, request.File))
        {
            var layout = ProviderImportRows.LayoutOf(input.Header);
            if (!layout.IsUsable)
            {
                throw new CliException(
                [
                    $"{request.File}: line 1 (header): the file cannot be imported:",
                    .. layout.Missing.Select(c => $"  the required column '{c}' is missing"),
                    .. layout.Repeated.Select(c => $"  the column '{c}' appears twice"),
                ]);
            }

            if (layout.Ignored.Count > 0)
            {
                context.Out.WriteLine($"note: columns of {request.File} not used: {string.Join(", ", layout.Ignored)}");
            }

            // The expiry default is the platform's to decide at import; the clean file leaves an empty expires_on empty.
            var rows = new ProviderImportRows(data, layout, DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(12));
            var lines = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var row in input.Read(rows))
            {
                if (row.Value is null)
                {
                    rejected.Add((row.Line, row.Id, row.Problem!.Value.Field, text.Problem(row.Problem.Value)));
                }
                else if (!lines.TryAdd(row.Id, row.Line))
                {
                    rejected.Add((row.Line, row.Id, ProviderRows.IdColumn, text.Problem(new ProfileProblem(ProviderRows.IdColumn, ProfileRule.RepeatedId, lines[row.Id].ToString(CultureInfo.InvariantCulture)))));
                }
                else
                {
                    clean.Add((row.Line, row.Value));
                }
            }

            if (input.Aborted is { } aborted)
            {
                context.Error.WriteLine(aborted);
            }
        }

        WriteClean(context, request.Out, clean.Select(c => c.Row), data);
        var offline = rejected.Count;
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checked: rows {clean.Count + offline}, clean {clean.Count}, rejected {offline}; clean file {request.Out}"));
        if (request.Url is { } url && clean.Count > 0)
        {
            var answer = await PostAsync(context, url, request.Token!, request.Out, cancellationToken);
            foreach (var reject in answer.Rejects)
            {
                // The platform numbers the clean file's lines (header = 1): back to the original file's.
                var index = (int)reject.Line - 2;
                rejected.Add((index >= 0 && index < clean.Count ? clean[index].Line : reject.Line, reject.ProviderId, reject.Field, reject.Reason));
            }

            if (answer.Read != clean.Count || answer.Imported + answer.Updated + answer.Rejected != answer.Read)
            {
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: the platform read {answer.Read} rows of the {clean.Count} sent"));
            }

            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"imported {answer.Imported}, updated {answer.Updated}, rejected {rejected.Count} ({offline} here, {answer.Rejected} by the platform)"));
        }

        WriteRejects(context, rejectsPath, rejected.OrderBy(r => r.Line));
        context.Out.WriteLine(rejected.Count == 0 ? $"rejects: none (the empty rejects file is {rejectsPath})" : $"rejects: {rejected.Count} written to {rejectsPath}");
        return rejected.Count > 0 ? ExitCodes.RowsRejected : ExitCodes.Ok;
    }

    private static void WriteClean(CliContext context, string path, IEnumerable<ProviderImportRow> rows, CollaborationData data)
    {
        using var csv = CsvOutput.Create(context.Resolve(path), path);
        csv.Row(CleanColumns);
        foreach (var row in rows)
        {
            var p = row.Profile;
            csv.Field(p.Id);
            csv.Field(p.Name);
            csv.Field(p.Kind);
            csv.Field(p.DistrictId is { } district ? data.Districts.All.First(d => d.Id == district).Name : "outside-kerala");
            csv.Field(string.Join(';', p.NicCodes));
            csv.Field(string.Join(';', p.Stages));
            csv.Field(string.Join(';', p.Certifications));
            csv.Field(p.Services);
            csv.Field(p.Remote ? "true" : "false");
            csv.Field(row.ExpiryGiven ? Date(p.ExpiresOn) : "");
            csv.Field(p.Verified ? "true" : "false");
            csv.Field(p.VerifiedOn is { } verified ? Date(verified) : "");
            csv.Field(string.Join(';', p.Technologies));
            csv.Field(string.Join(';', p.Languages));
            csv.Field(p.ResponseDays?.ToString(CultureInfo.InvariantCulture) ?? "");
            csv.Field(row.ServicesEn ?? "");
            csv.Field(row.ServicesMl ?? "");
            csv.Field(row.Website ?? "");
            csv.EndRow();
        }
    }

    private static void WriteRejects(CliContext context, string path, IEnumerable<(long Line, string Id, string Field, string Reason)> rejects)
    {
        using var csv = CsvOutput.Create(context.Resolve(path), path);
        csv.Row(RejectColumns);
        foreach (var (line, id, field, reason) in rejects)
        {
            csv.Field(line);
            csv.Field(id);
            csv.Field(field);
            csv.Field(reason);
            csv.EndRow();
        }
    }

    private static async Task<ImportAnswer> PostAsync(CliContext context, string url, string token, string cleanPath, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new CliException($"--url: '{url}' is not an http(s) address");
        }

        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(context.Resolve(cleanPath), cancellationToken));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", Path.GetFileName(cleanPath));
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, "/api/v1/providers/import")) { Content = form };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        message.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(message, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"{url}: the platform could not be reached: {e.Message}");
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new CliException($"{url}: the platform refused the import ({(int)response.StatusCode} {response.ReasonPhrase}): {Shorten(body)}");
            }

            return JsonSerializer.Deserialize<ImportAnswer>(body, JsonSerializerOptions.Web)
                ?? throw new CliException($"{url}: the platform's answer could not be read: {Shorten(body)}");
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "...";

    /// <summary>The platform's answer (ProviderImportApi.ImportDto).</summary>
    private sealed record ImportAnswer(int Read, int Imported, int Updated, int Rejected, IReadOnlyList<ImportAnswerReject> Rejects);

    private sealed record ImportAnswerReject(long Line, string ProviderId, string Field, string Reason);

    private sealed record Request(string File, string Out, string? Rejects, string Framework, string? Url, string? Token);
}
