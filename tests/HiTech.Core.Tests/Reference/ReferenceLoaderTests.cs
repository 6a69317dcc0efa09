using HiTech.Core.Reference;

namespace HiTech.Core.Tests.Reference;

/// <summary>The loaders fail loudly, naming the file, line and field, on every kind of bad row.</summary>
public sealed class ReferenceLoaderTests
{
    private const string NicHeader = "classification,level,code,title,section\n";
    private const string GoodNic = NicHeader
        + "nic2008,section,C,Manufacturing,C\n"
        + "nic2008,division,26,\"Manufacture of computer, electronic and optical products\",C\n"
        + "nic2008,group,261,Manufacture of electronic components,C\n"
        + "nic2008,class,2610,Manufacture of electronic components,C\n"
        + "nic2008,subclass,26101,Manufacture of capacitors,C\n";

    private const string GoodOecd = "isic_prefix,group,rd_intensity_pct,basis,source_note\n26,high,24.05,oecd-2016,Computers\n";
    private const string GoodEurostat = "nace_prefix,group,uncertain\n26,high-technology,no\n";
    private const string GoodSectors = "id,name,name_ml,cross_cutting,nic_prefixes,note\nesdm,ESDM,ഇ.എസ്.ഡി.എം,false,26,Electronics\n";

    private static NicCatalog Load(string nic = GoodNic, string oecd = GoodOecd, string eurostat = GoodEurostat, string sectors = GoodSectors) =>
        NicCatalog.Load(
            new StringReader(nic), "nic.csv",
            new StringReader(oecd), "oecd.csv",
            new StringReader(eurostat), "eurostat.csv",
            PrioritySectorCatalog.Load(new StringReader(sectors), "sectors.csv"));

    private static ReferenceDataException Fails(string source, int line, Action load)
    {
        var e = Assert.Throws<ReferenceDataException>(load);
        Assert.Equal(source, e.Source);
        Assert.Equal(line, e.Line);
        Assert.Contains(source, e.Message, StringComparison.Ordinal);
        return e;
    }

    [Fact]
    public void A_small_consistent_list_loads()
    {
        var nic = Load();
        Assert.Equal(5, nic.Entries.Count);
        Assert.Equal(OecdGroup.High, nic.Find("C")!.OecdGroup);
        Assert.Equal(["esdm"], nic.Find("26101")!.PrioritySectors);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_fails() =>
        Fails("nic.csv", 7, () => Load(GoodNic + "nic2008,subclass,26102,Manufacture of tubes\n"));

    [Fact]
    public void An_unknown_level_fails() =>
        Assert.Equal("level", Fails("nic.csv", 7, () => Load(GoodNic + "nic2008,subgroup,26102,Tubes,C\n")).Field);

    [Fact]
    public void A_code_that_does_not_fit_its_level_fails() =>
        Assert.Equal("code", Fails("nic.csv", 7, () => Load(GoodNic + "nic2008,subclass,2610,Tubes,C\n")).Field);

    [Fact]
    public void A_duplicate_code_fails()
    {
        var e = Fails("nic.csv", 7, () => Load(GoodNic + "nic2008,subclass,26101,Capacitors again,C\n"));
        Assert.Contains("line 6", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_orphan_code_fails()
    {
        var e = Fails("nic.csv", 7, () => Load(GoodNic + "nic2008,subclass,26201,Desktop computers,C\n"));
        Assert.Contains("orphan", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_child_in_another_section_than_its_parent_fails() =>
        Assert.Equal("section", Fails("nic.csv", 7, () => Load(GoodNic + "nic2008,subclass,26102,Tubes,J\n")).Field);

    [Fact]
    public void A_title_with_doubled_spaces_fails() =>
        Assert.Equal("title", Fails("nic.csv", 7, () => Load(GoodNic + "nic2008,subclass,26102,Electron  tubes,C\n")).Field);

    [Fact]
    public void An_oecd_prefix_that_matches_no_code_fails() =>
        Fails("oecd.csv", 3, () => Load(oecd: GoodOecd + "27,medium-high,6.22,oecd-2016,Electrical equipment\n"));

    [Fact]
    public void A_class_no_oecd_rule_covers_fails()
    {
        var nic = GoodNic + "nic2008,group,262,Manufacture of computers,C\nnic2008,class,2620,Manufacture of computers,C\nnic2008,subclass,26201,Desktops,C\n";
        var oecd = "isic_prefix,group,rd_intensity_pct,basis,source_note\n261,high,24.05,oecd-2016,Components\n";
        var e = Fails("nic.csv", 8, () => Load(nic, oecd));
        Assert.Contains("oecd.csv", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_oecd_group_fails() =>
        Assert.Equal("group", Fails("oecd.csv", 2, () => Load(oecd: "isic_prefix,group,rd_intensity_pct,basis,source_note\n26,very-high,24.05,oecd-2016,Computers\n")).Field);

    [Fact]
    public void A_duplicate_oecd_prefix_fails() =>
        Fails("oecd.csv", 3, () => Load(oecd: GoodOecd + "26,high,24.05,oecd-2016,Computers\n"));

    [Fact]
    public void A_eurostat_rule_cannot_say_mixed() =>
        Assert.Equal("group", Fails("eurostat.csv", 2, () => Load(eurostat: "nace_prefix,group,uncertain\n26,mixed,no\n")).Field);

    [Fact]
    public void A_eurostat_prefix_that_matches_no_code_fails() =>
        Fails("eurostat.csv", 3, () => Load(eurostat: GoodEurostat + "254,medium-high-technology,no\n"));

    [Fact]
    public void A_sector_prefix_that_matches_no_code_fails() =>
        Fails("sectors.csv", 3, () => Load(sectors: GoodSectors + "medical-equipment,Medical Equipment,മെഡിക്കൽ ഉപകരണങ്ങൾ,false,3250,Instruments\n"));

    [Fact]
    public void A_sector_that_is_not_cross_cutting_needs_a_code() =>
        Assert.Equal("nic_prefixes", Fails("sectors.csv", 3, () => Load(sectors: GoodSectors + "graphene,Graphene,ഗ്രാഫീൻ,false,,None\n")).Field);

    [Fact]
    public void A_missing_column_fails() =>
        Assert.Equal("section", Fails("nic.csv", 1, () => Load("classification,level,code,title\nnic2008,section,C,Manufacturing\n")).Field);

    [Fact]
    public void An_empty_file_fails() => Fails("nic.csv", 1, () => Load(""));

    [Fact]
    public void Locating_finds_the_copied_data_folder()
    {
        var folder = ReferenceData.LocateDataDirectory(AppContext.BaseDirectory);
        Assert.True(File.Exists(Path.Combine(folder, ReferenceData.NicFile)));
        Assert.Equal("data", Path.GetFileName(folder));
    }

    [Fact]
    public void Loading_a_folder_without_the_files_names_the_missing_file()
    {
        var empty = Directory.CreateTempSubdirectory("hitech-ref-");
        try
        {
            var e = Assert.Throws<ReferenceDataException>(() => ReferenceData.LoadFromDirectory(empty.FullName));
            Assert.EndsWith("priority-sectors.csv", e.Source, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
