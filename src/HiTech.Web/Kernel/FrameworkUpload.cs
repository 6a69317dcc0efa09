using System.Text;
using HiTech.Core.Scoring;

namespace HiTech.Web.Kernel;

/// <summary>
/// Reads an uploaded framework file and validates it with the engine's FrameworkLoader: every error with its line,
/// column and rule. Shared by the admin's publication and the analysts' what-if proposals, so both refuse the same files.
/// </summary>
public static class FrameworkUpload
{
    /// <summary>The largest framework file accepted.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>A validated framework and its text, or the errors that refuse it.</summary>
    public sealed record Result(string FileName, string Yaml, CompiledFramework? Framework, IReadOnlyList<FrameworkError> Errors);

    public static async Task<Result> ReadAsync(Stream content, string fileName, ActivityClassifier classifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(classifier);
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = string.IsNullOrWhiteSpace(name) ? "framework.yaml" : name;
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return Refused(name, new FrameworkError(name, 0, 0, "empty-file", "The file is empty."));
        }

        if (buffer.Length > MaxBytes)
        {
            return Refused(name, new FrameworkError(name, 0, 0, "file-too-large", $"The file is larger than {MaxBytes / 1024} KB."));
        }

        string yaml;
        try
        {
            yaml = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.ToArray()).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Refused(name, new FrameworkError(name, 0, 0, "not-utf8", "The file is not UTF-8 text."));
        }

        return Validate(yaml, name, classifier);
    }

    /// <summary>Validates framework YAML already in hand (say, made from a form's changes).</summary>
    public static Result Validate(string yaml, string name, ActivityClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var result = FrameworkLoader.Load(yaml, name, classifier.SectorIds);
        return new Result(name, yaml, result.Framework, result.Framework is null ? [.. result.Errors] : []);
    }

    /// <summary>The line of the file's <c>version:</c> key, for an error about the version.</summary>
    public static int VersionLine(string yaml) =>
        yaml.Split('\n').Select((text, index) => (text, index)).FirstOrDefault(l => l.text.TrimStart().StartsWith("version:", StringComparison.Ordinal)).index + 1;

    private static Result Refused(string name, FrameworkError error) => new(name, "", null, [error]);
}
