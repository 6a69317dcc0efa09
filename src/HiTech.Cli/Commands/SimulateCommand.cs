using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using HiTech.Cli.Infrastructure;
using HiTech.Core.Simulation;

namespace HiTech.Cli.Commands;

/// <summary>
/// <c>hitech simulate --baseline A.yaml --proposal B.yaml --in registry.csv [--json]</c>: scores every row under
/// both frameworks in one pass and shows how tiers would move: the transition matrix, movers up and down, and
/// movers by district and by sector.
/// </summary>
public static class SimulateCommand
{
    private const int TopSectors = 10;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(CliContext context)
    {
        var baseline = new Option<string>("--baseline") { Description = "The framework in force (file or id/version).", Required = true };
        var proposal = new Option<string>("--proposal") { Description = "The proposed framework (file or id/version).", Required = true };
        var input = new Option<string>("--in") { Description = "The registry: CSV, or Excel (.xlsx).", Required = true };
        var rejects = new Option<string?>("--rejects") { Description = "Also write rejected rows to this CSV." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("simulate", "Show how a proposed framework would move a registry's tiers.") { baseline, proposal, input, rejects, json };
        command.SetAction(parsed => Run(
            context,
            parsed.GetRequiredValue(baseline),
            parsed.GetRequiredValue(proposal),
            parsed.GetRequiredValue(input),
            parsed.GetValue(rejects),
            parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, string baselineValue, string proposalValue, string inputValue, string? rejectsValue, bool json)
    {
        var baseline = DataLocator.LoadFramework(context, baselineValue);
        var proposal = DataLocator.LoadFramework(context, proposalValue);
        using var input = RegistryInput.Open(context, inputValue);
        using var scan = RegistryInput.Scan(input, context.Classifier, baseline, proposal);
        var transitions = new TierTransitions(baseline, proposal, context.Reference.Nic);
        var shown = new List<string>();
        using (var rejects = rejectsValue is null ? null : CsvOutput.Create(context.Resolve(rejectsValue), rejectsValue))
        {
            rejects?.Row(ResultsWriter.RejectColumns);
            ProgressDisplay.Run(context, $"simulating {Path.GetFileName(inputValue)}", input.Length, report =>
            {
                long read = 0;
                foreach (var row in input.Read(scan))
                {
                    transitions.Add(row);
                    if (row.Issue is { } issue)
                    {
                        if (rejects is not null)
                        {
                            rejects.Field(row.Line);
                            rejects.Field(row.EnterpriseId);
                            rejects.Field(issue.Field);
                            rejects.Field(issue.Reason);
                            rejects.EndRow();
                        }

                        if (shown.Count < 5)
                        {
                            shown.Add(string.Create(CultureInfo.InvariantCulture, $"{inputValue}: line {row.Line}: {(issue.Field.Length > 0 ? issue.Field + ": " : "")}{issue.Reason}"));
                        }
                    }

                    if ((++read & 8191) == 0)
                    {
                        report(input.Position);
                    }
                }

                return read;
            });
        }

        var result = transitions.Report();
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(result, Json));
        }
        else
        {
            Print(context.Out, result, inputValue, rejectsValue);
        }

        foreach (var line in shown)
        {
            context.Error.WriteLine(line);
        }

        if (result.Rejected > shown.Count)
        {
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"... and {result.Rejected - shown.Count} more rejected rows{(rejectsValue is null ? " (use --rejects FILE to list them all)" : $" (all in {rejectsValue})")}"));
        }

        if (input.Aborted is { } aborted)
        {
            context.Error.WriteLine(aborted);
            return ExitCodes.Invalid;
        }

        return result.Rejected > 0 ? ExitCodes.RowsRejected : ExitCodes.Ok;
    }

    private static void Print(TextWriter output, TransitionReport report, string inputValue, string? rejectsValue)
    {
        static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

        output.WriteLine($"baseline {report.BaselineId} {report.BaselineVersion} -> proposal {report.ProposalId} {report.ProposalVersion}, registry {inputValue}");
        output.WriteLine($"scored {N(report.Scored)}, rejected {N(report.Rejected)}{(report.Rejected > 0 && rejectsValue is not null ? $" (see {rejectsValue})" : "")}");
        output.WriteLine();
        output.WriteLine("Tier transitions (rows: baseline tier, columns: proposal tier)");
        var table = new List<IReadOnlyList<string>> { (string[])["baseline \\ proposal", .. report.ProposalTiers, "total"] };
        var rowTotals = report.BaselineTotals;
        for (var b = 0; b < report.BaselineTiers.Count; b++)
        {
            table.Add((string[])[report.BaselineTiers[b], .. report.Matrix[b].Select(N), N(rowTotals[b])]);
        }

        table.Add((string[])["total", .. report.ProposalTotals.Select(N), N(report.Scored)]);
        TextTable.Write(output, table);
        output.WriteLine();
        output.WriteLine($"moved up {N(report.Up)}, moved down {N(report.Down)}, unchanged {N(report.Unchanged)}");

        output.WriteLine();
        output.WriteLine("Movers by district");
        var districts = new List<IReadOnlyList<string>> { (string[])["district", "up", "down", "unchanged"] };
        districts.AddRange(report.ByDistrict.Select(d => (IReadOnlyList<string>)[d.Key, N(d.Up), N(d.Down), N(d.Unchanged)]));
        TextTable.Write(output, districts);

        output.WriteLine();
        output.WriteLine(report.BySector.Count > TopSectors ? $"Top {TopSectors} sectors by movers (NIC division)" : "Movers by sector (NIC division)");
        var sectors = new List<IReadOnlyList<string>> { (string[])["division", "up", "down", "unchanged", "title"] };
        sectors.AddRange(report.BySector.Take(TopSectors).Select(s => (IReadOnlyList<string>)[s.Key, N(s.Up), N(s.Down), N(s.Unchanged), s.Title]));
        TextTable.Write(output, sectors, lastIsText: true);
    }
}
