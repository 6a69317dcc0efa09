using HiTech.Core.Analytics;
using HiTech.Core.Analytics.WhatIf;
using HiTech.Core.Frameworks;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;
using HiTech.Core.Tests.Frameworks;
using HiTech.Core.Tests.Maturity;

namespace HiTech.Core.Tests.Analytics;

public class WhatIfAnalysisTests
{
    private static readonly DisclosureRules Rules = new(5, 10m, "test");

    /// <summary>The shipped framework with one tier threshold changed.</summary>
    private static CompiledFramework WithThreshold(string from, string to)
    {
        var yaml = File.ReadAllText(TestFrameworks.ReferencePath);
        Assert.Contains(from, yaml, StringComparison.Ordinal);
        return TestFrameworks.LoadText(yaml.Replace(from, to, StringComparison.Ordinal).Replace("version: \"2025.1\"", "version: \"2099.1\"", StringComparison.Ordinal)).Framework!;
    }

    private static List<EnterpriseInput> Population(int count)
    {
        var generator = new RegistryGenerator(TestFrameworks.Classifier);
        return [.. Enumerable.Range(0, count).Select(i => generator.Generate(i, 7).ToInput())];
    }

    private static WhatIfAnalysis Analyse(CompiledFramework proposal, IEnumerable<EnterpriseInput> population)
    {
        var analysis = new WhatIfAnalysis(TestFrameworks.Reference, proposal, TestFrameworks.Classifier, TestMaturity.Schemes, Rules);
        foreach (var input in population)
        {
            analysis.Add(input, 2025, "approved");
        }

        return analysis;
    }

    private static IEnumerable<int?> Figures(PublishedTable table) =>
        table.Cells.SelectMany(r => r).Concat(table.RowTotals).Concat(table.ColumnTotals).Append(table.Total);

    [Fact]
    public void The_cost_ceiling_per_enterprise_is_the_sum_of_the_confirmed_schemes_per_unit_maxima_for_its_size()
    {
        var rule = new IncentiveCostRule(TestMaturity.Schemes);

        // Industry 4.0 reimbursement (25 lakh, every size) plus the K-RIIS cap of the size (data/schemes/kerala-schemes.yaml).
        Assert.Equal(2_500_000m + 4_000_000m, rule.PerEnterprise("micro"));
        Assert.Equal(2_500_000m + 10_000_000m, rule.PerEnterprise("small"));
        Assert.Equal(2_500_000m + 20_000_000m, rule.PerEnterprise("medium"));
        Assert.Equal(2_500_000m + 100_000_000m, rule.PerEnterprise("large"));
        Assert.Equal(0m, rule.PerEnterprise(EnterpriseFactsBuilder.UnknownSize));
        Assert.Contains(rule.NotCosted, s => s.Id == "msme-zed-certification");
        Assert.DoesNotContain(rule.Costed, s => s.Uncertain);
    }

    [Fact]
    public void A_framework_against_itself_moves_nobody_and_changes_no_indicator()
    {
        var report = Analyse(TestFrameworks.Reference, Population(300)).Report();

        Assert.Equal(300, report.Scored + report.Rejected);
        Assert.Equal([0, 0, report.Scored], report.Movers.Cells[0]);
        Assert.All(report.Indicators, i => Assert.Equal(i.Before, i.After));
        Assert.All(report.Cost.BySize, r => Assert.True(r.NetCostInr is null or 0m));
    }

