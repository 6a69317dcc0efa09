using System.Globalization;
using System.Runtime.InteropServices;
using HiTech.Core.Collaboration;
using HiTech.Core.Frameworks;
using HiTech.Core.Reference;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;
using HiTech.Core.Tests.Collaboration;
using nietras.SeparatedValues;

namespace HiTech.Bench;

/// <summary>
/// The second half of bench/match.sh, run after <c>hitech match</c>: (1) the CPU time of each need on one thread,
/// which the machine's other load does not inflate (CLOCK_THREAD_CPUTIME_ID), p50 and p99; (2) agreement of a sample
/// of needs with the brute-force oracle of the tests (linked source): against the engine exactly, and against
/// the matches file hitech wrote (ids and scores as written).
/// </summary>
public static partial class MatchCheck
{
    public static int Run(string providersPath, string needsPath, string matchesPath, int sample)
    {
        var dataDirectory = ReferenceData.LocateDataDirectory(AppContext.BaseDirectory);
        var reference = ReferenceData.LoadFromDirectory(dataDirectory);
        var classifier = new ActivityClassifier(reference);
        var framework = FrameworkLoader.LoadFile(Path.Combine(dataDirectory, "frameworks", "kerala-htmf", "2025.1", "framework.yaml"), classifier.SectorIds).Framework!;
        var data = CollaborationData.Load(dataDirectory, reference, framework);
        var weights = MatchingWeightsLoader.LoadFile(Path.Combine(dataDirectory, MatchingWeightsLoader.Folder, "2026.1.yaml")).Weights!;
        var providers = Read(providersPath, header => new ProviderRows(data, ProviderRows.LayoutOf(header)));
        var needs = Read(needsPath, header => new NeedRows(data, NeedRows.LayoutOf(header)));
        using var engine = new MatchingEngine(providers, data, weights);

        engine.Match(needs[0], 10);
        var cpu = new double[needs.Count];
        for (var i = 0; i < needs.Count; i++)
        {
            var start = ThreadCpuMilliseconds();
            engine.Match(needs[i], 10);
            cpu[i] = ThreadCpuMilliseconds() - start;
        }

        Array.Sort(cpu);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cpu per need, one thread: p50_ms {cpu[(int)Math.Ceiling(0.50 * cpu.Length) - 1]:0.000}, p99_ms {cpu[(int)Math.Ceiling(0.99 * cpu.Length) - 1]:0.000}, max_ms {cpu[^1]:0.000}"));

        var written = ReadMatches(matchesPath);
        var oracle = new MatchingOracle(providers, weights, Path.Combine(dataDirectory, CollaborationData.NeighboursFile));
        var step = Math.Max(1, needs.Count / sample);
        int checkedNeeds = 0, agreeEngine = 0, agreeFile = 0, rows = 0;
        for (var i = 0; i < needs.Count; i += step)
        {
            var expected = oracle.Top(needs[i], 10);
            var actual = engine.Match(needs[i], 10).Select(m => (m.Provider.Id, m.Score)).ToList();
            var inFile = written.TryGetValue(needs[i].Id, out var list) ? list : [];
            checkedNeeds++;
            rows += expected.Count;
            agreeEngine += expected.SequenceEqual(actual) ? 1 : 0;
            agreeFile += expected.Select(e => (e.Id, e.Score.ToString("0.00", CultureInfo.InvariantCulture))).SequenceEqual(inFile) ? 1 : 0;
        }

        Console.WriteLine($"oracle: {checkedNeeds} needs sampled ({rows} matches); identical to the engine (ids, order, exact scores): {agreeEngine}; identical to the matches file (ids, order, scores as written): {agreeFile}");
        return agreeEngine == checkedNeeds && agreeFile == checkedNeeds ? 0 : 1;
    }

    private static List<T> Read<T>(string path, Func<IReadOnlyList<string>, IRowHandler<RowResult<T>>> handler)
        where T : class
    {
        using var file = new CsvRegistry(File.OpenRead(path), path);
        return [.. file.Read(handler(file.Header)).Where(r => r.Value is not null).Select(r => r.Value!)];
    }

    private static Dictionary<string, List<(string, string)>> ReadMatches(string path)
    {
        var matches = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        using var reader = CsvRegistry.Options.FromFile(path);
        foreach (var row in reader)
        {
            var need = row["need_id"].ToString();
            if (!matches.TryGetValue(need, out var list))
            {
                matches[need] = list = [];
            }

            list.Add((row["provider_id"].ToString(), row["score"].ToString()));
        }

        return matches;
    }

    /// <summary>CPU time of the calling thread, which waiting for a core on a shared machine does not inflate.</summary>
    internal static double ThreadCpuMilliseconds()
    {
        const int ClockThreadCpuTimeId = 3;
        return ClockGetTime(ClockThreadCpuTimeId, out var time) == 0 ? (time.Seconds * 1e3) + (time.Nanoseconds / 1e6) : double.NaN;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
