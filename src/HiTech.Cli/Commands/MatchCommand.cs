using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HiTech.Cli.Infrastructure;
using HiTech.Core.Collaboration;
using HiTech.Core.Registry;

namespace HiTech.Cli.Commands;

/// <summary>
/// <c>hitech match --providers providers.csv --needs needs.csv [--top 10] --out matches.csv</c>: the best providers for
/// every need, with reasons (docs/collaboration-formats.md). Every row of both files ends in the matches (a need with no
/// match has no row there, and is counted) or in the rejects. The last line on stdout is the summary.
/// </summary>
public static class MatchCommand
{
    public static readonly string[] MatchColumns = ["need_id", "rank", "provider_id", "score", "reasons"];

    public static readonly string[] RejectColumns = ["file", "line", "id", "field", "reason"];

    public static Command Create(CliContext context)
    {
        var providers = new Option<string>("--providers") { Description = "The providers: CSV, or Excel (.xlsx, first sheet).", Required = true };
        var needs = new Option<string>("--needs") { Description = "The needs: CSV, or Excel (.xlsx, first sheet).", Required = true };
        var top = new Option<int>("--top") { Description = "How many providers per need, at most.", DefaultValueFactory = _ => 10 };
        var output = new Option<string>("--out") { Description = "The matches CSV to write.", Required = true };
        var rejects = new Option<string?>("--rejects") { Description = "The rejects CSV (default: <out-name>.rejects.csv beside --out)." };
        var weights = new Option<string?>("--weights") { Description = "Matching weights: a file, or a shipped version such as 2026.1 (default: the latest shipped)." };
        var framework = new Option<string>("--framework") { Description = "The framework whose stage and certification ids profiles use.", DefaultValueFactory = _ => "kerala-htmf/2025.1" };
        var command = new Command("match", "Find the best providers for each need, with the reasons.") { providers, needs, top, output, rejects, weights, framework };
        command.SetAction(parsed => Run(
            context,
            new Request(
                parsed.GetRequiredValue(providers),
                parsed.GetRequiredValue(needs),
                parsed.GetValue(top),
                parsed.GetRequiredValue(output),
                parsed.GetValue(rejects),
                parsed.GetValue(weights),
                parsed.GetRequiredValue(framework))));
        return command;
    }

