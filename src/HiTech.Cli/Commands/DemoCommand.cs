using System.CommandLine;
using System.Globalization;
using HiTech.Cli.Infrastructure;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;
using nietras.SeparatedValues;

namespace HiTech.Cli.Commands;

/// <summary>
/// <c>hitech demo</c>: the README's first command. Generates a synthetic Kerala registry, scores it, shows how
/// the enterprises fall into tiers, and explains one Hi-Tech enterprise in full: the whole engine in a minute.
/// </summary>
public static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var rows = new Option<long>("--rows") { Description = "How many enterprises to generate.", DefaultValueFactory = _ => 20_000 };
        var seed = new Option<ulong>("--seed") { Description = "The seed of the synthetic registry.", DefaultValueFactory = _ => 2025 };
        var folder = new Option<string>("--out") { Description = "Folder for the registry, results and rejects.", DefaultValueFactory = _ => "hitech-demo" };
        var command = new Command("demo", "Generate a synthetic registry, score it and explain one enterprise.") { rows, seed, folder };
        command.SetAction(parsed => Run(context, parsed.GetValue(rows), parsed.GetValue(seed), parsed.GetRequiredValue(folder)));
        return command;
    }

    private static int Run(CliContext context, long rows, ulong seed, string folder)
    {
        if (rows <= 0)
        {
            throw new CliException("--rows must be at least 1");
        }

        var directory = context.Resolve(folder);
        Directory.CreateDirectory(directory);
        var registry = Path.Combine(directory, "registry.csv");
        var results = Path.Combine(directory, "results.csv");
        var rejects = Path.Combine(directory, "rejects.csv");
        const string Framework = "kerala-htmf/2025.1";

        context.Out.WriteLine($"1. A synthetic registry of {rows.ToString(CultureInfo.InvariantCulture)} Kerala enterprises (hitech generate):");
        Step(context, ["generate", "--rows", rows.ToString(CultureInfo.InvariantCulture), "--seed", seed.ToString(CultureInfo.InvariantCulture), "--out", registry]);
        context.Out.WriteLine();
        context.Out.WriteLine($"2. Scored against the framework {Framework} (hitech score):");
        var scored = Step(context, ["score", "--framework", Framework, "--in", registry, "--out", results, "--rejects", rejects]);
        if (scored == ExitCodes.Invalid)
        {
            return scored;
        }

        context.Out.WriteLine();
        context.Out.WriteLine("3. How the enterprises fall into tiers:");
        var (counts, example) = Summarise(results);
        var framework = DataLocator.LoadFramework(context, Framework);
        var total = counts.Values.Sum();
        foreach (var tier in framework.Tiers)
        {
            var count = counts.GetValueOrDefault(tier.Id);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"   {tier.Definition.Title.En,-18} {count,8}  {(total == 0 ? 0 : 100.0 * count / total),5:0.0}%"));
        }

        if (example is not null)
        {
            var index = long.Parse(example.AsSpan(example.LastIndexOf('-') + 1), CultureInfo.InvariantCulture) - 1;
            var enterprise = new RegistryGenerator(context.Classifier).Generate(index, seed);
            var (explanation, issues) = Explainer.Explain(framework, context.Classifier, enterprise.ToInput());
            context.Out.WriteLine();
            context.Out.WriteLine($"4. Why {enterprise.Name} ({enterprise.Id}, {enterprise.District}) got its tier (hitech explain):");
            context.Out.WriteLine();
            context.Out.Write(ExplanationText.Render(explanation ?? throw new CliException([$"{enterprise.Id} cannot be scored:", .. issues.Select(i => $"{i.Field}: {i.Reason}")])));
        }

        context.Out.WriteLine();
        context.Out.WriteLine($"The files are in {directory}. Next: hitech explain, hitech simulate, hitech --help.");
        return ExitCodes.Ok;
    }

    private static int Step(CliContext context, string[] args)
    {
        var indented = new IndentingWriter(context.Out);
        return Program.Run(args, indented, context.Error, context.WorkingDirectory, context.Interactive);
    }

    /// <summary>Counts per tier, and the enterprise to explain: the first Hi-Tech one, else the highest index.</summary>
    private static (Dictionary<string, long> Counts, string? Example) Summarise(string results)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        string? firstHiTech = null;
        string? highest = null;
        var highestIndex = double.MinValue;
        using var reader = Sep.Reader().FromFile(results);
        foreach (var row in reader)
        {
            var tier = row["tier"].ToString();
            counts[tier] = counts.GetValueOrDefault(tier) + 1;
            if (tier == "hitech")
            {
                firstHiTech ??= row["enterprise_id"].ToString();
            }

            var index = row["index"].Parse<double>();
            if (index > highestIndex)
            {
                (highest, highestIndex) = (row["enterprise_id"].ToString(), index);
            }
        }

        return (counts, firstHiTech ?? highest);
    }

    /// <summary>Indents what a sub-command prints, so the demo reads as numbered steps.</summary>
    private sealed class IndentingWriter(TextWriter inner) : TextWriter
    {
        private bool _lineStart = true;

        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            if (_lineStart && value != '\n')
            {
                inner.Write("   ");
            }

            inner.Write(value);
            _lineStart = value == '\n';
        }
    }
}
