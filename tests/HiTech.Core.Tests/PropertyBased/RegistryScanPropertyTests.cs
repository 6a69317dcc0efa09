using CsCheck;
using HiTech.Core.Frameworks;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;
using HiTech.Core.Tests.Frameworks;
using nietras.SeparatedValues;

namespace HiTech.Core.Tests.PropertyBased;

public class RegistryScanPropertyTests
{
    /// <summary>A registry: a seed and a first index, then that many consecutive generated enterprises.</summary>
    private static readonly Gen<GeneratedEnterprise[]> Registry =
        Gen.Select(Gen.ULong, Gen.Int[0, 1_000_000], Gen.Int[1, 60], (seed, first, count) =>
            Enumerable.Range(first, count).Select(i => Registries.Generator.Generate(i, seed)).ToArray());

    private static List<ScoredRow> Scan(string csv, bool parallel, params CompiledFramework[] frameworks)
    {
        if (parallel)
        {
            return Registries.Read(csv, frameworks);
        }

        using var reader = CsvRegistry.Options.FromText(csv);
        using var scan = RegistryScan.Prepare([.. reader.Header.ColNames], TestFrameworks.Classifier, frameworks).Scan!;
        var rows = new List<ScoredRow>();
        foreach (var row in reader)
        {
            rows.Add(scan.Score(new SepCells(row), row.LineNumberFrom));
        }

        return rows;
    }

    [Fact]
    public void Scoring_the_same_registry_twice_gives_identical_results() =>
        Registry.Sample(enterprises =>
        {
            var csv = Registries.Csv(enterprises);

            var first = Scan(csv, parallel: true, Registries.Framework);
            var second = Scan(csv, parallel: true, Registries.Framework);
            var sequential = Scan(csv, parallel: false, Registries.Framework);

            Assert.Equal(enterprises.Length, first.Count);
            for (var i = 0; i < first.Count; i++)
            {
                Assert.Equal(Describe(first[i]), Describe(second[i]));
                Assert.Equal(Describe(first[i]), Describe(sequential[i]));
            }
        }, iter: 20, threads: 1);

    [Fact]
    public void Registry_rows_score_as_the_loader_and_scorer_score_the_same_enterprises() =>
        Registry.Sample(enterprises =>
        {
            var rows = Scan(Registries.Csv(enterprises), parallel: true, Registries.Framework);
            var workspace = new ScoringWorkspace(Registries.Framework);

            Assert.Equal(enterprises.Length, rows.Count);
            for (var i = 0; i < enterprises.Length; i++)
            {
                var issues = EnterpriseLoader.Fill(workspace, TestFrameworks.Classifier, enterprises[i].ToInput());
                Assert.Empty(issues);
                var expected = Scorer.Score(workspace);
                var row = rows[i];

                Assert.False(row.Rejected, $"{enterprises[i].Id}: {row.Issue}");
                Assert.Equal(enterprises[i].Id, row.EnterpriseId);
                Assert.Equal(enterprises[i].District, row.District);
                Assert.Equal(i + 2, row.Line);
                Assert.Equal(expected, row.Scores[0]);
            }
        }, iter: 20, threads: 1);

    [Fact]
    public void A_framework_compared_with_itself_moves_nobody()
    {
        var again = TestFrameworks.Load(TestFrameworks.ReferencePath);
        Assert.NotSame(Registries.Framework, again);

        Registry.Sample(enterprises =>
        {
            var rows = Scan(Registries.Csv(enterprises), parallel: true, Registries.Framework, again);

            Assert.Equal(enterprises.Length, rows.Count);
            Assert.All(rows, row =>
            {
                Assert.Equal(2, row.Scores.Length);
                Assert.Equal(row.Scores[0].Tier, row.Scores[1].Tier);
                Assert.Equal(row.Scores[0], row.Scores[1]);
            });
        }, iter: 20, threads: 1);
    }

    private static string Describe(ScoredRow row) =>
        $"{row.Line} {row.EnterpriseId} {row.District} {row.PrimaryDivision} {row.PrimaryOecd} {row.HvaActivities} {row.Issue} {string.Join(" | ", row.Scores)}";
}
