using HiTech.Core.Reference;

namespace HiTech.Core.Tests.Reference;

public sealed class PrioritySectorTests
{
    private static PrioritySectorCatalog Sectors => TestReference.Data.PrioritySectors;

    [Fact]
    public void The_policy_names_twenty_two_sectors()
    {
        Assert.Equal(22, Sectors.All.Count);
        Assert.All(Sectors.All, s => Assert.False(string.IsNullOrWhiteSpace(s.NameMl)));
        Assert.True(Sectors.TryGet("ayurveda", out var ayurveda));
        Assert.Equal("ആയുർവേദം", ayurveda.NameMl);
    }

    [Theory]
    [InlineData("3d-printing")]
    [InlineData("graphene")]
    [InlineData("nanotechnology")]
    [InlineData("ai-robotics")]
    [InlineData("design")]
    [InlineData("biotech-life-sciences")]
    public void Sectors_without_an_honest_code_are_cross_cutting(string id)
    {
        Assert.True(Sectors.TryGet(id, out var sector));
        Assert.True(sector.CrossCutting);
        Assert.Contains("declared", sector.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("graphene")]
    [InlineData("nanotechnology")]
    [InlineData("3d-printing")]
    public void Some_cross_cutting_sectors_have_no_code_at_all(string id)
    {
        Assert.True(Sectors.TryGet(id, out var sector));
        Assert.Empty(sector.NicPrefixes);
    }

    [Fact]
    public void Sectors_with_codes_are_not_cross_cutting()
    {
        foreach (var id in new[] { "medical-equipment", "pharmaceuticals", "maritime", "high-value-rubber", "esdm", "ayurveda" })
        {
            Assert.True(Sectors.TryGet(id, out var sector));
            Assert.False(sector.CrossCutting, id);
            Assert.NotEmpty(sector.NicPrefixes);
        }
    }

    [Theory]
    [InlineData("32501", "medical-equipment")]
    [InlineData("26600", "medical-equipment")]
    [InlineData("21003", "ayurveda")]
    [InlineData("21003", "pharmaceuticals")]
    [InlineData("86901", "ayurveda")]
    [InlineData("22111", "high-value-rubber")]
    [InlineData("30111", "maritime")]
    [InlineData("52220", "maritime")]
    [InlineData("29101", "electric-vehicles")]
    [InlineData("27201", "electric-vehicles")]
    [InlineData("26101", "esdm")]
    [InlineData("30301", "aerospace-defence")]
    [InlineData("74101", "design")]
    [InlineData("72100", "engineering-rnd")]
    [InlineData("55101", "tourism-hospitality")]
    [InlineData("35105", "renewable-energy")]
    [InlineData("38300", "recycling-waste")]
    [InlineData("47110", "retail")]
    [InlineData("10793", "hitech-farming-plantation")]
    [InlineData("10793", "food-technologies")]
    public void Codes_map_to_their_sectors(string code, string sector)
    {
        Assert.Contains(sector, Sectors.SectorsFor(code));
        Assert.Contains(sector, TestReference.Data.Nic.Find(code)!.PrioritySectors);
    }

    [Theory]
    [InlineData("21002", "ayurveda")] // allopathic preparations are pharmaceuticals, not ayurveda
    [InlineData("86902", "ayurveda")]
    [InlineData("22201", "high-value-rubber")] // plastics, not rubber
    [InlineData("01291", "high-value-rubber")] // growing rubber is not a rubber product
    public void Codes_outside_a_sector_do_not_map_to_it(string code, string sector) =>
        Assert.DoesNotContain(sector, Sectors.SectorsFor(code));

    [Fact]
    public void Broad_codes_map_only_when_wholly_inside_a_sector()
    {
        Assert.Contains("pharmaceuticals", TestReference.Data.Nic.Find("21")!.PrioritySectors);
        Assert.DoesNotContain("high-value-rubber", TestReference.Data.Nic.Find("22")!.PrioritySectors);
        Assert.Empty(TestReference.Data.Nic.Find("C")!.PrioritySectors);
        Assert.Empty(Sectors.SectorsFor("84111"));
    }
}
