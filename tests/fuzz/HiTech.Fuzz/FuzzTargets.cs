using System.Text;
using HiTech.Core.Expressions;
using HiTech.Core.Frameworks;
using HiTech.Core.Maturity;
using HiTech.Core.Reference;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;
using nietras.SeparatedValues;

namespace HiTech.Fuzz;

/// <summary>
/// The readers of files a user hands the platform, each fed whole through its public front door and on to what the
/// CLI and web do next with what it read (score, explain, validate), so a reading that looks fine but breaks later
/// is caught too. The shipped framework, instrument and reference data are loaded once, outside the fuzzed code.
/// </summary>
public static class FuzzTargets
{
    private static readonly Lazy<Shipped> Data = new(Shipped.Load);

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("registry", "a registry CSV, scored row by row as `hitech score` does", Registry, typeof(InvalidDataException)),
        new("framework", "a framework YAML file, read and compiled", Framework),
        new("expression", "one expression, parsed, type-checked, compiled and evaluated", Expression),
        new("maturity-answers", "a maturity answers JSON file, checked and scored against the shipped instrument", MaturityAnswers),
        new("enterprise", "an enterprise JSON file, loaded, scored and explained under the shipped framework", Enterprise),
    ];

    public static FuzzTarget Find(string name) =>
        All.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"no fuzz target '{name}'; the targets are: {string.Join(", ", All.Select(t => t.Name))}", nameof(name));

    /// <summary>Bytes as the readers of text files see them (invalid UTF-8 becomes U+FFFD, as File.ReadAllText does).</summary>
    private static string Text(byte[] input) => Encoding.UTF8.GetString(input);

    private static void Registry(byte[] input)
    {
        var shipped = Data.Value;
        using var registry = new CsvRegistry(new MemoryStream(input, writable: false), "fuzz.csv");
        var (scan, problems) = registry.Prepare(shipped.Classifier, shipped.Framework);
        if (scan is null)
        {
            Require(problems.Count > 0, "a registry refused with no problem given");
            return;
        }

        using (scan)
        {
            // Rows are scored on this thread, as `hitech score` scores each on a worker: the same parser and scorer,
            // without the thread hand-over that makes AFL's coverage differ from run to run. No exception is caught,
            // so one the pipeline would turn into a reject ("the row could not be read") is a crash here.
            using var rows = CsvRegistry.Options.From(new MemoryStream(input, writable: false));
            var format = new ResultFormat(shipped.Framework);
            foreach (var row in rows)
            {
                var line = scan.ScoreLine(new SepCells(row), row.LineNumberFrom, format);
                Require(line.Text.Length > 0, "an empty results line");
            }
        }
    }

    private static void Framework(byte[] input)
    {
        var result = FrameworkLoader.Load(Text(input), "fuzz.yaml", Data.Value.Classifier.SectorIds);
        Require(result.Framework is null == result.Errors.Count > 0, "a framework must come with no errors, or errors with no framework");
        foreach (var error in result.Errors)
        {
            Require(error.Line >= 1 && error.Column >= 1, $"an error without a place in the file: {error}");
        }
    }

    private static void Expression(byte[] input)
    {
        var text = Text(input);
        var (node, parseError) = ExpressionCompiler.Parse(text);
        Require(node is null != parseError is null, "parsing gives a tree or an error");
        if (parseError is not null)
        {
            RequireInside(parseError, text);
            return;
        }

        _ = ExpressionCompiler.ReferencedNames(node!);

        // The context decides the type wanted; the input's length picks one so every path is reachable.
        TypeKind? expected = (text.Length % 3) switch { 0 => null, 1 => TypeKind.Number, _ => TypeKind.Boolean };
        var (compiled, error) = ExpressionCompiler.Compile(text, node!, FuzzScope.Instance, expected);
        Require(compiled is null != error is null, "compiling gives a delegate or an error");
        if (error is not null)
        {
            RequireInside(error, text);
            return;
        }

        // Interpreted rather than JIT-compiled: the same semantics at a fraction of the cost per input.
        _ = compiled!.Lambda.Compile(preferInterpretation: true)(FuzzScope.Values, FuzzScope.Sets);
    }

    private static void MaturityAnswers(byte[] input)
    {
        var (sheet, errors) = MaturityAnswersJson.Read(Text(input), "fuzz.json");
        Require(sheet is null == errors.Count > 0, "an answers file must come with no errors, or errors with no sheet");
        if (sheet is null)
        {
            return;
        }

        var instrument = Data.Value.Instrument;
        if (MaturityScorer.Validate(instrument, sheet.Profile, sheet.Answers).Count == 0)
        {
            _ = MaturityScorer.Score(instrument, sheet.Profile, sheet.Answers);
        }

        // What is read must write back and read again the same way.
        var again = MaturityAnswersJson.Read(MaturityAnswersJson.Write(sheet, instrument), "again.json");
        Require(again.Sheet is not null, $"a sheet that was read does not read back after writing: {string.Join("; ", again.Errors)}");
    }

    private static void Enterprise(byte[] input)
    {
        var (enterprise, errors) = EnterpriseJson.Read(Text(input), "fuzz.json");
        Require(enterprise is null == errors.Count > 0, "an enterprise must come with no errors, or errors with no enterprise");
        if (enterprise is null)
        {
            return;
        }

        var shipped = Data.Value;
        var (explanation, issues) = Explainer.Explain(shipped.Framework, shipped.Classifier, enterprise);
        Require(explanation is null == issues.Count > 0, "an explanation must come with no issues, or issues with no explanation");
    }

    /// <summary>An error marks characters of the text, or the one place just past its end ("ends too early").</summary>
    private static void RequireInside(ExpressionError error, string text) =>
        Require(
            error.Offset >= 0 && error.Length >= 0 && (error.Offset + error.Length <= text.Length || (error.Offset == text.Length && error.Length == 1)),
            $"the error {error} points outside the {text.Length}-character expression");

    private static void Require(bool rule, string broken)
    {
        if (!rule)
        {
            throw new BrokenRuleException(broken);
        }
    }

    /// <summary>The shipped reference data, framework and maturity instrument.</summary>
    private sealed record Shipped(ActivityClassifier Classifier, CompiledFramework Framework, MaturityInstrument Instrument)
    {
        public static Shipped Load()
        {
            var directory = ReferenceData.LocateDataDirectory(AppContext.BaseDirectory);
            var classifier = new ActivityClassifier(ReferenceData.LoadFromDirectory(directory));
            var framework = FrameworkLoader.LoadFile(Path.Combine(directory, "frameworks", "kerala-htmf", "2025.1", "framework.yaml"), classifier.SectorIds);
            var schemes = SchemeCatalogLoader.LoadFile(Path.Combine(directory, "schemes", "kerala-schemes.yaml"));
            var instrument = MaturityInstrumentLoader.LoadFile(Path.Combine(directory, "maturity", "dma-kerala", "2025.1.yaml"), schemes.Catalog?.Ids);
            return new Shipped(
                classifier,
                framework.Framework ?? throw new InvalidOperationException(string.Join(Environment.NewLine, framework.Errors)),
                instrument.Instrument ?? throw new InvalidOperationException(string.Join(Environment.NewLine, instrument.Errors)));
        }
    }
}
