using System.CommandLine;
using System.Globalization;
using HiTech.Cli.Infrastructure;
using HiTech.Core.Registry;

namespace HiTech.Cli.Commands;

/// <summary>
/// <c>hitech generate --rows N --seed S --out registry.csv</c>: a deterministic synthetic registry. Rows are made
/// in parallel blocks and written in order, so memory stays flat for any N and the same seed gives the same bytes.
/// </summary>
public static class GenerateCommand
{
    private const int Block = 4096;

    public static Command Create(CliContext context)
    {
        var rows = new Option<long>("--rows") { Description = "How many enterprises to generate.", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "The seed; the same seed gives the same file.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "The CSV file to write.", Required = true };
        var command = new Command("generate", "Write a deterministic synthetic registry (CSV).") { rows, seed, output };
        command.SetAction(parsed => Run(context, parsed.GetValue(rows), parsed.GetValue(seed), parsed.GetRequiredValue(output)));
        return command;
    }

    private static int Run(CliContext context, long rows, ulong seed, string output)
    {
        if (rows < 0)
        {
            throw new CliException($"--rows must be 0 or more, not {rows.ToString(CultureInfo.InvariantCulture)}");
        }

        var generator = new RegistryGenerator(context.Classifier);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using (var csv = CsvOutput.Create(context.Resolve(output), output))
        {
            csv.Row(GeneratedEnterprise.Columns);
            ProgressDisplay.Run(context, "generating", rows, report =>
            {
                var block = new string[Block][];
                for (long start = 0; start < rows; start += Block)
                {
                    var count = (int)Math.Min(Block, rows - start);
                    var first = start;
                    Parallel.For(0, count, i => block[i] = generator.Generate(first + i, seed).ToCells());
                    for (var i = 0; i < count; i++)
                    {
                        csv.Row(block[i]);
                    }

                    report(start + count);
                }

                return 0;
            });
        }

        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {rows} rows to {output} (seed {seed}) in {watch.Elapsed.TotalSeconds:0.00} seconds"));
        return ExitCodes.Ok;
    }
}
