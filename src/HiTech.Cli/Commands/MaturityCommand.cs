using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HiTech.Cli.Infrastructure;
using HiTech.Core.Maturity;

namespace HiTech.Cli.Commands;

/// <summary>
/// <c>hitech maturity</c>: the digital maturity assessment offline. <c>template</c> writes an answers file with every
/// question, <c>score</c> scores one, <c>questions</c> lists the questions and option ids, <c>validate</c> checks an
/// instrument file, <c>roadmap</c> ranks the next steps. The answers format is in docs/maturity.md.
/// </summary>
public static class MaturityCommand
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var command = new Command("maturity", "Digital maturity and Industry 4.0 adoption: answers templates, scores and roadmaps.");
        command.Subcommands.Add(Template(context));
        command.Subcommands.Add(Score(context));
        command.Subcommands.Add(Questions(context));
        command.Subcommands.Add(Validate(context));
        command.Subcommands.Add(MaturityRoadmapCommand.Create(context));
        return command;
    }

    internal static Option<string?> InstrumentOption() =>
        new("--instrument") { Description = $"Instrument file, or a shipped id/version (default: the answers file's, else {MaturityData.DefaultInstrument})." };

    internal static Option<string> LanguageOption()
    {
        var language = new Option<string>("--lang") { Description = "Language of titles: en or ml.", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("en", "ml");
        return language;
    }

    private static Command Template(CliContext context)
    {
        var level = new Option<string>("--level") { Description = "lowest: 0 points everywhere; highest: full points everywhere.", DefaultValueFactory = _ => "lowest" };
        level.AcceptOnlyFromAmong("lowest", "highest");
        var instrument = InstrumentOption();
        var command = new Command("template", "Write an answers file with every question (and a profile that opens every module) to stdout.") { level, instrument };
        command.SetAction(parsed =>
        {
            var loaded = MaturityData.LoadInstrument(context, parsed.GetValue(instrument));
            var sheet = MaturityTemplate.Build(loaded, parsed.GetValue(level) == "highest" ? MaturityTemplateLevel.Highest : MaturityTemplateLevel.Lowest);
            context.Out.Write(MaturityAnswersJson.Write(sheet, loaded));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Score(CliContext context)
    {
        var answers = new Argument<string>("answers") { Description = "The answers file (JSON, see docs/maturity.md)." };
        var json = new Option<bool>("--json") { Description = "Print JSON: dimensions, overall, band, then the details." };
        var instrument = InstrumentOption();
        var language = LanguageOption();
        var command = new Command("score", "Score an answers file: dimension scores, overall and band.") { answers, json, instrument, language };
        command.SetAction(parsed =>
        {
            var file = parsed.GetRequiredValue(answers);
            var sheet = MaturityData.ReadAnswers(context, file);
            var loaded = MaturityData.LoadInstrument(context, parsed.GetValue(instrument) ?? sheet.Instrument);
            var result = MaturityData.Score(loaded, sheet, file);
            context.Out.Write(parsed.GetValue(json) ? ResultJson(result, loaded) : ResultText(result, loaded, parsed.GetValue(language) ?? "en"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Questions(CliContext context)
    {
        var instrument = InstrumentOption();
        var language = LanguageOption();
        var command = new Command("questions", "List the instrument's modules, questions and option ids (with points), to fill an answers file.") { instrument, language };
        command.SetAction(parsed =>
        {
            var loaded = MaturityData.LoadInstrument(context, parsed.GetValue(instrument));
            var lang = parsed.GetValue(language) ?? "en";
            var output = context.Out;
            output.WriteLine($"{loaded.Title.In(lang)} ({loaded.Reference})");
            foreach (var module in loaded.Modules)
            {
                output.WriteLine();
                var when = module.OpensWhen is null ? "" : $"  [opens when: {module.OpensWhen}]";
                output.WriteLine($"{module.Id}: {module.Title.In(lang)}{when}");
                foreach (var question in module.Questions)
                {
                    var kind = question.Type switch
                    {
                        QuestionType.Multi => "tick all that apply",
                        QuestionType.Adoption => "adoption level",
                        _ => "one answer",
                    };
                    var extra = question.OpensWhen is null ? "" : $" [when: {question.OpensWhen}]";
                    output.WriteLine($"  {question.Id} ({question.DimensionId}; {kind}){extra}");
                    output.WriteLine($"    {question.Text.In(lang)}");
                    foreach (var option in question.Options)
                    {
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {option.Id} = {option.Points}{(option.IsNone ? " (none of these)" : "")}: {option.Text.In(lang)}"));
                    }
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Validate(CliContext context)
    {
        var instrument = new Argument<string?>("instrument") { Description = $"Instrument file, or a shipped id/version (default {MaturityData.DefaultInstrument}).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("validate", "Check an instrument file (and the schemes its actions name); list every error.") { instrument };
        command.SetAction(parsed =>
        {
            var result = MaturityData.Validate(context, parsed.GetValue(instrument));
            if (result.IsValid)
            {
                context.Out.WriteLine("valid");
                return ExitCodes.Ok;
            }

            foreach (var error in result.Errors)
            {
                context.Error.WriteLine(error.ToString());
            }

            return ExitCodes.Invalid;
        });
        return command;
    }

    /// <summary>The result as JSON: <c>dimensions</c>, <c>overall</c>, <c>band</c> first, then the details.</summary>
    internal static string ResultJson(MaturityResult result, MaturityInstrument instrument)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOptions))
        {
            MaturityResultJson.Write(writer, result);
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>The result as a table: one line per dimension, then the overall score, band and what was counted.</summary>
    internal static string ResultText(MaturityResult result, MaturityInstrument instrument, string language)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        text.WriteLine($"Digital maturity ({instrument.Reference})");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var dimension in result.Dimensions)
        {
            rows.Add([instrument.Dimension(dimension.DimensionId).Title.In(language), Score(dimension.Score), dimension.Band?.Title.In(language) ?? "-"]);
        }

        rows.Add([language == "ml" ? "ആകെ" : "Overall", Score(result.Overall), result.Band?.Title.In(language) ?? "-"]);
        TextTable.Write(text, rows, lastIsText: true);
        text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Answered} of {result.Applicable} applicable questions answered; open modules: {string.Join(", ", result.OpenModules)}"));
        if (!result.ClosedModules.IsEmpty)
        {
            text.WriteLine($"closed (not counted): {string.Join(", ", result.ClosedModules)}");
        }

        if (!result.IgnoredAnswers.IsEmpty)
        {
            text.WriteLine($"answers not counted (their module or item does not apply): {string.Join(", ", result.IgnoredAnswers)}");
        }

        if (result.IsFirstEstimate)
        {
            text.WriteLine("first estimate: only the short screen is answered");
        }

        if (result.Overall is null)
        {
            text.WriteLine("no overall score yet: some dimension has no answered question");
        }

        return text.ToString();
    }

    private static string Score(int? score) => score?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