    private static int Run(CliContext context, Request request)
    {
        if (request.Top < 1)
        {
            throw new CliException($"--top must be 1 or more, not {request.Top.ToString(CultureInfo.InvariantCulture)}");
        }

        var rejectsPath = request.Rejects ?? ScoreCommand.DefaultRejects(request.Out);
        if (string.Equals(context.Resolve(rejectsPath), context.Resolve(request.Out), StringComparison.Ordinal))
        {
            throw new CliException($"--rejects and --out are the same file ({request.Out})");
        }

        var framework = DataLocator.LoadFramework(context, request.Framework);
        var weights = MatchingData.LoadWeights(context, request.Weights);
        var data = DataLocator.Guard(() => CollaborationData.Load(DataLocator.DataDirectory, context.Reference, framework));
        var text = new MatchText(data, framework);
        var watch = Stopwatch.StartNew();
        var rejected = new List<(string File, RowResult<object> Row)>();
        var profiles = ReadAll(context, request.Providers, header => new ProviderRows(data, Checked(request.Providers, ProviderRows.LayoutOf(header), context)), rejected);
        var needs = ReadAll(context, request.Needs, header => new NeedRows(data, Checked(request.Needs, NeedRows.LayoutOf(header), context)), rejected);

        using var engine = new MatchingEngine(profiles, data, weights);
        var results = new IReadOnlyList<ProviderMatch>[needs.Count];
        var milliseconds = new double[needs.Count];
        if (needs.Count > 0)
        {
            engine.Match(needs[0], request.Top); // once before timing, so that the first need does not carry the JIT
        }

        Parallel.For(0, needs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var start = Stopwatch.GetTimestamp();
            results[i] = engine.Match(needs[i], request.Top);
            milliseconds[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        });

        var matched = 0;
        using (var matches = CsvOutput.Create(context.Resolve(request.Out), request.Out))
        {
            matches.Row(MatchColumns);
            for (var i = 0; i < needs.Count; i++)
            {
                matched += results[i].Count > 0 ? 1 : 0;
                foreach (var match in results[i])
                {
                    matches.Field(needs[i].Id);
                    matches.Field(match.Rank);
                    matches.Field(match.Provider.Id);
                    matches.Plain(match.Score.ToString("0.00", CultureInfo.InvariantCulture));
                    matches.Field(string.Join(';', match.Reasons.Select(text.Reason)));
                    matches.EndRow();
                }
            }
        }

        using (var rejects = CsvOutput.Create(context.Resolve(rejectsPath), rejectsPath))
        {
            rejects.Row(RejectColumns);
            foreach (var (file, row) in rejected)
            {
                rejects.Field(file);
                rejects.Field(row.Line);
                rejects.Field(row.Id);
                rejects.Field(row.Problem!.Value.Field);
                rejects.Field(text.Problem(row.Problem.Value));
                rejects.EndRow();
            }
        }

        var seconds = watch.Elapsed.TotalSeconds;
        Array.Sort(milliseconds);
        context.Out.WriteLine($"weights: {weights.Id} {weights.Version}; ids of {data.FrameworkName}");
        context.Out.WriteLine($"matches: {request.Out}");
        context.Out.WriteLine(rejected.Count == 0
            ? $"rejects: none (the empty rejects file is {rejectsPath})"
            : string.Create(CultureInfo.InvariantCulture, $"rejects: {rejected.Count(r => r.File == request.Providers)} providers and {rejected.Count(r => r.File != request.Providers)} needs written to {rejectsPath}"));
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"needs {needs.Count}, providers {profiles.Count}, matched {matched}, p50_ms {Percentile(milliseconds, 0.50):0.000}, p99_ms {Percentile(milliseconds, 0.99):0.000}, seconds {seconds:0.00}"));
        return rejected.Count > 0 ? ExitCodes.RowsRejected : ExitCodes.Ok;
    }

    /// <summary>The nearest-rank percentile of sorted values (0 when there are none).</summary>
    public static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Every row of one file: the values read, in file order; refused rows (and repeated ids) go to <paramref name="rejected"/>.</summary>
    private static List<T> ReadAll<T>(CliContext context, string value, Func<IReadOnlyList<string>, IRowHandler<RowResult<T>>> handlerFor, List<(string, RowResult<object>)> rejected)
        where T : class
    {
        using var input = RegistryInput.Open(context, value);
        var handler = handlerFor(input.Header);
        var values = new List<T>();
        var lines = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in input.Read(handler))
        {
            if (row.Value is null)
            {
                rejected.Add((value, new RowResult<object>(row.Line, row.Id, null, row.Problem)));
            }
            else if (!lines.TryAdd(row.Id, row.Line))
            {
                var field = handler is ProviderRows ? ProviderRows.IdColumn : NeedRows.IdColumn;
                rejected.Add((value, new RowResult<object>(row.Line, row.Id, null, new ProfileProblem(field, ProfileRule.RepeatedId, lines[row.Id].ToString(CultureInfo.InvariantCulture)))));
            }
            else
            {
                values.Add(row.Value);
            }
        }

        if (input.Aborted is { } aborted)
        {
            context.Error.WriteLine(aborted);
        }

        return values;
    }

    private static ColumnLayout Checked(string file, ColumnLayout layout, CliContext context)
    {
        if (!layout.IsUsable)
        {
            throw new CliException(
            [
                $"{file}: line 1 (header): the file cannot be read:",
                .. layout.Missing.Select(c => $"  the required column '{c}' is missing"),
                .. layout.Repeated.Select(c => $"  the column '{c}' appears twice"),
            ]);
        }

        if (layout.Ignored.Count > 0)
        {
            context.Out.WriteLine($"note: columns of {file} not used: {string.Join(", ", layout.Ignored)}");
        }

        return layout;
    }

    private sealed record Request(string Providers, string Needs, int Top, string Out, string? Rejects, string? Weights, string Framework);
}
