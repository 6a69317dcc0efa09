using HiTech.Core.Reference;
using HiTech.Core.Scoring;

namespace HiTech.Cli.Infrastructure;

/// <summary>
/// Where a command writes and what it resolves relative paths against. Tests run commands in-process with
/// their own writers and folder; <see cref="Program.Main"/> passes the real console and current directory.
/// The reference data belong to the invocation too (loaded on first use), so no data outlives a command.
/// </summary>
public sealed class CliContext(TextWriter output, TextWriter error, string workingDirectory, bool interactive)
{
    private readonly Lazy<ReferenceData> _reference = new(() => DataLocator.Guard(() => ReferenceData.LoadFromDirectory(DataLocator.DataDirectory)));
    private ActivityClassifier? _classifier;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public string WorkingDirectory { get; } = workingDirectory;

    /// <summary>True only for a real terminal: then long commands show a progress bar on stderr.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>A path as the user typed it, made absolute against <see cref="WorkingDirectory"/>.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>The shipped reference data (NIC, OECD, Eurostat, districts, MSME limits).</summary>
    public ReferenceData Reference => _reference.Value;

    public ActivityClassifier Classifier => _classifier ??= new ActivityClassifier(Reference);
}
