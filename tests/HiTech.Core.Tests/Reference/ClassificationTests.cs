using HiTech.Core.Reference;

namespace HiTech.Core.Tests.Reference;

public sealed class ClassificationTests
{
    private static NicCatalog Nic => TestReference.Data.Nic;

    [Theory]
    [InlineData("2520", OecdGroup.MediumHigh)]
    [InlineData("25200", OecdGroup.MediumHigh)]
    [InlineData("2511", OecdGroup.MediumLow)]
    [InlineData("25999", OecdGroup.MediumLow)]
    [InlineData("3011", OecdGroup.Medium)]
    [InlineData("3012", OecdGroup.Medium)]
    [InlineData("3020", OecdGroup.MediumHigh)]
    [InlineData("3040", OecdGroup.MediumHigh)]
    [InlineData("3091", OecdGroup.MediumHigh)]
    [InlineData("3030", OecdGroup.High)]
    [InlineData("30305", OecdGroup.High)]
    [InlineData("3250", OecdGroup.MediumHigh)]
    [InlineData("3211", OecdGroup.Medium)]
    [InlineData("5820", OecdGroup.High)]
    [InlineData("5811", OecdGroup.MediumLow)]
    [InlineData("2100", OecdGroup.High)]
    [InlineData("21003", OecdGroup.High)]
    [InlineData("7210", OecdGroup.High)]
    [InlineData("6201", OecdGroup.MediumHigh)]
    [InlineData("2610", OecdGroup.High)]
    [InlineData("2211", OecdGroup.Medium)]
    [InlineData("0810", OecdGroup.MediumLow)]
    [InlineData("7110", OecdGroup.MediumLow)]
    [InlineData("4711", OecdGroup.Low)]
    [InlineData("8610", OecdGroup.Low)]
    public void Oecd_groups_follow_the_2016_taxonomy_with_its_exceptions(string code, OecdGroup expected) =>
        Assert.Equal(expected, Nic.Find(code)!.OecdGroup);

    [Theory]
    [InlineData("3030", "OECD 2016: exception 303 (Air and spacecraft and related machinery)")]
    [InlineData("2610", "OECD 2016: division 26 (Computer, electronic and optical products)")]
    [InlineData("5820", "OECD 2016: exception 582 (Software publishing)")]
    [InlineData("2520", "OECD 2016: exception 252 (Weapons and ammunition)")]
    [InlineData("3020", "OECD 2016: group 302 (Railway locomotives and rolling stock (tabulated as: Railroad, military vehicles and transport n.e.c.))")]
    [InlineData("8610", "not covered by OECD 2016: project default low (Human health)")]
    public void Oecd_basis_says_how_the_group_was_assigned(string code, string basis) =>
        Assert.Equal(basis, Nic.Find(code)!.OecdBasis);

    [Fact]
    public void Recalled_low_groups_are_marked_unverified() =>
        Assert.StartsWith("OECD 2016 as recalled, unverified", Nic.Find("4711")!.OecdBasis, StringComparison.Ordinal);

    [Theory]
    [InlineData("30")]
    [InlineData("25")]
    [InlineData("32")]
    [InlineData("58")]
    [InlineData("C")]
    [InlineData("J")]
    public void Codes_over_classes_in_different_groups_are_mixed(string code)
    {
        var entry = Nic.Find(code)!;
        Assert.Null(entry.OecdGroup);
        Assert.StartsWith("mixed: ", entry.OecdBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void Mixed_basis_lists_groups_high_first() =>
        Assert.Equal("mixed: high (303), medium-high (302, 304, 309), medium (301)", Nic.Find("30")!.OecdBasis);

    [Theory]
    [InlineData("26", OecdGroup.High)]
    [InlineData("303", OecdGroup.High)]
    [InlineData("B", OecdGroup.MediumLow)]
    [InlineData("Q", OecdGroup.Low)]
    public void Uniform_codes_above_class_carry_the_shared_group(string code, OecdGroup expected) =>
        Assert.Equal(expected, Nic.Find(code)!.OecdGroup);

    [Theory]
    [InlineData("2520", "medium-high-technology")]
    [InlineData("3030", "high-technology")]
    [InlineData("3250", "medium-high-technology")]
    [InlineData("2100", "high-technology")]
    [InlineData("3011", "medium-low-technology")]
    [InlineData("3020", "medium-high-technology")]
    [InlineData("2511", "medium-low-technology")]
    [InlineData("1820", "medium-low-technology")]
    [InlineData("1811", "low-technology")]
    [InlineData("3211", "low-technology")]
    [InlineData("6201", "high-tech-knowledge-intensive-services")]
    [InlineData("7210", "high-tech-knowledge-intensive-services")]
    [InlineData("7110", "knowledge-intensive-services")]
    [InlineData("4711", "less-knowledge-intensive-services")]
    [InlineData("0111", "not-classified")]
    [InlineData("4100", "not-classified")]
    public void Eurostat_aggregates_follow_nace_rev2(string code, string expected) =>
        Assert.Equal(expected, Nic.Find(code)!.EurostatGroup);

    [Fact]
    public void Eurostat_above_class_is_mixed_only_when_classes_differ()
    {
        Assert.Equal("mixed", Nic.Find("30")!.EurostatGroup);
        Assert.Equal("mixed", Nic.Find("C")!.EurostatGroup);
        Assert.Equal("high-technology", Nic.Find("26")!.EurostatGroup);
        Assert.Equal("not-classified", Nic.Find("A")!.EurostatGroup);
    }

    [Fact]
    public void Oecd_ids_round_trip()
    {
        Assert.Equal(["low", "medium-low", "medium", "medium-high", "high"], OecdGroups.Ids);
        foreach (var group in Enum.GetValues<OecdGroup>())
        {
            Assert.True(OecdGroups.TryParse(OecdGroups.ToId(group), out var parsed));
            Assert.Equal(group, parsed);
        }

        Assert.False(OecdGroups.TryParse("Medium", out _));
    }
}
