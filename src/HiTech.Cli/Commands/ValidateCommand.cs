using System.CommandLine;
using HiTech.Cli.Infrastructure;

namespace HiTech.Cli.Commands;

/// <summary><c>hitech validate FRAMEWORK.yaml</c>: prints "valid", or every error as file:line:col: rule: message on stderr.</summary>
public static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var framework = new Argument<string>("framework") { Description = "The framework file (or a shipped id/version such as kerala-htmf/2025.1)." };
        var command = new Command("validate", "Check a framework definition and list every error.") { framework };
        command.SetAction(parsed =>
        {
            var result = DataLocator.Validate(context, parsed.GetRequiredValue(framework));
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
}
