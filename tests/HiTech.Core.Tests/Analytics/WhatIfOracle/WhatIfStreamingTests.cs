using System.Text;
using System.Text.Json;
using HiTech.Core.Analytics;
using HiTech.Core.Analytics.WhatIf;
using HiTech.Core.Frameworks;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;
using HiTech.Core.Tests.Frameworks;
using HiTech.Core.Tests.Maturity;

namespace HiTech.Core.Tests.Analytics.WhatIfOracle;

/// <summary>
/// The streaming what-if (a tally per published cell, each row parsed once, an imported registry scored from its
/// columns) against the per-enterprise path it replaced (<see cref="OracleWhatIfAnalysis"/>, fed each version's facts
/// by a scan of its own): the reports must be the same to the last digit, every cell, suppression, indicator and cost.
/// </summary>
public class WhatIfStreamingTests
{
    private const int Year = 2025;

    private static readonly DisclosureRules Rules = new(5, 10m, "test");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<(byte[] Csv, List<EnterpriseInput> Assessments)> Data = new(Generate);

    private static CompiledFramework Proposal(string from, string to, string version = "2099.1")
    {
        var yaml = File.ReadAllText(TestFrameworks.ReferencePath);
        Assert.Contains(from, yaml, StringComparison.Ordinal);
        return TestFrameworks.LoadText(yaml.Replace(from, to, StringComparison.Ordinal).Replace("version: \"2025.1\"", $"version: \"{version}\"", StringComparison.Ordinal)).Framework!;
    }

    private static CompiledFramework LowerThreshold => Proposal("    min_index: 55", "    min_index: 40");

    /// <summary>A proposal that makes the optional input rd_staff required: it reads registry rows differently.</summary>
    private static CompiledFramework ReadsRowsDifferently => Proposal("  - id: rd_staff\n    type: count\n", "  - id: rd_staff\n    type: count\n    required: true\n");

