using System.Diagnostics;
using System.Globalization;
using HiTech.Core.Frameworks;
using HiTech.Core.Reference;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;
using nietras.SeparatedValues;

namespace HiTech.Bench;

/// <summary>
/// `stages FILE`: where registry scoring spends its time, one stage added at a time on one thread
/// (read, parse into the workspace, score), then the parallel scan. For finding hot spots, not for RESULTS.md.
/// </summary>
public static class ScanStages
{
    public static int Run(string path, bool profileOnly = false)
    {
        var reference = ReferenceData.LoadFromDirectory(ReferenceData.LocateDataDirectory(AppContext.BaseDirectory));
        var classifier = new ActivityClassifier(reference);
        var frameworkPath = Path.Combine(AppContext.BaseDirectory, "data", "frameworks", "kerala-htmf", "2025.1", "framework.yaml");
        var framework = FrameworkLoader.LoadFile(frameworkPath, classifier.SectorIds).Framework!;

        if (profileOnly)
        {
            for (var round = 0; round < 3; round++)
            {
                Time("sep read + parse + score", () => Sequential(path, framework, classifier, score: true));
            }

            return 0;
        }

        for (var round = 0; round < 2; round++)
        {
            Time("sep read, every field", () => SepReadBaseline.Run(path, quiet: true));
            Time("sep read + parse row", () => Sequential(path, framework, classifier, score: false));
            Time("sep read + parse + score", () => Sequential(path, framework, classifier, score: true));
            Time("CsvRegistry parallel", () => Parallel(path, framework, classifier));
        }

        return 0;
    }

    private static void Time(string label, Func<long> run)
    {
        var watch = Stopwatch.StartNew();
        var rows = run();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-28} {watch.Elapsed.TotalSeconds,7:0.000} s  {rows} rows  {watch.Elapsed.TotalMicroseconds / Math.Max(rows, 1),6:0.00} us/row"));
    }

    private static long Sequential(string path, CompiledFramework framework, ActivityClassifier classifier, bool score)
    {
        using var reader = CsvRegistry.Options.FromFile(path);
        var header = reader.Header.ColNames.ToList();
        var (layout, _) = RegistryLayout.From(header, framework);
        var parser = new RegistryRowParser(framework, layout!, classifier, classifier.Reference.Districts);
        var workspace = new ScoringWorkspace(framework);
        long rows = 0;
        double sum = 0;
        foreach (var row in reader)
        {
            if (parser.TryParse(new SepCells(row), workspace, out _, out _) && score)
            {
                sum += Scorer.Score(workspace).Index;
            }

            rows++;
        }

        return sum < 0 ? -1 : rows;
    }

    private static long Parallel(string path, CompiledFramework framework, ActivityClassifier classifier)
    {
        using var registry = new CsvRegistry(File.OpenRead(path), path);
        using var scan = registry.Prepare(classifier, framework).Scan!;
        return registry.Read(scan).LongCount();
    }
}
