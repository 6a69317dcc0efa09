using System.Text.Json.Serialization;

namespace HiTech.Web.Features.OpenData;

/// <summary>
/// The open data under /api/v1/indicators, for anyone (no sign-in): <c>GET /indicators</c> lists the published
/// tables of a year with their data dictionary and download addresses; <c>GET /indicators/{table}?format=csv|xlsx|json</c>
/// gives one (also <c>dictionary</c>, and <c>all</c> as a zip of CSVs). The same cells as the open-data page and the
/// dashboard: suppressed figures are empty (null) with <c>suppressed</c> naming the rule.
/// </summary>
public static class OpenDataApi
{
    public sealed record Column(
        [property: JsonPropertyName("column")] string Id,
        [property: JsonPropertyName("meaning")] string Meaning,
        [property: JsonPropertyName("unit")] string Unit,
        [property: JsonPropertyName("definition")] string Definition);

    public sealed record Table(
        [property: JsonPropertyName("table")] string Id,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("rows")] int Rows,
        [property: JsonPropertyName("dictionary")] IReadOnlyList<Column> Dictionary,
        [property: JsonPropertyName("downloads")] IReadOnlyDictionary<string, string> Downloads);

    public sealed record Rules(
        [property: JsonPropertyName("min_frequency")] int MinFrequency,
        [property: JsonPropertyName("p_percent")] decimal PPercent,
        [property: JsonPropertyName("source")] string Source,
        [property: JsonPropertyName("in_words")] string InWords);

    public sealed record Catalogue(
        [property: JsonPropertyName("year")] int Year,
        [property: JsonPropertyName("years")] IReadOnlyList<int> Years,
        [property: JsonPropertyName("framework_id")] string FrameworkId,
        [property: JsonPropertyName("framework_version")] string FrameworkVersion,
        [property: JsonPropertyName("data_as_of")] DateTimeOffset AsOf,
        [property: JsonPropertyName("disclosure")] Rules Disclosure,
        [property: JsonPropertyName("tables")] IReadOnlyList<Table> Tables,
        [property: JsonPropertyName("all_csv_zip")] string AllCsvZip);

    public static void Map(RouteGroupBuilder api)
    {
        var open = api.MapGroup("/indicators").WithTags("Open data").AllowAnonymous();
        open.MapGet("/", ListAsync)
            .WithName("ListOpenDataTables")
            .WithSummary("The published tables of a financial year (default the latest) with their data dictionary, the framework version, the data-as-of time and the disclosure rules applied")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        open.MapGet("/{table}", DownloadAsync)
            .WithName("DownloadOpenDataTable")
            .WithSummary("One published table as csv, xlsx or json (table 'dictionary': the data dictionary; 'all': every table as CSV in a zip); suppressed figures are empty with the rule in the suppressed column")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: OpenDataFiles.ContentType(OpenDataFiles.Xlsx))
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The address of one download, keeping the year asked for.</summary>
    public static string DownloadUrl(string table, string format, int year) =>
        $"/api/v1/indicators/{table}?format={format}&year={year.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    private static async Task<Results<Ok<Catalogue>, ProblemHttpResult>> ListAsync(GetOpenData openData, CancellationToken cancellationToken, string? year = null) =>
        (await openData.ExecuteAsync(year, cancellationToken)).ToOk(Of);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        string table, GetOpenDataFile download, CancellationToken cancellationToken, string? format = null, string? year = null)
    {
        var outcome = await download.ExecuteAsync(table, format, year, cancellationToken);
        return outcome.IsOk
            ? TypedResults.File(outcome.Value!.Content, outcome.Value.ContentType, outcome.Value.Name)
            : outcome.Problem();
    }

    private static Catalogue Of(OpenDataset data) => new(
        data.Year,
        data.Years,
        data.FrameworkId,
        data.FrameworkVersion,
        data.AsOf,
        new Rules(data.Rules.MinFrequency, data.Rules.PPercent, data.Rules.Source, data.RulesInWords),
        [.. data.Tables.Append(OpenDataFiles.DictionaryTable(data)).Select(t => new Table(
            t.Id,
            t.Title,
            t.Rows.Count,
            [.. t.Columns.Select(c => new Column(c.Id, c.Meaning, c.Unit, c.Definition))],
            OpenDataFiles.Formats.ToDictionary(f => f, f => DownloadUrl(t.Id, f, data.Year), StringComparer.Ordinal)))],
        $"/api/v1/indicators/{GetOpenDataFile.AllId}?year={data.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
}
