using CsCheck;
using HiTech.Core.Registry;
using HiTech.Core.Tests.Frameworks;

namespace HiTech.Core.Tests.Registry;

/// <summary>
/// Found by fuzzing (tests/fuzz/regressions/registry): a header of 25,000 empty names gave 25,000 problems, merged
/// across frameworks in quadratic time. A fault shared by many columns is one problem naming the first few.
/// </summary>
public class RegistryHeaderProblemTests
{
    private static IReadOnlyList<string> Problems(params string[] header) =>
        RegistryScan.Prepare(header, TestFrameworks.Classifier, TestFrameworks.Reference, TestFrameworks.Reference).Errors;

    [Fact]
    public void Unnamed_and_repeated_columns_are_one_problem_each()
    {
        Assert.Equal(
            ["columns 2, 5 and 6 have no name in the header", "the column 'turnover' appears 3 times in the header (columns 3, 4 and 7)"],
            Problems("enterprise_id", "", "turnover", "turnover", " ", "", "Turnover", "district", "activities", "employees", "value_added"));
    }

    [Fact]
    public void A_header_of_thousands_of_empty_names_lists_five_and_counts_the_rest() =>
        Assert.Contains("columns 1, 2, 3, 4, 5 and 24,995 more have no name in the header", Problems([.. Enumerable.Repeat("", 25_000)]));

    [Fact]
    public void Every_fault_of_any_header_is_reported_once()
    {
        var names = Gen.OneOf(Gen.Const(""), Gen.Const("a"), Gen.Const("B"), Gen.Const("turnover"), Gen.Const("enterprise_id"), Gen.Const("district"));

        names.Array[0, 300].Sample(header =>
        {
            var problems = Problems(header);

            Assert.Equal(problems.Distinct(StringComparer.Ordinal).Count(), problems.Count);
            Assert.Equal(header.Any(h => h.Length == 0) ? 1 : 0, problems.Count(p => p.Contains("no name", StringComparison.Ordinal)));
            var repeated = header.Where(h => h.Length > 0).GroupBy(h => h.ToLowerInvariant()).Count(g => g.Count() > 1);
            Assert.Equal(repeated, problems.Count(p => p.Contains("' appears ", StringComparison.Ordinal)));
        }, iter: 300, threads: 1);
    }
}
