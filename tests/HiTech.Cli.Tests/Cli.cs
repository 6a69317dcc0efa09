using nietras.SeparatedValues;

namespace HiTech.Cli.Tests;

/// <summary>What one in-process run of hitech printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Runs hitech in-process, as the shell would, in a given working folder.</summary>
public static class Cli
{
    public static string TestData => Path.Combine(AppContext.BaseDirectory, "TestData");

    public static string BadRegistry(string file) => Path.Combine(TestData, "bad-registry", file);

    public static string Docs => Path.Combine(AppContext.BaseDirectory, "docs");

    public static string SampleRegistry => Path.Combine(Docs, "samples", "registry-sample.csv");

    public static string SampleEnterprise => Path.Combine(Docs, "samples", "enterprise-sample.json");

    public static string ReferenceFramework => Path.Combine(AppContext.BaseDirectory, "data", "frameworks", "kerala-htmf", "2025.1", "framework.yaml");

    public static CliResult RunIn(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var exit = Program.Run(args, output, error, workingDirectory);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public static CliResult Run(params string[] args) => RunIn(AppContext.BaseDirectory, args);
}

/// <summary>A fresh folder for one test's files, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hitech-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text, new System.Text.UTF8Encoding(false));
        return path;
    }

    public CliResult Run(params string[] args) => Cli.RunIn(Path, args);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere: leave it for the OS to clean.
        }
    }
}

/// <summary>Reads the CSV files hitech writes (RFC 4180) for assertions.</summary>
public static class CsvFile
{
    public static List<string[]> Read(string path)
    {
        using var reader = (HiTech.Core.Registry.CsvRegistry.Options with { HasHeader = false }).FromFile(path);
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].ToString();
            }

            rows.Add(cells);
        }

        return rows;
    }
}
