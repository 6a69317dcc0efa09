using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HiTech.Cli.Infrastructure;
using HiTech.Core.Registry;

namespace HiTech.Cli.Commands;

/// <summary>
/// <c>hitech score --framework F --in registry.csv|.xlsx --out results.csv [--rejects rejects.csv]</c>: scores a
/// registry in one streaming pass; every row lands in the results or the rejects. The last line on stdout is the summary.
/// </summary>
public static class ScoreCommand
{
    public static Command Create(CliContext context)
    {
        var framework = new Option<string>("--framework") { Description = "Framework file, or a shipped id/version such as kerala-htmf/2025.1.", Required = true };
        var input = new Option<string>("--in") { Description = "The registry: CSV, or Excel (.xlsx, first sheet).", Required = true };
        var output = new Option<string>("--out") { Description = "The results CSV to write.", Required = true };
        var rejects = new Option<string?>("--rejects") { Description = "The rejects CSV (default: <out-name>.rejects.csv beside --out)." };
        var timings = new Option<bool>("--timings") { Description = "Print on stderr where the time went: start-up stages (from the process start to the first row scored), then the rows." };
        var command = new Command("score", "Score every enterprise of a registry.") { framework, input, output, rejects, timings };
        command.SetAction(parsed => Run(
            context,
            parsed.GetRequiredValue(framework),
            parsed.GetRequiredValue(input),
            parsed.GetRequiredValue(output),
            parsed.GetValue(rejects),
            parsed.GetValue(timings) ? new StageTimings() : null));
        return command;
    }

    /// <summary>Where rejects go when --rejects is not given: results.csv → results.rejects.csv.</summary>
    public static string DefaultRejects(string output) => Path.ChangeExtension(output, ".rejects.csv");

    private static int Run(CliContext context, string frameworkValue, string inputValue, string outputValue, string? rejectsValue, StageTimings? timings)
    {
        timings?.Mark("runtime and command line");
        var framework = DataLocator.LoadFramework(context, frameworkValue);
        timings?.Mark("reference data and framework (read side by side, then compiled)");
        using var input = RegistryInput.Open(context, inputValue);
        using var scan = RegistryInput.Scan(input, context.Classifier, framework);
        timings?.Mark("registry header checked");
        if (scan.IgnoredColumns.Count > 0)
        {
            context.Out.WriteLine($"note: columns not used by {framework.Id} {framework.Version}: {string.Join(", ", scan.IgnoredColumns)}");
        }

        var rejectsPath = rejectsValue ?? DefaultRejects(outputValue);
        if (string.Equals(context.Resolve(rejectsPath), context.Resolve(outputValue), StringComparison.Ordinal))
        {
            throw new CliException($"--rejects and --out are the same file ({outputValue})");
        }

        var watch = Stopwatch.StartNew();
        ResultsWriter writer;
        using (var results = CsvOutput.Create(context.Resolve(outputValue), outputValue))
        using (var rejects = CsvOutput.Create(context.Resolve(rejectsPath), rejectsPath))
        {
            writer = new ResultsWriter(results, rejects);
            writer.WriteHeaders();
            var format = new ResultFormat(framework);
            ProgressDisplay.Run(context, $"scoring {Path.GetFileName(inputValue)}", input.Length, report =>
            {
                long read = 0;
                var handler = scan.Lines(format);
                foreach (var line in input.Read(timings is null ? handler : timings.WatchFirstRow(handler)))
                {
                    writer.Write(line);
                    if ((++read & 8191) == 0)
                    {
                        report(input.Position);
                    }
                }

                return read;
            });
        }

        var seconds = watch.Elapsed.TotalSeconds;
        timings?.Mark("rows read, scored and written");
        timings?.Write(context.Error);
        var total = writer.Scored + writer.Rejected;
        context.Out.WriteLine($"results: {outputValue}");
        context.Out.WriteLine(writer.Rejected == 0
            ? $"rejects: none (the empty rejects file is {rejectsPath})"
            : string.Create(CultureInfo.InvariantCulture, $"rejects: {writer.Rejected} row{(writer.Rejected == 1 ? "" : "s")} written to {rejectsPath}{(rejectsValue is null ? " (no --rejects given, so beside the results)" : "")}"));
        if (input.Aborted is { } aborted)
        {
            context.Error.WriteLine(aborted);
        }

        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read {total}, scored {writer.Scored}, rejected {writer.Rejected}, seconds {seconds:0.00}, rows per second {(seconds > 0 ? total / seconds : 0):0}"));
        return input.Aborted is not null ? ExitCodes.Invalid : writer.Rejected > 0 ? ExitCodes.RowsRejected : ExitCodes.Ok;
    }
}