    [Fact]
    public void Lowering_the_hi_tech_threshold_moves_exactly_the_enterprises_the_engine_moves_and_costs_their_ceilings()
    {
        var proposal = WithThreshold("    min_index: 55", "    min_index: 40");
        var population = Population(400);
        var report = Analyse(proposal, population).Report();

        // Worked out independently, one enterprise at a time, with the engine itself.
        var moved = 0;
        var entering = new Dictionary<string, int>(StringComparer.Ordinal);
        var builder = new EnterpriseFactsBuilder(proposal, TestFrameworks.Classifier);
        foreach (var input in population)
        {
            var (before, _) = Explainer.Explain(TestFrameworks.Reference, TestFrameworks.Classifier, input);
            var (after, _) = Explainer.Explain(proposal, TestFrameworks.Classifier, input);
            if (before is null || after is null)
            {
                continue;
            }

            if (before.Tier.Id != after.Tier.Id)
            {
                moved++;
            }

            if (before.Tier.Id is not ("hitech" or "hitech-leader") && after.Tier.Id is "hitech" or "hitech-leader")
            {
                var size = builder.FromExplanation(input, after, 2025, "approved").SizeClass;
                entering[size] = entering.GetValueOrDefault(size) + 1;
            }
        }

        Assert.True(moved >= Rules.MinFrequency, $"the test population moves only {moved}");
        Assert.Equal(moved, report.Movers.Cells[0][0]);
        Assert.Equal(0, report.Movers.Cells[0][1]);
        var rule = new IncentiveCostRule(TestMaturity.Schemes);
        foreach (var row in report.Cost.BySize.Where(r => r.NetCostInr is not null))
        {
            Assert.Equal(entering.GetValueOrDefault(row.SizeClass) * rule.PerEnterprise(row.SizeClass), row.NetCostInr);
        }

        // Nothing published counts 1 to 4 enterprises.
        foreach (var table in new[] { report.Movers, report.Transitions, report.ByDistrict, report.BySector, report.BySize, report.Cost.Enterprises })
        {
            Assert.All(Figures(table), n => Assert.False(n is > 0 and < 5, $"a count of {n} is published"));
        }

        var hiTech = report.Indicators.Single(i => i.Id == "hi_tech_enterprises");
        Assert.Equal(entering.Values.Sum(), hiTech.Change);
    }

    [Fact]
    public void A_registry_population_streams_through_the_pipeline_reports_its_rejects_and_agrees_with_the_assessment_path()
    {
        var proposal = WithThreshold("    min_index: 55", "    min_index: 40");
        var generator = new RegistryGenerator(TestFrameworks.Classifier);
        var enterprises = Enumerable.Range(0, 300).Select(i => generator.Generate(i, 7)).ToList();
        static string Csv(IEnumerable<string> cells) => string.Join(',', cells.Select(c => c.Contains(',', StringComparison.Ordinal) ? $"\"{c}\"" : c));
        var lines = new List<string> { Csv(GeneratedEnterprise.Columns) };
        lines.AddRange(enterprises.Select(e => Csv(e.ToCells())));
        var broken = enterprises[0].ToCells();
        broken[0] = "BROKEN-1";
        broken[4] = "a lot";
        lines.Insert(3, Csv(broken));
        using var file = new CsvRegistry(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")), "registry.csv");

        var fromRegistry = new WhatIfAnalysis(TestFrameworks.Reference, proposal, TestFrameworks.Classifier, TestMaturity.Schemes, Rules);
        var population = RegistryPopulation.AddTo(fromRegistry, file, 2025);

        Assert.Equal((301L, 300L, 1L), (population.Rows, population.Used, population.Rejected));
        var reject = Assert.Single(population.Rejects);
        Assert.Equal((4L, "BROKEN-1", "turnover"), (reject.Line, reject.EnterpriseId, reject.Field));
        Assert.Empty(population.HeaderProblems);

        // The same enterprises as assessments give the same report.
        var registryReport = fromRegistry.Report();
        var assessmentReport = Analyse(proposal, enterprises.Select(e => e.ToInput())).Report();
        Assert.Equal(assessmentReport.Scored, registryReport.Scored);
        Assert.Equal(assessmentReport.Movers.Cells, registryReport.Movers.Cells);
        Assert.Equal(assessmentReport.Transitions.Cells, registryReport.Transitions.Cells);
        Assert.Equal(assessmentReport.Cost.NetTotalInr, registryReport.Cost.NetTotalInr);
    }

    [Fact]
    public void A_registry_whose_header_cannot_be_scored_gives_its_problems_and_no_rows()
    {
        using var file = new CsvRegistry(new MemoryStream("name,colour\nx,red\n"u8.ToArray()), "registry.csv");
        var analysis = new WhatIfAnalysis(TestFrameworks.Reference, TestFrameworks.Reference, TestFrameworks.Classifier, TestMaturity.Schemes, Rules);

        var population = RegistryPopulation.AddTo(analysis, file, 2025);

        Assert.Equal(0, population.Rows);
        Assert.NotEmpty(population.HeaderProblems);
        Assert.Equal(0, analysis.Scored);
    }
}
