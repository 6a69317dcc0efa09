using System.Text.Json;

namespace HiTech.Cli.Tests;

public class ValidateAndClassifyTests
{
    [Fact]
    public void The_reference_framework_is_valid()
    {
        var result = Cli.Run("validate", Cli.ReferenceFramework);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("valid\n", result.Out);
    }

    [Fact]
    public void The_shipped_shorthand_also_validates()
    {
        Assert.Equal(0, Cli.Run("validate", "kerala-htmf/2025.1").ExitCode);
    }

    [Fact]
    public void An_invalid_framework_lists_every_error_as_file_line_col_rule_message()
    {
        using var folder = new TempFolder();
        var yaml = File.ReadAllText(Cli.ReferenceFramework)
            .Replace("    weight: 20\n    indicators:\n      - id: activity_technology", "    weight: 21\n    indicators:\n      - id: activity_technology", StringComparison.Ordinal)
            .Replace("rule: coalesce(rd_spend, 0) > 0", "rule: coalesce(rd_spendd, 0) > 0", StringComparison.Ordinal);
        folder.Write("broken.yaml", yaml);

        var result = folder.Run("validate", "broken.yaml");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 2, result.Error);
        Assert.All(lines, l => Assert.Matches(@"^broken\.yaml:\d+:\d+: [a-z-]+: .+", l));
    }

    [Fact]
    public void A_missing_framework_file_is_exit_2_with_a_clean_message()
    {
        var result = Cli.Run("validate", "no-such-framework.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such-framework.yaml: no such framework file", result.Error, StringComparison.Ordinal);
        Assert.Contains("kerala-htmf/2025.1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_prints_title_isic_oecd_eurostat_and_sectors()
    {
        var result = Cli.Run("classify", "3030");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Manufacture of air and spacecraft", result.Out, StringComparison.Ordinal);
        Assert.Contains("OECD R&D group:   high", result.Out, StringComparison.Ordinal);
        Assert.Contains("OECD basis:", result.Out, StringComparison.Ordinal);
        Assert.Contains("aerospace-defence", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3030", "high")]
    [InlineData("2520", "medium-high")]
    [InlineData("3011", "medium")]
    [InlineData("3250", "medium-high")]
    public void Classify_json_has_exactly_the_documented_keys_and_the_oecd_exceptions(string code, string group)
    {
        var result = Cli.Run("classify", code, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(["code", "title", "isic4", "oecd_group", "eurostat_group", "priority_sectors"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(code, root.GetProperty("code").GetString());
        Assert.Equal(group, root.GetProperty("oecd_group").GetString());
        Assert.Equal(code, root.GetProperty("isic4").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("priority_sectors").ValueKind);
    }

    [Fact]
    public void A_mixed_division_has_a_null_oecd_group()
    {
        using var json = JsonDocument.Parse(Cli.Run("classify", "30", "--json").Out);

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("oecd_group").ValueKind);
    }

    [Fact]
    public void An_unknown_code_exits_2_and_suggests_near_codes()
    {
        var result = Cli.Run("classify", "26199");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'26199' is not a NIC 2008 code", result.Error, StringComparison.Ordinal);
        Assert.Contains("Near codes:", result.Error, StringComparison.Ordinal);
        Assert.Contains("2610", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_usage_is_exit_2_with_the_parser_message()
    {
        var missing = Cli.Run("score", "--in", "x.csv");
        var unknown = Cli.Run("frobnicate");
        var none = Cli.Run();

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--framework", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal(2, none.ExitCode);
    }

    [Fact]
    public void Help_is_exit_0()
    {
        var result = Cli.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("simulate", result.Out, StringComparison.Ordinal);
    }
}
