using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using HiTech.Cli.Infrastructure;
using HiTech.Core.Analytics;
using HiTech.Core.Registry;

namespace HiTech.Cli.Commands;

/// <summary>
/// <c>hitech indicators --framework F --in registry.csv --by district [--out indicators.csv] [--json]</c>: the policy
/// indicators of a registry per group, after disclosure control (docs/indicators.md), in one streaming pass. Bad rows
/// go to the rejects file as <c>hitech score</c> sends them.
/// </summary>
public static class IndicatorsCommand
{
    public static readonly string[] Columns =
        ["group_by", "group", "enterprises", "hi_tech_enterprises", "value_added", "mht_value_added", "sdg_9b1_share", "rd_spend", "rd_intensity", "suppressed"];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var framework = new Option<string>("--framework") { Description = "Framework file, or a shipped id/version such as kerala-htmf/2025.1.", Required = true };
        var input = new Option<string>("--in") { Description = "The registry: CSV, or Excel (.xlsx, first sheet).", Required = true };
        var by = new Option<string>("--by") { Description = "Group by state, district, division, sector, size or tier.", Required = true };
        var output = new Option<string?>("--out") { Description = "The indicators file to write (default: print them)." };
        var json = new Option<bool>("--json") { Description = "Write JSON instead of CSV." };
        var rejects = new Option<string?>("--rejects") { Description = "The rejects CSV (default: <out-name>.rejects.csv beside --out, or indicators.rejects.csv)." };
        var year = new Option<int?>("--year") { Description = "The year the registry's figures are for (default: the year the framework took effect)." };
        var command = new Command("indicators", "Policy indicators of a registry per group, with disclosure control.") { framework, input, by, output, json, rejects, year };
        command.SetAction(parsed => Run(
            context,
            parsed.GetRequiredValue(framework),
            parsed.GetRequiredValue(input),
            parsed.GetRequiredValue(by),
            parsed.GetValue(output),
            parsed.GetValue(json),
            parsed.GetValue(rejects),
            parsed.GetValue(year)));
        return command;
    }

    private static int Run(CliContext context, string frameworkValue, string inputValue, string byValue, string? outputValue, bool json, string? rejectsValue, int? yearValue)
    {
        if (!GroupDimensions.TryParse(byValue, out var by) || by == GroupDimension.Year)
        {
            throw new CliException($"--by '{byValue}' is not a grouping: use state, district, division, sector, size or tier");
        }

        var framework = DataLocator.LoadFramework(context, frameworkValue);
        var rules = DataLocator.Guard(() => DisclosureRules.LoadFromDirectory(DataLocator.DataDirectory));
        var year = yearValue ?? framework.Definition.Effective.Year;
        using var input = RegistryInput.Open(context, inputValue);
        using var scan = RegistryInput.Scan(input, context.Classifier, framework);
        var rejectsPath = rejectsValue ?? (outputValue is null ? "indicators.rejects.csv" : ScoreCommand.DefaultRejects(outputValue));
        if (outputValue is not null && string.Equals(context.Resolve(rejectsPath), context.Resolve(outputValue), StringComparison.Ordinal))
        {
            throw new CliException($"--rejects and --out are the same file ({outputValue})");
        }

        // The table goes to stdout when no --out is given; then the notes and the summary go to stderr.
        var notes = outputValue is null ? context.Error : context.Out;
        if (scan.IgnoredColumns.Count > 0)
        {
            notes.WriteLine($"note: columns not used by {framework.Id} {framework.Version}: {string.Join(", ", scan.IgnoredColumns)}");
        }

        var watch = Stopwatch.StartNew();
        var table = new GroupTableBuilder(by);
        long used = 0, rejected = 0;
        using (var rejectsFile = CsvOutput.Create(context.Resolve(rejectsPath), rejectsPath))
        {
            rejectsFile.Row(ResultFormat.RejectColumns);
            var builder = new EnterpriseFactsBuilder(framework, context.Classifier);
            ProgressDisplay.Run(context, $"tallying {Path.GetFileName(inputValue)}", input.Length, report =>
            {
                long read = 0;
                foreach (var row in input.Read(scan.Facts(builder, year)))
                {
                    if (row.Facts is { } facts)
                    {
                        table.Add(facts);
                        used++;
                    }
                    else
                    {
                        rejectsFile.Raw(row.RejectLine!);
                        rejected++;
                    }

                    if ((++read & 8191) == 0)
                    {
                        report(input.Position);
                    }
                }

                return read;
            });
        }

        var disclosed = DisclosureControl.Apply(table.ToTable(), rules);
        var rows = IndicatorRows.Of(disclosed);
        if (outputValue is null)
        {
            Write(context.Out, rows, json);
        }
        else
        {
            using var writer = new StreamWriter(OpenOutput(context, outputValue), CsvOutput.Utf8NoBom) { NewLine = "\n" };
            Write(writer, rows, json);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        if (outputValue is not null)
        {
            notes.WriteLine($"indicators: {outputValue}");
        }

        notes.WriteLine(rejected == 0
            ? $"rejects: none (the empty rejects file is {rejectsPath})"
            : string.Create(CultureInfo.InvariantCulture, $"rejects: {rejected} row{(rejected == 1 ? "" : "s")} written to {rejectsPath}"));
        notes.WriteLine($"disclosure control: min_frequency {rules.MinFrequency}, p_percent {rules.PPercent.ToString(CultureInfo.InvariantCulture)} ({rules.Source})");
        if (input.Aborted is { } aborted)
        {
            context.Error.WriteLine(aborted);
        }

        notes.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read {used + rejected}, used {used}, rejected {rejected}, groups {rows.Count - 1}, seconds {seconds:0.00}, rows per second {(seconds > 0 ? (used + rejected) / seconds : 0):0}"));
        return input.Aborted is not null ? ExitCodes.Invalid : rejected > 0 ? ExitCodes.RowsRejected : ExitCodes.Ok;
    }

    private static FileStream OpenOutput(CliContext context, string value)
    {
        try
        {
            return new FileStream(context.Resolve(value), FileMode.Create, FileAccess.Write, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new CliException($"{value}: cannot be written: {e.Message}");
        }
    }

    private static void Write(TextWriter writer, IReadOnlyList<IndicatorRow> rows, bool json)
    {
        if (json)
        {
            // Figures as JSON numbers; a suppressed or undefined figure as null.
            writer.WriteLine(JsonSerializer.Serialize(rows.Select(r => Columns.Select((column, i) => (column, value: JsonValue(i, r.Fields[i]))).ToDictionary(p => p.column, p => p.value)), Json));
            return;
        }

        writer.WriteLine(string.Join(',', Columns));
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join(',', row.Fields.Select(Quote)));
        }
    }

    private static object? JsonValue(int column, string field) =>
        field.Length == 0 ? null : column is >= 2 and <= 8 ? decimal.Parse(field, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : field;

    private static string Quote(string field) => field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
