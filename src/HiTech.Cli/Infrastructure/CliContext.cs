namespace HiTech.Cli.Infrastructure;

/// <summary>
/// Where a command writes and what it resolves relative paths against. Tests run commands in-process with
/// their own writers and folder; <see cref="Program.Main"/> passes the real console and current directory.
/// </summary>
public sealed class CliContext(TextWriter output, TextWriter error, string workingDirectory, bool interactive)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public string WorkingDirectory { get; } = workingDirectory;

    /// <summary>True only for a real terminal: then long commands show a progress bar on stderr.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>A path as the user typed it, made absolute against <see cref="WorkingDirectory"/>.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);
}
