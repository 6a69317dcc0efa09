namespace HiTech.Cli.Infrastructure;

/// <summary>
/// A user error: bad input or usage. Its lines are printed to stderr as they are, never with a stack trace,
/// and the process exits with <see cref="ExitCode"/>.
/// </summary>
public sealed class CliException : Exception
{
    public CliException()
        : this("invalid input")
    {
    }

    public CliException(string message)
        : this([message])
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        Lines = [message];
    }

    public CliException(IReadOnlyList<string> lines, int exitCode = ExitCodes.Invalid)
        : base(string.Join(Environment.NewLine, lines))
    {
        Lines = lines;
        ExitCode = exitCode;
    }

    public IReadOnlyList<string> Lines { get; }

    public int ExitCode { get; } = ExitCodes.Invalid;
}
