using System.CommandLine;
using HiTech.Cli.Infrastructure;
using HiTech.Core.Frameworks;

namespace HiTech.Cli.Commands;

/// <summary><c>hitech diff A.yaml B.yaml</c>: every change that can alter a result, grouped by section.</summary>
public static class DiffCommand
{
    public static Command Create(CliContext context)
    {
        var before = new Argument<string>("before") { Description = "The framework as it is (file or id/version)." };
        var after = new Argument<string>("after") { Description = "The framework as proposed (file or id/version)." };
        var command = new Command("diff", "Compare two framework definitions.") { before, after };
        command.SetAction(parsed => Run(context, parsed.GetRequiredValue(before), parsed.GetRequiredValue(after)));
        return command;
    }

    private static int Run(CliContext context, string beforeValue, string afterValue)
    {
        var errors = new List<string>();
        var a = Load(context, beforeValue, errors);
        var b = Load(context, afterValue, errors);
        if (a is null || b is null)
        {
            throw new CliException(errors);
        }

        context.Out.WriteLine($"{a.Id} {a.Version} ({beforeValue}) -> {b.Id} {b.Version} ({afterValue})");
        var changes = FrameworkDiff.Compare(a.Definition, b.Definition);
        if (changes.Count == 0)
        {
            context.Out.WriteLine("no differences");
            return ExitCodes.Ok;
        }

        foreach (var section in changes.GroupBy(c => c.Section))
        {
            context.Out.WriteLine();
            context.Out.WriteLine(section.Key);
            foreach (var change in section)
            {
                context.Out.WriteLine("  " + change);
            }
        }

        context.Out.WriteLine();
        context.Out.WriteLine(changes.Count == 1 ? "1 difference" : $"{changes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)} differences");
        return ExitCodes.Ok;
    }

    private static CompiledFramework? Load(CliContext context, string value, List<string> errors)
    {
        var result = DataLocator.Validate(context, value);
        if (result.Framework is null)
        {
            errors.Add($"{value}: the framework is not valid:");
            errors.AddRange(result.Errors.Select(e => e.ToString()));
        }

        return result.Framework;
    }
}
