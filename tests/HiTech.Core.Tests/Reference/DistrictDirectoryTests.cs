using HiTech.Core.Reference;

namespace HiTech.Core.Tests.Reference;

public sealed class DistrictDirectoryTests
{
    private static DistrictDirectory Districts => TestReference.Data.Districts;

    [Fact]
    public void Kerala_has_fourteen_districts() =>
        Assert.Equal(
            ["thiruvananthapuram", "kollam", "pathanamthitta", "alappuzha", "kottayam", "idukki", "ernakulam",
             "thrissur", "palakkad", "malappuram", "kozhikode", "wayanad", "kannur", "kasaragod"],
            Districts.All.Select(d => d.Id));

    [Theory]
    [InlineData("Trivandrum", "thiruvananthapuram")]
    [InlineData("Cochin", "ernakulam")]
    [InlineData("Kochi", "ernakulam")]
    [InlineData("  ernakulam ", "ernakulam")]
    [InlineData("ERNAKULAM.", "ernakulam")]
    [InlineData("Ernakulam District", "ernakulam")]
    [InlineData("Calicut", "kozhikode")]
    [InlineData("Palghat", "palakkad")]
    [InlineData("Quilon", "kollam")]
    [InlineData("Alleppey", "alappuzha")]
    [InlineData("Trichur", "thrissur")]
    [InlineData("Trissur", "thrissur")]
    [InlineData("Cannanore", "kannur")]
    [InlineData("Kasargod", "kasaragod")]
    [InlineData("Kasaragode", "kasaragod")]
    [InlineData("Pathanamtitta", "pathanamthitta")]
    [InlineData("Tiruvananthapuram", "thiruvananthapuram")]
    [InlineData("Kozhikkode", "kozhikode")]
    [InlineData("Malapuram", "malappuram")]
    [InlineData("pathanam-thitta", "pathanamthitta")]
    [InlineData("എറണാകുളം", "ernakulam")]
    [InlineData("തിരുവനന്തപുരം", "thiruvananthapuram")]
    [InlineData(" കോഴിക്കോട് ", "kozhikode")]
    public void Variants_resolve_to_the_canonical_district(string text, string id)
    {
        Assert.True(Districts.TryResolve(text, out var district), text);
        Assert.Equal(id, district.Id);
    }

    [Fact]
    public void Malayalam_chillu_letters_match_in_either_encoding()
    {
        // ർ as the atomic chillu (U+0D7C) and as ര + virama + zero-width joiner.
        Assert.True(Districts.TryResolve("തൃശ്ശൂ\u0D7C", out var atomic));
        Assert.True(Districts.TryResolve("തൃശ്ശൂ\u0D30\u0D4D\u200D", out var joined));
        Assert.Equal("thrissur", atomic.Id);
        Assert.Equal("thrissur", joined.Id);
        Assert.True(Districts.TryResolve("കണ്ണൂ\u0D30\u0D4D\u200D", out var kannur));
        Assert.Equal("kannur", kannur.Id);
    }

    [Fact]
    public void Every_name_and_variant_resolves_to_its_own_district()
    {
        foreach (var district in Districts.All)
        {
            foreach (var name in district.Variants.Append(district.Name).Append(district.NameMl).Append(district.Id))
            {
                Assert.True(Districts.TryResolve(name, out var found), name);
                Assert.Same(district, found);
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("Bangalore")]
    [InlineData("district")]
    [InlineData("Kerala")]
    public void Unknown_text_does_not_resolve(string text) => Assert.False(Districts.TryResolve(text, out _));

    [Fact]
    public void Very_long_text_does_not_resolve_or_throw() =>
        Assert.False(Districts.TryResolve(new string('a', 10_000), out _));

    [Fact]
    public void A_variant_naming_two_districts_is_refused()
    {
        const string csv = "id,name,name_ml,variants\nkollam,Kollam,കൊല്ലം,Quilon\nalappuzha,Alappuzha,ആലപ്പുഴ,quilon\n";
        var e = Assert.Throws<ReferenceDataException>(() => DistrictDirectory.Load(new StringReader(csv), "districts-test.csv"));
        Assert.Equal("districts-test.csv", e.Source);
        Assert.Equal(3, e.Line);
        Assert.Contains("kollam", e.Message, StringComparison.Ordinal);
    }
}
