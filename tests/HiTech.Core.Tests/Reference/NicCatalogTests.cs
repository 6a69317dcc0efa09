using HiTech.Core.Reference;

namespace HiTech.Core.Tests.Reference;

public sealed class NicCatalogTests
{
    private static NicCatalog Nic => TestReference.Data.Nic;

    [Theory]
    [InlineData(NicLevel.Section, 21)]
    [InlineData(NicLevel.Division, 88)]
    [InlineData(NicLevel.Group, 238)]
    // 419 = ISIC Rev.4's class count; the "403 classes" figure is not reachable without dropping real classes (see data/README.md).
    [InlineData(NicLevel.Class, 419)]
    [InlineData(NicLevel.SubClass, 1304)]
    public void Counts_per_level_are_reached(NicLevel level, int expected) =>
        Assert.Equal(expected, Nic.CountOf(level));

    [Fact]
    public void Every_code_has_a_parent_chain_to_its_section()
    {
        foreach (var entry in Nic.Entries.Where(e => e.Level != NicLevel.Section))
        {
            var current = entry;
            var steps = 0;
            while (current.Level != NicLevel.Section)
            {
                var parent = Nic.Parent(current);
                Assert.NotNull(parent);
                Assert.Equal(current.Level - 1, parent.Level);
                Assert.Equal(entry.Section, parent.Section);
                Assert.StartsWith(parent.Level == NicLevel.Section ? "" : parent.Code, current.Code, StringComparison.Ordinal);
                Assert.Contains(current, Nic.Children(parent));
                current = parent;
                steps++;
            }

            Assert.Equal((int)entry.Level, steps);
        }
    }

    [Theory]
    [InlineData("01", "A")]
    [InlineData("03", "A")]
    [InlineData("05", "B")]
    [InlineData("33", "C")]
    [InlineData("35", "D")]
    [InlineData("37", "E")]
    [InlineData("43", "F")]
    [InlineData("47", "G")]
    [InlineData("53", "H")]
    [InlineData("56", "I")]
    [InlineData("63", "J")]
    [InlineData("66", "K")]
    [InlineData("68", "L")]
    [InlineData("75", "M")]
    [InlineData("82", "N")]
    [InlineData("84", "O")]
    [InlineData("85", "P")]
    [InlineData("88", "Q")]
    [InlineData("93", "R")]
    [InlineData("96", "S")]
    [InlineData("98", "T")]
    [InlineData("99", "U")]
    public void Section_letters_match_division_ranges(string division, string section)
    {
        var entry = Nic.Find(division);
        Assert.NotNull(entry);
        Assert.Equal(section, entry.Section);
        Assert.Equal(section, Nic.Parent(entry)!.Code);
    }

    [Theory]
    [InlineData("L", "Real estate activities")]
    [InlineData("37", "Sewerage")]
    [InlineData("43", "Specialized construction activities")]
    [InlineData("651", "Insurance")]
    [InlineData("60200", "Television programming and broadcasting activities")]
    [InlineData("10301", "Sun-drying of fruit and vegetables")]
    [InlineData("29304", "Manufacture of motor vehicle electrical equipment, such as generators, alternators, spark plugs, ignition wiring harnesses, power window and door systems, voltage regulators etc.")]
    [InlineData("92001", "Wholesale of lottery tickets")]
    [InlineData("84230", "Public order and safety activities")]
    [InlineData("A", "Agriculture, forestry and fishing")]
    [InlineData("E", "Water supply; sewerage, waste management and remediation activities")]
    public void Gaps_and_misleveled_rows_are_repaired(string code, string title)
    {
        var entry = Nic.Find(code);
        Assert.NotNull(entry);
        Assert.Equal(title, entry.Title);
    }

    [Theory]
    [InlineData("20203")]
    [InlineData("65020")]
    [InlineData("88230")]
    [InlineData("95494")]
    [InlineData("96903")]
    public void Misnumbered_extraction_codes_are_gone(string code) => Assert.Null(Nic.Find(code));

