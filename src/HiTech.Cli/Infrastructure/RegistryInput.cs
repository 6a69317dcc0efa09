using HiTech.Core.Frameworks;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;

namespace HiTech.Cli.Infrastructure;

/// <summary>
/// Opens the registry file an option names, CSV or Excel (told apart by content: an .xlsx is a zip, "PK\x03\x04"),
/// and prepares its scan; what is wrong with the file or its header is a <see cref="CliException"/>.
/// </summary>
public static class RegistryInput
{
    private static ReadOnlySpan<byte> ZipMagic => ExcelRegistry.ZipMagic;

    public static RegistryFile Open(CliContext context, string value)
    {
        var path = context.Resolve(value);
        if (Directory.Exists(path))
        {
            throw new CliException($"{value}: is a folder, not a registry file");
        }

        if (!File.Exists(path))
        {
            throw new CliException($"{value}: no such file");
        }

        long length;
        byte[] magic = new byte[4];
        int read;
        try
        {
            using var probe = File.OpenRead(path);
            length = probe.Length;
            read = probe.ReadAtLeast(magic, 4, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{value}: cannot be read: {e.Message}");
        }

        if (length == 0)
        {
            throw new CliException($"{value}: the file is empty (no header row)");
        }

        try
        {
            return read == 4 && magic.AsSpan().SequenceEqual(ZipMagic)
                ? new ExcelRegistry(path, value)
                : new CsvRegistry(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan), value);
        }
        catch (InvalidDataException e)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>The scan for the file's header under the given frameworks.</summary>
    public static RegistryScan Scan(RegistryFile input, ActivityClassifier classifier, params CompiledFramework[] frameworks)
    {
        var (scan, problems) = input.Prepare(classifier, frameworks);
        return scan ?? throw new CliException(problems);
    }
}
