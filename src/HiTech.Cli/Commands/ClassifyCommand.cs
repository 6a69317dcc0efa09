using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using HiTech.Cli.Infrastructure;
using HiTech.Core.Reference;

namespace HiTech.Cli.Commands;

/// <summary><c>hitech classify CODE [--json]</c>: a NIC 2008 code's title, ISIC, OECD group, Eurostat aggregate and priority sectors.</summary>
public static class ClassifyCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var code = new Argument<string>("code") { Description = "A NIC 2008 code: section letter, or 2 to 5 digits." };
        var json = new Option<bool>("--json") { Description = "Print JSON: code, title, isic4, oecd_group, eurostat_group, priority_sectors." };
        var command = new Command("classify", "Classify a NIC 2008 code.") { code, json };
        command.SetAction(parsed => Run(context, parsed.GetRequiredValue(code), parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, string code, bool json)
    {
        var nic = context.Reference.Nic;
        if (nic.Find(code) is not { } entry)
        {
            var near = nic.SuggestNear(code, 5);
            var lines = new List<string> { $"'{code.Trim()}' is not a NIC 2008 code." };
            if (near.Count > 0)
            {
                lines.Add("Near codes:");
                lines.AddRange(near.Select(n => $"  {n.Code}  {n.Title}"));
            }

            throw new CliException(lines);
        }

        var oecd = entry.OecdGroup is { } g ? OecdGroups.ToId(g) : null;
        if (json)
        {
            var document = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["code"] = entry.Code,
                ["title"] = entry.Title,
                ["isic4"] = entry.Isic4,
                ["oecd_group"] = oecd,
                ["eurostat_group"] = entry.EurostatGroup,
                ["priority_sectors"] = entry.PrioritySectors.ToArray(),
            };
            context.Out.WriteLine(JsonSerializer.Serialize(document, Json));
            return ExitCodes.Ok;
        }

        context.Out.WriteLine($"{entry.Code}  {entry.Title}");
        context.Out.WriteLine($"  level:            {Level(entry.Level)} (section {entry.Section})");
        context.Out.WriteLine($"  ISIC Rev.4:       {entry.Isic4 ?? "(above class level)"}");
        context.Out.WriteLine($"  OECD R&D group:   {oecd ?? "mixed (its classes fall in different groups)"}");
        context.Out.WriteLine($"  OECD basis:       {entry.OecdBasis}");
        context.Out.WriteLine($"  Eurostat:         {entry.EurostatGroup}");
        context.Out.WriteLine($"  priority sectors: {(entry.PrioritySectors.IsEmpty ? "none" : string.Join(", ", entry.PrioritySectors))}");
        return ExitCodes.Ok;
    }

    private static string Level(NicLevel level) => level switch
    {
        NicLevel.Section => "section",
        NicLevel.Division => "division",
        NicLevel.Group => "group",
        NicLevel.Class => "class",
        _ => "sub-class",
    };
}
