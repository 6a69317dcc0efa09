using CsCheck;
using HiTech.Core.Reference;

namespace HiTech.Core.Tests.Reference;

public sealed class NicSearchTests
{
    private static NicCatalog Nic => TestReference.Data.Nic;

    [Fact]
    public void Words_find_titles_broader_codes_first()
    {
        var hits = Nic.Search("rubber");
        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Contains("rubber", h.Title, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("22", hits[0].Code); // broader codes first: the division, then groups such as 201 and 221
        Assert.Contains(hits.Take(4), h => h.Code == "221");
        Assert.True(hits.Select(h => h.Code.Length).SequenceEqual(hits.Select(h => h.Code.Length).Order()));
        Assert.Contains(hits, h => h.Code == "2211");
        Assert.Contains(hits, h => h.Code == "01291");
        Assert.True(hits.Count <= 20);
    }

    [Fact]
    public void All_words_must_match()
    {
        var hits = Nic.Search("rubber tyres");
        Assert.NotEmpty(hits);
        Assert.All(hits, h =>
        {
            Assert.Contains("rubber", h.Title, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("tyres", h.Title, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Title_starting_with_the_word_ranks_first()
    {
        var hits = Nic.Search("printing");
        Assert.StartsWith("Printing", hits[0].Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Whole_words_rank_before_substrings()
    {
        var hits = Nic.Search("fishing", 100);
        var firstSubstringOnly = hits.ToList().FindIndex(h => !System.Text.RegularExpressions.Regex.IsMatch(h.Title, @"\bfishing\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        var lastWhole = hits.ToList().FindLastIndex(h => System.Text.RegularExpressions.Regex.IsMatch(h.Title, @"\bfishing\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        Assert.True(firstSubstringOnly < 0 || firstSubstringOnly > lastWhole);
    }

    [Fact]
    public void Digits_search_code_prefixes()
    {
        var hits = Nic.Search("2610");
        Assert.Equal(["2610", "26101", "26102", "26103", "26104", "26105", "26106", "26107", "26109"], hits.Select(h => h.Code));
        Assert.Equal(["26", "261", "262"], Nic.Search("26", 3).Select(h => h.Code));
        Assert.Equal("2610", Nic.Search("26.10")[0].Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("zzqqxx")]
    public void Blank_or_unmatched_queries_return_nothing(string query) => Assert.Empty(Nic.Search(query));

    [Fact]
    public void Max_limits_results() => Assert.Equal(3, Nic.Search("manufacture", 3).Count);

    [Fact]
    public void SuggestNear_an_unknown_subclass_gives_its_neighbours()
    {
        var near = Nic.SuggestNear("26199");
        Assert.Equal(5, near.Count);
        Assert.All(near.Take(3), n => Assert.StartsWith("261", n.Code, StringComparison.Ordinal));
        Assert.Equal("26109", near[0].Code); // same class, numerically closest
        Assert.Contains(near, n => n.Code == "28199"); // one digit away
    }

    [Fact]
    public void SuggestNear_a_code_with_a_stray_letter_gives_the_class_members()
    {
        var near = Nic.SuggestNear("2610x");
        Assert.NotEmpty(near);
        Assert.All(near, n => Assert.StartsWith("2610", n.Code, StringComparison.Ordinal));
    }

    [Fact]
    public void SuggestNear_offers_swapped_and_changed_digits()
    {
        var near = Nic.SuggestNear("62101");
        Assert.Equal(5, near.Count);
        Assert.All(near.Take(3), n => Assert.StartsWith("62", n.Code, StringComparison.Ordinal));
        Assert.Contains(near, n => n.Code == "26101"); // first two digits swapped
        Assert.Contains(near, n => n.Code == "02101"); // first digit changed
    }

    [Fact]
    public void SuggestNear_leaves_out_the_code_itself() =>
        Assert.DoesNotContain(Nic.SuggestNear("26101", 10), n => n.Code == "26101");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    public void SuggestNear_without_digits_is_empty(string? code) => Assert.Empty(Nic.SuggestNear(code!));

    [Fact]
    public void SuggestNear_never_throws() =>
        Gen.String.Sample(s =>
        {
            var near = Nic.SuggestNear(s, 4);
            Assert.True(near.Count <= 4);
        });

    [Fact]
    public void Search_never_throws() =>
        Gen.String.Sample(s => Assert.True(Nic.Search(s, 7).Count <= 7));
}
