using System.CommandLine;
using HiTech.Cli.Commands;
using HiTech.Cli.Infrastructure;

namespace HiTech.Cli;

/// <summary>
/// The <c>hitech</c> command line. <see cref="Main"/> only wires the real console to <see cref="Run"/>, which
/// tests call in-process with their own writers and working folder.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var interactive = !Console.IsErrorRedirected;
        var output = new StreamWriter(Console.OpenStandardOutput(), CsvOutput.Utf8NoBom) { AutoFlush = true, NewLine = "\n" };
        var error = new StreamWriter(Console.OpenStandardError(), CsvOutput.Utf8NoBom) { AutoFlush = true, NewLine = "\n" };
        try
        {
            return Run(args, output, error, Environment.CurrentDirectory, interactive);
        }
        finally
        {
            output.Flush();
            error.Flush();
        }
    }

    /// <summary>Runs one command line; never throws: user errors print a message and return <see cref="ExitCodes.Invalid"/>.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string? workingDirectory = null, bool interactive = false)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var context = new CliContext(stdout, stderr, workingDirectory ?? Environment.CurrentDirectory, interactive);
        try
        {
            var root = CreateRoot(context);
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                foreach (var error in parsed.Errors)
                {
                    stderr.WriteLine($"hitech: {error.Message}");
                }

                stderr.WriteLine("Run 'hitech --help' (or 'hitech COMMAND --help') for usage.");
                return ExitCodes.Invalid;
            }

            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            foreach (var line in e.Lines)
            {
                stderr.WriteLine(line);
            }

            return e.ExitCode;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not a user error; still a clean message and no stack trace for whoever runs the tool.
            stderr.WriteLine($"hitech: unexpected error ({e.GetType().Name}): {e.Message}");
            return ExitCodes.Invalid;
        }
    }

    public static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("Kerala Hi-Tech Manufacturing Framework: validate frameworks, classify NIC codes, score registries, explain results.");
        root.Subcommands.Add(DemoCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(ClassifyCommand.Create(context));
        root.Subcommands.Add(GenerateCommand.Create(context));
        root.Subcommands.Add(ScoreCommand.Create(context));
        root.Subcommands.Add(IndicatorsCommand.Create(context));
        root.Subcommands.Add(ExplainCommand.Create(context));
        root.Subcommands.Add(DiffCommand.Create(context));
        root.Subcommands.Add(SimulateCommand.Create(context));
        root.Subcommands.Add(MaturityCommand.Create(context));
        root.Subcommands.Add(MatchCommand.Create(context));
        root.Subcommands.Add(ProvidersCommand.Create(context));
        return root;
    }
}
