using Spectre.Console;

namespace HiTech.Cli.Infrastructure;

/// <summary>
/// A Spectre.Console progress bar on stderr, shown only when the console is interactive so that files,
/// pipes, CI logs and tests get clean output. The work reports progress through the callback it is given;
/// callers report every few thousand rows, never per row.
/// </summary>
public static class ProgressDisplay
{
    public static T Run<T>(CliContext context, string description, double total, Func<Action<double>, T> work)
    {
        if (!context.Interactive)
        {
            return work(_ => { });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (!console.Profile.Capabilities.Interactive)
        {
            return work(_ => { });
        }

        return console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(description, maxValue: Math.Max(total, 1));
                var result = work(value => task.Value = Math.Min(value, task.MaxValue));
                task.Value = task.MaxValue;
                return result;
            });
    }
}
