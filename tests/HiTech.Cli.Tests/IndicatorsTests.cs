using System.Globalization;
using System.Text.Json;

namespace HiTech.Cli.Tests;

public class IndicatorsTests
{
    /// <summary>
    /// Ernakulam: five electronic-component makers (26101, OECD high) and one food maker (10101), value added 1,00,000
    /// and R&amp;D 10,000 each. Kollam: three engine makers (fewer than 5). Thrissur: one firm with value added 1 crore
    /// beside five with 10,000 (dominant). Then one row in a district that does not exist.
    /// </summary>
    private const string Registry = """
        enterprise_id,district,activities,turnover,value_added,employees,rd_spend
        EKM-1,Ernakulam,26101:1:rnd,400000,100000,10,10000
        EKM-2,Ernakulam,26101:1:rnd,400000,100000,10,10000
        EKM-3,Ernakulam,26101:1:rnd,400000,100000,10,10000
        EKM-4,Ernakulam,26101:1:rnd,400000,100000,10,10000
        EKM-5,Ernakulam,26101:1:rnd,400000,100000,10,10000
        EKM-6,Ernakulam,10101:1,400000,100000,10,10000
        KLM-1,Kollam,28110:1,2000000,500000,10,
        KLM-2,Kollam,28110:1,2000000,500000,10,
        KLM-3,Kollam,28110:1,2000000,500000,10,
        TSR-1,Thrissur,26101:1,40000000,10000000,10,
        TSR-2,Thrissur,26101:1,40000,10000,10,
        TSR-3,Thrissur,26101:1,40000,10000,10,
        TSR-4,Thrissur,26101:1,40000,10000,10,
        TSR-5,Thrissur,26101:1,40000,10000,10,
        TSR-6,Thrissur,26101:1,40000,10000,10,
        BAD-1,Atlantis,26101:1,40000,10000,10,

        """;

    [Fact]
    public void Districts_get_the_hand_computed_indicators_and_small_or_dominated_ones_are_suppressed()
    {
        using var folder = new TempFolder();
        folder.Write("registry.csv", Registry);

        var result = folder.Run("indicators", "--framework", "kerala-htmf/2025.1", "--in", "registry.csv", "--by", "district", "--out", "indicators.csv");

        Assert.True(result.ExitCode == 1, result.ToString());

        // Ernakulam: manufacturing 6,00,000 of which MHT 5,00,000 (83.33 %); R&D 60,000 over 6,00,000 (10 %).
        // All: value added 6,00,000 + 15,00,000 + 1,00,50,000; MHT all but the food maker's 1,00,000 (99.18 %).
        Assert.Equal(
            """
            group_by,group,enterprises,hi_tech_enterprises,value_added,mht_value_added,sdg_9b1_share,rd_spend,rd_intensity,suppressed
            district,ernakulam,6,0,600000,500000,83.33,60000,10.00,
            district,kollam,,,,,,,,min_frequency
            district,thrissur,,,,,,,,dominance
            district,all,15,0,12150000,12050000,99.18,60000,0.49,

            """.ReplaceLineEndings("\n"),
            File.ReadAllText(folder.File("indicators.csv")));
        Assert.Equal(
            "line,enterprise_id,field,reason\n17,BAD-1,district,'Atlantis' is not a Kerala district\n",
            File.ReadAllText(folder.File("indicators.rejects.csv")));
        Assert.Matches(@"^read 16, used 15, rejected 1, groups 3, seconds \d+\.\d\d, rows per second \d+$", result.OutLines[^1]);
        Assert.Contains("disclosure control: min_frequency 5, p_percent 10", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_gives_numbers_and_null_for_suppressed_figures()
    {
        using var folder = new TempFolder();
        folder.Write("registry.csv", Registry);

        var result = folder.Run("indicators", "--framework", "kerala-htmf/2025.1", "--in", "registry.csv", "--by", "district", "--json", "--rejects", "bad.csv");

        using var json = JsonDocument.Parse(result.Out);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(83.33m, rows[0].GetProperty("sdg_9b1_share").GetDecimal());
        Assert.Equal(6, rows[0].GetProperty("enterprises").GetInt32());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("enterprises").ValueKind);
        Assert.Equal("min_frequency", rows[1].GetProperty("suppressed").GetString());
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("suppressed").ValueKind);
        Assert.Contains("rejects: 1 row written to bad.csv", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_grouping_is_refused_with_the_choices()
    {
        var result = Cli.Run("indicators", "--framework", "kerala-htmf/2025.1", "--in", Cli.SampleRegistry, "--by", "taluk");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--by 'taluk' is not a grouping: use state, district, division, sector, size or tier", result.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// SDG 9.b.1 recomputed from the registry file itself, with each activity's OECD group taken from
    /// <c>hitech classify --json</c>: the command's figure must be the same.
    /// </summary>
    [Fact]
    public void Sdg_9b1_agrees_with_the_oecd_groups_hitech_classify_reports()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, folder.Run("generate", "--rows", "800", "--seed", "9", "--out", "registry.csv").ExitCode);
        var score = folder.Run("score", "--framework", "kerala-htmf/2025.1", "--in", "registry.csv", "--out", "results.csv");
        var scored = CsvFile.Read(folder.File("results.csv")).Skip(1).Select(r => r[0]).ToHashSet(StringComparer.Ordinal);

        var result = folder.Run("indicators", "--framework", "kerala-htmf/2025.1", "--in", "registry.csv", "--by", "state", "--out", "indicators.csv");

        Assert.True(result.ExitCode == score.ExitCode, result.ToString());
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        decimal manufacturing = 0, mht = 0;
        var registry = CsvFile.Read(folder.File("registry.csv"));
        var header = registry[0].ToList();
        foreach (var row in registry.Skip(1).Where(r => scored.Contains(r[0])))
        {
            var valueAdded = decimal.Parse(row[header.IndexOf("value_added")], CultureInfo.InvariantCulture);
            var activities = row[header.IndexOf("activities")].Split(';').Select(a => a.Split(':')).ToList();
            var given = activities.All(a => a.Length > 1 && a[1].Length > 0);
            var total = given ? activities.Sum(a => decimal.Parse(a[1], CultureInfo.InvariantCulture)) : 0;
            foreach (var a in activities)
            {
                var share = given && total > 0 ? decimal.Parse(a[1], CultureInfo.InvariantCulture) / total : 1m / activities.Count;
                if (int.Parse(a[0][..2], CultureInfo.InvariantCulture) is < 10 or > 33)
                {
                    continue;
                }

                manufacturing += valueAdded * share;
                if (!groups.TryGetValue(a[0], out var group))
                {
                    using var classified = JsonDocument.Parse(Cli.Run("classify", a[0], "--json").Out);
                    groups[a[0]] = group = classified.RootElement.GetProperty("oecd_group").GetString()!;
                }

                mht += group is "high" or "medium-high" ? valueAdded * share : 0;
            }
        }

        var state = CsvFile.Read(folder.File("indicators.csv"))[1];
        Assert.Equal("", state[9]);
        Assert.Equal(Math.Round(mht).ToString(CultureInfo.InvariantCulture), state[5]);
        Assert.Equal(Math.Round(100 * mht / manufacturing, 2).ToString("0.00", CultureInfo.InvariantCulture), state[6]);
    }
}
