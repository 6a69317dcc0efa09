using CsCheck;
using HiTech.Core.Registry;

namespace HiTech.Core.Tests.PropertyBased;

/// <summary>Every data row of a registry yields exactly one result, scored or rejected, with its own line number.</summary>
public class RowAccountingTests
{
    /// <summary>One way of spoiling a row: the column the rejection must name, and the change.</summary>
    private sealed record Corruption(string Name, string? Field, Func<string[], string[]> Apply);

    private static int Column(string name) => GeneratedEnterprise.Columns.IndexOf(name);

    private static string[] Set(string[] cells, string column, string value)
    {
        var copy = (string[])cells.Clone();
        copy[Column(column)] = value;
        return copy;
    }

    private static readonly Corruption[] Corruptions =
    [
        new("empty id", "enterprise_id", c => Set(c, "enterprise_id", "")),
        new("unknown district", "district", c => Set(c, "district", "Atlantis")),
        new("unknown NIC code", "activities", c => Set(c, "activities", "99999")),
        new("unknown stage", "activities", c => Set(c, "activities", "26101::research")),
        new("shares not adding to 1", "activities", c => Set(c, "activities", "26101:0.5;22191:0.2")),
        new("turnover not a number", "turnover", c => Set(c, "turnover", "12 lakh")),
        new("decimal comma", "turnover", c => Set(c, "turnover", "1200000,50")),
        new("negative exports", "export_revenue", c => Set(c, "export_revenue", "-5")),
        new("fractional patents", "patents", c => Set(c, "patents", "1.5")),
        new("bad yes/no", "dsir_rd_unit", c => Set(c, "dsir_rd_unit", "maybe")),
        new("unknown certification", "certifications", c => Set(c, "certifications", "iso9001;iso-27001")),
        new("missing required", "employees", c => Set(c, "employees", "")),
        new("STEM staff above staff", "stem_staff;employees", c => Set(Set(c, "employees", "3"), "stem_staff", "4").Select((v, i) => i == Column("rd_staff") || i == Column("returnee_hires") ? "0" : v).ToArray()),
        new("a field too many", "", c => [.. c, "extra"]),
        new("a field too few", "", c => c[..^1]),
    ];

    /// <summary>A row: a generated enterprise, kept whole (null corruption) or spoiled one way; some valid names need quoting.</summary>
    private static readonly Gen<(string[] Cells, Corruption? Corruption)> Row =
        Gen.Select(Gen.Int[0, 100_000], Gen.Int[-Corruptions.Length, Corruptions.Length - 1], Gen.Int[0, 3], (index, pick, quoting) =>
        {
            var cells = Registries.Generator.Generate(index, 7).ToCells();
            cells[Column("name")] = quoting switch
            {
                1 => cells[Column("name")] + ", Unit 2",
                2 => cells[Column("name")] + " \"New\"",
                _ => cells[Column("name")],
            };
            var corruption = pick < 0 ? null : Corruptions[pick];
            return (corruption is null ? cells : corruption.Apply(cells), corruption);
        });

    [Fact]
    public void Every_data_row_is_scored_or_rejected_exactly_once_with_its_line_number() =>
        Row.Array[1, 80].Sample(rows =>
        {
            var results = Registries.Read(Registries.Csv(rows.Select(r => r.Cells)), Registries.Framework);

            Assert.Equal(rows.Length, results.Count);
            for (var i = 0; i < rows.Length; i++)
            {
                var (cells, corruption) = rows[i];
                var result = results[i];
                var what = $"row {i} ({corruption?.Name ?? "valid"}): {result.Issue}";
                Assert.Equal(i + 2, result.Line);
                Assert.True(result.Rejected == corruption is not null, what);
                if (corruption is null)
                {
                    Assert.Single(result.Scores);
                    Assert.Equal(cells[Column("enterprise_id")], result.EnterpriseId);
                }
                else
                {
                    Assert.Empty(result.Scores);
                    Assert.Equal(corruption.Field, result.Issue!.Value.Field);
                    Assert.False(string.IsNullOrWhiteSpace(result.Issue.Value.Reason), what);
                }
            }
        }, iter: 40, threads: 1);

    [Fact]
    public void A_quoted_line_break_inside_a_row_does_not_shift_the_rows_after_it_out_of_account()
    {
        var first = Registries.Generator.Generate(1, 7).ToCells();
        var second = Registries.Generator.Generate(2, 7).ToCells();
        first[Column("name")] = "Two\nLines";

        var results = Registries.Read(Registries.Csv([first, second]), Registries.Framework);

        Assert.Equal([2L, 4L], results.Select(r => r.Line));
        Assert.All(results, r => Assert.False(r.Rejected, r.Issue?.ToString()));
    }
}