    [Fact]
    public void Titles_are_clean()
    {
        string[] broken = ["a nd", "A nd", "an d", "caulifl ower", "Activit Ies", "Activiti Es", "W Aste", " -", "o f ", "Manufa cture", "Manuf acture",
            "Manufact ure", "Whole sale", "servi ce", "ac tivities", "mach inery", "pr oducts", "  ", " ,", "( ", " )", "Tranaport", "Accomodation", "Foresty"];
        foreach (var entry in Nic.Entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Title), entry.Code);
            Assert.Equal(entry.Title.Trim(), entry.Title);
            foreach (var fragment in broken)
            {
                Assert.False(entry.Title.Contains(fragment, StringComparison.Ordinal), $"{entry.Code}: '{entry.Title}' contains '{fragment}'");
            }

            Assert.False(entry.Title.EndsWith(',') || entry.Title.EndsWith(';') || entry.Title.EndsWith(" and", StringComparison.Ordinal)
                || entry.Title.EndsWith(" of", StringComparison.Ordinal) || entry.Title.EndsWith(" or", StringComparison.Ordinal), $"{entry.Code} looks cut short: {entry.Title}");
        }
    }

    [Fact]
    public void Section_and_division_titles_are_sentence_style()
    {
        foreach (var entry in Nic.Entries.Where(e => e.Level is NicLevel.Section or NicLevel.Division))
        {
            var words = entry.Title.Split(' ').Skip(1);
            Assert.DoesNotContain(words, w => w is "And" or "Of" or "Activities" or "Manufacture");
        }
    }

    [Fact]
    public void Classes_and_subclasses_always_have_both_classifications_and_an_isic_class()
    {
        foreach (var entry in Nic.Entries.Where(e => e.Level is NicLevel.Class or NicLevel.SubClass))
        {
            Assert.NotNull(entry.OecdGroup);
            Assert.NotEqual("mixed", entry.EurostatGroup);
            Assert.Equal(entry.Code[..4], entry.Isic4);
            Assert.Equal("nic2008", entry.Classification);
        }

        Assert.All(Nic.Entries.Where(e => e.Level < NicLevel.Class), e => Assert.Null(e.Isic4));
    }

    [Fact]
    public void Entries_are_sections_then_codes_in_list_order()
    {
        var sections = Nic.Entries.Take(21).Select(e => e.Code);
        Assert.Equal([.. "ABCDEFGHIJKLMNOPQRSTU".Select(c => c.ToString())], sections);
        var codes = Nic.Entries.Skip(21).Select(e => e.Code).ToList();
        Assert.Equal([.. codes.Order(StringComparer.Ordinal)], codes);
        Assert.Equal(["01", "011", "0111", "01111"], codes.Take(4));
    }

    [Fact]
    public void TryGet_finds_exact_codes_from_a_span()
    {
        Assert.True(Nic.TryGet("26101x".AsSpan(0, 5), out var entry));
        Assert.Equal("26101", entry.Code);
        Assert.False(Nic.TryGet("2610 ", out _));
        Assert.Equal("2610", Nic.Find(" 2610 ")!.Code);
        Assert.Null(Nic.Find("99999"));
    }

    [Fact]
    public void Children_of_a_class_are_its_subclasses()
    {
        var children = Nic.Children(Nic.Find("2100")!);
        Assert.Equal(["21001", "21002", "21003", "21004", "21005", "21006", "21009"], children.Select(c => c.Code));
        Assert.Equal(["01", "02", "03"], Nic.Children(Nic.Find("A")!).Select(c => c.Code));
        Assert.Empty(Nic.Children(Nic.Find("21003")!));
    }

    [Fact]
    public void Ayurvedic_subclass_is_the_one_the_sector_mapping_relies_on()
    {
        Assert.Equal("Manufacture of allopathic pharmaceutical preparations", Nic.Find("21002")!.Title);
        Assert.Contains("ayurvedic", Nic.Find("21003")!.Title, StringComparison.Ordinal);
    }
}
