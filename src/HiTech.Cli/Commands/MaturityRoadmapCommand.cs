using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HiTech.Cli.Infrastructure;
using HiTech.Core.Frameworks;
using HiTech.Core.Maturity;
using HiTech.Core.Scoring;

namespace HiTech.Cli.Commands;

/// <summary>
/// <c>hitech maturity roadmap ANSWERS.json [--framework F] [--json] [--lang en|ml]</c>: the ranked next steps for the
/// firm, each with its actions and the schemes that can help pay. The hi-tech lift is the part of the framework's index
/// that depends on digital maturity (its indicators that read <c>digital_maturity</c> alone), the other inputs held fixed.
/// </summary>
public static class MaturityRoadmapCommand
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var answers = new Argument<string>("answers") { Description = "The answers file (JSON, see docs/maturity.md)." };
        var framework = new Option<string>("--framework") { Description = "Framework whose hi-tech index ranks the steps (file or shipped id/version).", DefaultValueFactory = _ => "kerala-htmf/2025.1" };
        var json = new Option<bool>("--json") { Description = "Print the roadmap as JSON." };
        var instrument = MaturityCommand.InstrumentOption();
        var language = MaturityCommand.LanguageOption();
        var command = new Command("roadmap", "Rank the next steps by hi-tech lift, gap and cost, with actions and schemes.") { answers, framework, json, instrument, language };
        command.SetAction(parsed =>
        {
            var file = parsed.GetRequiredValue(answers);
            var sheet = MaturityData.ReadAnswers(context, file);
            var loaded = MaturityData.LoadInstrument(context, parsed.GetValue(instrument) ?? sheet.Instrument);
            var result = MaturityData.Score(loaded, sheet, file);
            var compiled = DataLocator.LoadFramework(context, parsed.GetRequiredValue(framework));
            var roadmap = MaturityRoadmap.Build(result, loaded, MaturityData.LoadSchemes(context), DigitalMaturityLift.PartOfIndex(compiled));
            var lang = parsed.GetValue(language) ?? "en";
            context.Out.Write(parsed.GetValue(json) ? Json(roadmap, compiled, lang) : Text(roadmap, result, compiled, lang));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Text(MaturityRoadmapResult roadmap, MaturityResult result, CompiledFramework framework, string language)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Roadmap ({result.InstrumentId}/{result.InstrumentVersion}; overall {result.Overall?.ToString(CultureInfo.InvariantCulture) ?? "-"}; digital part of the {framework.Id} {framework.Version} index now {roadmap.HiTechIndex:0.##})"));
        if (roadmap.Steps.IsEmpty)
        {
            text.WriteLine("nothing to do: every dimension scored is at 100");
        }

        foreach (var step in roadmap.Steps)
        {
            text.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step.Rank}. {step.Title.In(language)}: {step.Score} ({step.Band.Title.In(language)}), gap {step.Gap}, index +{step.HiTechLift:0.##}, cost from {Cost(step.CostTier)}"));
            foreach (var action in step.Actions)
            {
                text.WriteLine($"   - [{Cost(action.Action.CostTier)}] {action.Action.Text.In(language)}");
                foreach (var scheme in action.Schemes)
                {
                    text.WriteLine($"     scheme: {scheme.Name.In(language)}{Numbers(scheme)}{(scheme.Uncertain ? " (uncertain: " + scheme.UncertainNote.In(language) + ")" : "")}");
                }
            }
        }

        return text.ToString();
    }

    private static string Json(MaturityRoadmapResult roadmap, CompiledFramework framework, string language)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("framework", $"{framework.Id}/{framework.Version}");
            writer.WriteNumber("hi_tech_index_digital_part", roadmap.HiTechIndex);
            writer.WriteStartArray("steps");
            foreach (var step in roadmap.Steps)
            {
                writer.WriteStartObject();
                writer.WriteNumber("rank", step.Rank);
                writer.WriteString("dimension", step.DimensionId);
                writer.WriteString("title", step.Title.In(language));
                writer.WriteNumber("score", step.Score);
                writer.WriteString("band", step.Band.Id);
                writer.WriteNumber("gap", step.Gap);
                writer.WriteNumber("hi_tech_lift", step.HiTechLift);
                writer.WriteString("cost_tier", Cost(step.CostTier));
                writer.WriteStartArray("actions");
                foreach (var action in step.Actions)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", action.Action.Id);
                    writer.WriteString("text", action.Action.Text.In(language));
                    writer.WriteString("cost_tier", Cost(action.Action.CostTier));
                    writer.WriteStartArray("schemes");
                    foreach (var scheme in action.Schemes)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("id", scheme.Id);
                        writer.WriteString("name", scheme.Name.In(language));
                        writer.WriteStartObject("numbers");
                        foreach (var number in scheme.Numbers)
                        {
                            writer.WriteNumber(number.Id, number.Value);
                        }

                        writer.WriteEndObject();
                        writer.WriteBoolean("uncertain", scheme.Uncertain);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static string Cost(CostTier tier) => tier switch
    {
        CostTier.Low => "low",
        CostTier.Medium => "medium",
        _ => "high",
    };

    private static string Numbers(Scheme scheme) => scheme.Numbers.IsEmpty
        ? ""
        : " (" + string.Join(", ", scheme.Numbers.Select(n => n.Id + " " + n.Unit switch
        {
            SchemeUnit.Inr => IndianFormat.Rupees(n.Value),
            SchemeUnit.Percent => n.Value.ToString(CultureInfo.InvariantCulture) + "%",
            _ => n.Value.ToString(CultureInfo.InvariantCulture) + " years",
        })) + ")";
}
