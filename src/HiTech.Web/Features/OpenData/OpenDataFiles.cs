using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace HiTech.Web.Features.OpenData;

/// <summary>
/// Writes published tables as CSV (Sep), Excel (MiniExcel) and JSON, each carrying the framework version, the
/// "data as of" time and the disclosure rules applied; Excel and JSON carry the data dictionary too, a CSV is
/// accompanied by the dictionary's own CSV. A suppressed figure is written empty, its row's <c>suppressed</c>
/// column naming the rule. Numbers and times are culture-invariant.
/// </summary>
public static class OpenDataFiles
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";
    public const string Json = "json";

    /// <summary>The id the data dictionary is downloaded under, like a table.</summary>
    public const string DictionaryId = "dictionary";

    public static IReadOnlyList<string> Formats { get; } = [Csv, Xlsx, Json];

    /// <summary>Columns every CSV row carries, so that a CSV file on its own says what it is.</summary>
    public static IReadOnlyList<OpenColumn> CsvMetadataColumns { get; } =
    [
        new("framework_version", "The framework (id/version) whose tiers and rules the figures follow", "text", "data/frameworks"),
        new("data_as_of", "When the analytical snapshot the figures come from was taken (UTC, ISO 8601)", "date-time", "docs/web-architecture.md (the analytical store)"),
        new("disclosure_rules", "The disclosure rules applied: min_frequency and p_percent of data/analytics/disclosure.yaml", "text", "docs/indicators.md, Disclosure control"),
    ];

    public static string ContentType(string format) => format switch
    {
        Csv => "text/csv; charset=utf-8",
        Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Json => "application/json; charset=utf-8",
        _ => "application/zip",
    };

    /// <summary>The file name a download is saved under: kerala-hitech-by_district-2025.csv.</summary>
    public static string FileName(OpenDataset data, string id, string format) =>
        $"kerala-hitech-{id}-{data.Year.ToString(CultureInfo.InvariantCulture)}.{format}";

    public static byte[] Write(OpenDataset data, OpenTable table, string format) => format switch
    {
        Csv => WriteCsv(data, table.Columns, table.Rows, withMetadata: true),
        Xlsx => WriteXlsx(data, table),
        Json => WriteJson(data, [table], single: true),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not an open data format"),
    };

    /// <summary>The data dictionary of every table (table, column, meaning, unit, definition), with what the files carry.</summary>
    public static OpenTable DictionaryTable(OpenDataset data)
    {
        OpenColumn Text(string id, string meaning) => new(id, meaning, "text", "docs/indicators.md, Open data");
        IReadOnlyList<OpenColumn> columns =
        [
            Text("table", "The table's id (the file name and the API's /api/v1/indicators/{table}); * for columns of every CSV"),
            Text("column", "The column's id"),
            Text("meaning", "What the column holds"),
            Text("unit", "The unit of its figures"),
            Text("definition", "Where the definition is"),
        ];
        var rows = PublishedTables.Dictionary(data.Tables).Select(x => (IReadOnlyList<object?>)[x.Table, x.Column.Id, x.Column.Meaning, x.Column.Unit, x.Column.Definition])
            .Concat(CsvMetadataColumns.Select(c => (IReadOnlyList<object?>)["*", c.Id, c.Meaning, c.Unit, c.Definition]))
            .ToList();
        return new OpenTable(DictionaryId, "Data dictionary", columns, rows);
    }

    public static byte[] WriteDictionary(OpenDataset data, string format)
    {
        var dictionary = DictionaryTable(data);
        return format switch
        {
            Csv => WriteCsv(data, dictionary.Columns, dictionary.Rows, withMetadata: false),
            Xlsx => WriteXlsx(data, dictionary),
            Json => WriteJson(data, data.Tables, single: false),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not an open data format"),
        };
    }

    /// <summary>Every table as CSV, the dictionary as CSV and a README with the rules, in one zip.</summary>
    public static byte[] WriteZip(OpenDataset data)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, byte[] content)
            {
                // A fixed time: the same data gives the same file.
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(data.AsOf.UtcDateTime.Date, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(content);
            }

            foreach (var table in data.Tables)
            {
                Add(FileName(data, table.Id, Csv), Write(data, table, Csv));
            }

            Add(FileName(data, DictionaryId, Csv), WriteDictionary(data, Csv));
            Add("README.txt", Encoding.UTF8.GetBytes(string.Join('\n', About(data).Select(a => $"{a.Field}: {a.Value}")) + "\n"));
        }

        return buffer.ToArray();
    }

    /// <summary>What every file says about itself: the year, framework, as-of time and rules.</summary>
    public static IReadOnlyList<(string Field, string Value)> About(OpenDataset data) =>
    [
        ("publisher", "Kerala Hi-Tech Manufacturing Framework platform"),
        ("year", data.Year.ToString(CultureInfo.InvariantCulture)),
        ("framework_version", $"{data.FrameworkId}/{data.FrameworkVersion}"),
        ("data_as_of", AsOf(data)),
        ("min_frequency", data.Rules.MinFrequency.ToString(CultureInfo.InvariantCulture)),
        ("p_percent", data.Rules.PPercent.ToString(CultureInfo.InvariantCulture)),
        ("disclosure_rules", data.RulesInWords),
    ];

    public static string Cell(object? value) => value switch
    {
        null => "",
        int i => i.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string AsOf(OpenDataset data) => data.AsOf.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string RulesCell(OpenDataset data) =>
        $"min_frequency={data.Rules.MinFrequency.ToString(CultureInfo.InvariantCulture)}; p_percent={data.Rules.PPercent.ToString(CultureInfo.InvariantCulture)}";

    private static byte[] WriteCsv(OpenDataset data, IReadOnlyList<OpenColumn> columns, IReadOnlyList<IReadOnlyList<object?>> rows, bool withMetadata)
    {
        var all = withMetadata ? [.. columns, .. CsvMetadataColumns] : columns;
        var text = new StringBuilder();
        text.Append(string.Join(',', all.Select(c => c.Id))).Append('\n');
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true, WriteHeader = false }).To(text))
        {
            foreach (var values in rows)
            {
                using var row = writer.NewRow();
                for (var i = 0; i < columns.Count; i++)
                {
                    row[columns[i].Id].Set(Cell(values[i]));
                }

                if (withMetadata)
                {
                    row["framework_version"].Set(data.FrameworkId + "/" + data.FrameworkVersion);
                    row["data_as_of"].Set(AsOf(data));
                    row["disclosure_rules"].Set(RulesCell(data));
                }
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] WriteXlsx(OpenDataset data, OpenTable table)
    {
        // Three sheets: the table, its columns described, and what the file is (year, framework, as of, rules).
        var sheets = new Dictionary<string, object>
        {
            ["data"] = table.Rows.Select(r => Row(table.Columns, r)).ToList(),
            ["dictionary"] = table.Columns.Select(c => new Dictionary<string, object?> { ["column"] = c.Id, ["meaning"] = c.Meaning, ["unit"] = c.Unit, ["definition"] = c.Definition }).ToList(),
            ["about"] = About(data).Select(a => new Dictionary<string, object?> { ["field"] = a.Field, ["value"] = a.Value }).ToList(),
        };
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static Dictionary<string, object?> Row(IReadOnlyList<OpenColumn> columns, IReadOnlyList<object?> values)
    {
        var row = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            row[columns[i].Id] = values[i];
        }

        return row;
    }

    private static byte[] WriteJson(OpenDataset data, IReadOnlyList<OpenTable> tables, bool single)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("publisher", "Kerala Hi-Tech Manufacturing Framework platform");
            json.WriteNumber("year", data.Year);
            json.WriteString("framework_id", data.FrameworkId);
            json.WriteString("framework_version", data.FrameworkVersion);
            json.WriteString("data_as_of", AsOf(data));
            json.WriteStartObject("disclosure");
            json.WriteNumber("min_frequency", data.Rules.MinFrequency);
            json.WriteNumber("p_percent", data.Rules.PPercent);
            json.WriteString("source", data.Rules.Source);
            json.WriteString("in_words", data.RulesInWords);
            json.WriteEndObject();
            if (single)
            {
                WriteTable(json, tables[0], withRows: true);
            }
            else
            {
                json.WriteStartArray("tables");
                foreach (var table in tables)
                {
                    json.WriteStartObject();
                    WriteTable(json, table, withRows: false);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteTable(Utf8JsonWriter json, OpenTable table, bool withRows)
    {
        json.WriteString("table", table.Id);
        json.WriteString("title", table.Title);
        json.WriteStartArray("dictionary");
        foreach (var column in table.Columns)
        {
            json.WriteStartObject();
            json.WriteString("column", column.Id);
            json.WriteString("meaning", column.Meaning);
            json.WriteString("unit", column.Unit);
            json.WriteString("definition", column.Definition);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (!withRows)
        {
            return;
        }

        json.WriteStartArray("rows");
        foreach (var values in table.Rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var name = table.Columns[i].Id;
                switch (values[i])
                {
                    case null: json.WriteNull(name); break;
                    case int n: json.WriteNumber(name, n); break;
                    case decimal d: json.WriteNumber(name, d); break;
                    default: json.WriteString(name, Cell(values[i])); break;
                }
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
