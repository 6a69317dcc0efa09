using System.Text.Json;

namespace HiTech.Cli.Tests;

public class ExplainTests
{
    [Fact]
    public void Explains_the_sample_enterprise_in_text()
    {
        var result = Cli.Run("explain", "--framework", "kerala-htmf/2025.1", "--enterprise", Cli.SampleEnterprise);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("Anjengo Electronics (KL-TVM-00000002)\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("Result: Hi-Tech, index 67.3 of 100", result.Out, StringComparison.Ordinal);
        Assert.Contains("R&D and innovation: 57.9 x 25% = 14.47 points", result.Out, StringComparison.Ordinal);
        Assert.Contains("What it would take to reach Hi-Tech Leader", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Explains_the_sample_enterprise_as_json()
    {
        var result = Cli.Run("explain", "--framework", "kerala-htmf/2025.1", "--enterprise", Cli.SampleEnterprise, "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(67.3, json.RootElement.GetProperty("index").GetDouble());
        Assert.Equal("hitech", json.RootElement.GetProperty("tier").GetProperty("id").GetString());
        Assert.Equal("KL-TVM-00000002", json.RootElement.GetProperty("enterprise_id").GetString());
    }

    [Fact]
    public void Malayalam_texts_with_lang_ml()
    {
        var result = Cli.Run("explain", "--framework", "kerala-htmf/2025.1", "--enterprise", Cli.SampleEnterprise, "--lang", "ml");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ഹൈടെക്", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_district_is_an_error()
    {
        using var folder = new TempFolder();
        folder.Write("e.json", File.ReadAllText(Cli.SampleEnterprise).Replace("Trivandrum", "Madras", StringComparison.Ordinal));

        var result = folder.Run("explain", "--framework", "kerala-htmf/2025.1", "--enterprise", "e.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'Madras' is not a Kerala district", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_issues_are_printed_as_field_colon_reason()
    {
        using var folder = new TempFolder();
        folder.Write("e.json", File.ReadAllText(Cli.SampleEnterprise)
            .Replace("\"rd_staff\": 4", "\"rd_staff\": -4", StringComparison.Ordinal)
            .Replace("\"26109\"", "\"33120\"", StringComparison.Ordinal));

        var result = folder.Run("explain", "--framework", "kerala-htmf/2025.1", "--enterprise", "e.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("\nrd_staff: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("\nactivities: '33120' is not a NIC 2008 code", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_names_the_line()
    {
        using var folder = new TempFolder();
        folder.Write("e.json", "{\n  \"id\": \"X\",\n  \"activities\": [\n");

        var result = folder.Run("explain", "--framework", "kerala-htmf/2025.1", "--enterprise", "e.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("e.json: line", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