    /// <summary>3,000 generated registry rows with a few broken ones, and 120 other enterprises as approved assessments.</summary>
    private static (byte[], List<EnterpriseInput>) Generate()
    {
        var generator = new RegistryGenerator(TestFrameworks.Classifier);
        static string Csv(IEnumerable<string> cells) => string.Join(',', cells.Select(c => c.Contains(',', StringComparison.Ordinal) ? $"\"{c}\"" : c));
        var lines = new List<string> { Csv(GeneratedEnterprise.Columns) };
        lines.AddRange(Enumerable.Range(0, 3000).Select(i => Csv(generator.Generate(i, 11).ToCells())));
        foreach (var at in new[] { 10, 500, 2000 })
        {
            var broken = generator.Generate(at, 11).ToCells();
            broken[4] = "a lot";
            lines.Insert(at, Csv(broken));
        }

        var assessments = Enumerable.Range(5000, 120).Select(i => generator.Generate(i, 11).ToInput()).ToList();
        return (Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"), assessments);
    }

    private static CsvRegistry Registry() => new(new MemoryStream(Data.Value.Csv), "registry.csv");

    /// <summary>The oracle: the assessments, then each registry row's facts under each version, read by a scan of that version alone.</summary>
    private static WhatIfReport Oracle(CompiledFramework proposal, bool assessments, bool registry)
    {
        var oracle = new OracleWhatIfAnalysis(TestFrameworks.Reference, proposal, TestFrameworks.Classifier, TestMaturity.Schemes, Rules);
        if (assessments)
        {
            Data.Value.Assessments.ForEach(a => oracle.Add(a, Year, "approved"));
        }

        if (registry)
        {
            foreach (var (before, after) in Facts(TestFrameworks.Reference).Zip(Facts(proposal)))
            {
                if (before is not null && after is not null)
                {
                    oracle.Add(before, after);
                }
            }
        }

        return oracle.Report();
    }

    private static List<EnterpriseFacts?> Facts(CompiledFramework framework)
    {
        using var file = Registry();
        var (scan, problems) = file.Prepare(TestFrameworks.Classifier, framework);
        Assert.Empty(problems);
        using (scan)
        {
            return [.. file.Read(scan!.Facts(new EnterpriseFactsBuilder(framework, TestFrameworks.Classifier), Year)).Select(r => r.Facts)];
        }
    }

    private static WhatIfAnalysis Analysis(CompiledFramework proposal) =>
        new(TestFrameworks.Reference, proposal, TestFrameworks.Classifier, TestMaturity.Schemes, Rules);

    private static void AssertSame(WhatIfReport expected, WhatIfReport actual)
    {
        Assert.Equal(JsonSerializer.Serialize(expected, Json), JsonSerializer.Serialize(actual, Json));

        // The comparison has teeth: enterprises move, and disclosure control hides something.
        Assert.True(actual.Movers.Cells[0][0] > 0, "nobody moves up in the test data");
        Assert.Contains(new[] { actual.ByDistrict, actual.BySector, actual.Transitions, actual.Cost.Enterprises }, t => t.AnySuppressed);
    }

    [Fact]
    public void An_imported_registry_scored_from_its_saved_columns_reports_exactly_what_the_per_enterprise_path_reports()
    {
        var path = Path.Combine(Path.GetTempPath(), $"whatif-{Guid.NewGuid():N}.registry");
        try
        {
            using (var file = Registry())
            {
                ImportedRegistry.Import(file, TestFrameworks.Reference, TestFrameworks.Classifier, Year).Save(path);
            }

            var imported = ImportedRegistry.Load(path);
            Assert.Equal((3003L, 3000L, 3L), (imported.Population.Rows, imported.Population.Used, imported.Population.Rejected));
            Assert.Equal([(11L, "turnover"), (501L, "turnover"), (2001L, "turnover")], imported.Population.Rejects.Select(r => (r.Line, r.Field)));
            var analysis = Analysis(LowerThreshold);
            analysis.Add(imported);

            AssertSame(Oracle(LowerThreshold, assessments: false, registry: true), analysis.Report());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Assessments_then_a_streamed_registry_report_exactly_what_the_per_enterprise_path_reports()
    {
        var analysis = Analysis(LowerThreshold);
        Data.Value.Assessments.ForEach(a => analysis.Add(a, Year, "approved"));
        using var file = Registry();
        var population = RegistryPopulation.AddTo(analysis, file, Year);

        Assert.Equal((3003L, 3000L, 3L), (population.Rows, population.Used, population.Rejected));
        AssertSame(Oracle(LowerThreshold, assessments: true, registry: true), analysis.Report());
    }

    [Fact]
    public void A_proposal_that_reads_rows_differently_is_parsed_under_each_version_and_still_matches()
    {
        // A proposal that makes an optional input required reads rows differently: no shortcut may be taken.
        var proposal = ReadsRowsDifferently;
        Assert.False(RegistryReading.Alike(TestFrameworks.Reference, proposal));
        var analysis = Analysis(proposal);
        using var file = Registry();
        RegistryPopulation.AddTo(analysis, file, Year);

        Assert.Equal(JsonSerializer.Serialize(Oracle(proposal, assessments: false, registry: true), Json), JsonSerializer.Serialize(analysis.Report(), Json));
    }

    [Fact]
    public void An_imported_registry_is_refused_for_a_proposal_that_reads_rows_differently_or_another_year()
    {
        using var file = Registry();
        var imported = ImportedRegistry.Import(file, TestFrameworks.Reference, TestFrameworks.Classifier, Year);

        Assert.True(imported.Serves(TestFrameworks.Reference, LowerThreshold, Year));
        Assert.False(imported.Serves(TestFrameworks.Reference, LowerThreshold, Year + 1));
        Assert.False(imported.Serves(LowerThreshold, TestFrameworks.Reference, Year));
        Assert.False(imported.Serves(TestFrameworks.Reference, ReadsRowsDifferently, Year));
        Assert.Throws<InvalidOperationException>(() => Analysis(ReadsRowsDifferently).Add(imported));
    }

    [Fact]
    public void An_imported_registry_whose_every_row_is_rejected_scores_nobody_and_still_reports()
    {
        var header = Encoding.UTF8.GetString(Data.Value.Csv).Split('\n')[0];
        using var file = new CsvRegistry(new MemoryStream(Encoding.UTF8.GetBytes(header + "\nX-1,,,,,,\n")), "registry.csv");
        var imported = ImportedRegistry.Import(file, TestFrameworks.Reference, TestFrameworks.Classifier, Year);
        var analysis = Analysis(LowerThreshold);

        analysis.Add(imported);

        Assert.Equal((1L, 0L, 1L), (imported.Population.Rows, imported.Population.Used, imported.Population.Rejected));
        Assert.Equal(0, analysis.Report().Scored);
    }
}
