using System.Text.Json;
using System.Text.RegularExpressions;

namespace HiTech.Cli.Tests.Maturity;

public partial class MaturityCommandTests
{
    private static readonly string[] Dimensions =
        ["digital_business_strategy", "digital_readiness", "human_centric_digitalisation", "data_management", "automation_ai", "green_digitalisation"];

    private static string Doc => File.ReadAllText(Path.Combine(Cli.Docs, "maturity.md"));

    private static JsonElement Json(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Out);
        return document.RootElement.Clone();
    }

    [Theory]
    [InlineData("lowest", 0, "basic")]
    [InlineData("highest", 100, "advanced")]
    public void A_template_scores_as_its_level_says(string level, int expected, string band)
    {
        using var folder = new TempFolder();
        var template = folder.Run("maturity", "template", "--level", level);
        Assert.True(template.ExitCode == 0, template.ToString());
        folder.Write("answers.json", template.Out);

        var score = Json(folder.Run("maturity", "score", "answers.json", "--json"));

        Assert.Equal(Dimensions, score.GetProperty("dimensions").EnumerateObject().Select(p => p.Name));
        Assert.All(score.GetProperty("dimensions").EnumerateObject(), p => Assert.Equal(expected, p.Value.GetInt32()));
        Assert.Equal(expected, score.GetProperty("overall").GetInt32());
        Assert.Equal(band, score.GetProperty("band").GetString());
        Assert.True(score.GetProperty("complete").GetBoolean());
        Assert.Empty(score.GetProperty("closed_modules").EnumerateArray());
        Assert.Empty(score.GetProperty("ignored_answers").EnumerateArray());
    }

    [Fact]
    public void The_template_holds_every_question_and_a_profile()
    {
        var template = Json(Cli.Run("maturity", "template"));
        var questions = Cli.Run("maturity", "questions");

        var ids = QuestionLine().Matches(questions.Out).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(49, ids.Count);
        Assert.Equal(ids, template.GetProperty("answers").EnumerateObject().Select(p => p.Name));
        Assert.Equal("dma-kerala/2025.1", template.GetProperty("instrument").GetString());
        var profile = template.GetProperty("profile");
        Assert.True(profile.GetProperty("manufacturing").GetBoolean());
        Assert.True(profile.GetProperty("employees").GetInt32() >= 50);
        Assert.Equal("large", profile.GetProperty("size").GetString());
        Assert.Equal(JsonValueKind.Array, template.GetProperty("answers").GetProperty("s_strategy_channels").ValueKind);
        Assert.Equal("none", template.GetProperty("answers").GetProperty("s_strategy_channels")[0].GetString());
    }

    [Fact]
    public void The_JSON_result_starts_with_dimensions_overall_and_band()
    {
        using var folder = new TempFolder();
        folder.Write("answers.json", Cli.Run("maturity", "template", "--level", "highest").Out);

        var result = folder.Run("maturity", "score", "answers.json", "--json");

        Assert.Equal(["dimensions", "overall", "band"], Json(result).EnumerateObject().Take(3).Select(p => p.Name));
    }

    [Fact]
    public void The_text_result_shows_each_dimension_with_its_band_in_English_or_Malayalam()
    {
        using var folder = new TempFolder();
        folder.Write("answers.json", Cli.Run("maturity", "template", "--level", "highest").Out);

        var english = folder.Run("maturity", "score", "answers.json");
        var malayalam = folder.Run("maturity", "score", "answers.json", "--lang", "ml");

        Assert.Equal(0, english.ExitCode);
        Assert.Contains("  Digital business strategy               100  Advanced", english.OutLines);
        Assert.Contains(english.OutLines, l => l.StartsWith("  Overall", StringComparison.Ordinal) && l.EndsWith("100  Advanced", StringComparison.Ordinal));
        Assert.Contains(malayalam.OutLines, l => l.Contains("ഡിജിറ്റൽ ബിസിനസ് തന്ത്രം", StringComparison.Ordinal) && l.EndsWith("മുന്നേറിയത്", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("s_strategy_budgets", "\"plenty\"", "$.answers.s_strategy_budgets: unknown-question: 's_strategy_budgets' is not a question of dma-kerala/2025.1 (answer 'plenty')")]
    [InlineData("s_ready_records", "\"cloud\"", "$.answers.s_ready_records: unknown-option: 'cloud' is not an option of 's_ready_records'")]
    [InlineData("s_ready_records", "[\"paper\", \"erp\"]", "$.answers.s_ready_records: several-options: 's_ready_records' takes one answer, but 2 were given: paper, erp")]
    [InlineData("s_green_uses", "[\"none\", \"less-paper\"]", "$.answers.s_green_uses: none-with-others:")]
    public void An_answers_file_with_an_unknown_question_or_impossible_answer_exits_2_naming_it(string question, string answer, string expected)
    {
        using var folder = new TempFolder();
        var template = Cli.Run("maturity", "template").Out;
        var edited = template.Contains($"\"{question}\"", StringComparison.Ordinal)
            ? Regex.Replace(template, $"\"{question}\": (\\[[^\\]]*\\]|\"[^\"]*\")", $"\"{question}\": {answer}")
            : template.Replace("\"answers\": {", $"\"answers\": {{\n    \"{question}\": {answer},", StringComparison.Ordinal);
        folder.Write("bad.json", edited);

        var result = folder.Run("maturity", "score", "bad.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains(result.Error.Split('\n'), l => l.StartsWith("bad.json: " + expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{", "bad.json: line")]
    [InlineData("""{"profile": {"employees": 3, "manufacturing": false, "size": "tiny"}, "answers": {}}""", "bad.json: $.profile.size:")]
    [InlineData("""{"profile": {"employees": 3, "manufacturing": false, "size": "micro"}, "answers": {"s_auto_ai": 3}}""", "bad.json: $.answers.s_auto_ai: must be an option id")]
    public void A_malformed_answers_file_exits_2(string json, string expected)
    {
        using var folder = new TempFolder();
        folder.Write("bad.json", json);

        var result = folder.Run("maturity", "score", "bad.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_answers_file_or_unknown_instrument_exits_2()
    {
        using var folder = new TempFolder();
        folder.Write("answers.json", Cli.Run("maturity", "template").Out);

        Assert.Equal(2, folder.Run("maturity", "score", "nope.json").ExitCode);
        var unknown = folder.Run("maturity", "score", "answers.json", "--instrument", "dma-kerala/1999.9");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("shipped: dma-kerala/2025.1", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_accepts_the_shipped_instrument_and_lists_every_error_of_a_broken_one()
    {
        Assert.Equal("valid\n", Cli.Run("maturity", "validate").Out);

        using var folder = new TempFolder();
        var shipped = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "maturity", "dma-kerala", "2025.1.yaml"));
        folder.Write("broken.yaml", shipped.Replace("schemes: [msme-zed-certification]", "schemes: [zed]", StringComparison.Ordinal).Replace("peer_minimum: 10", "peer_minimum: 0", StringComparison.Ordinal));

        var result = folder.Run("maturity", "validate", "broken.yaml");

        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => BrokenLine().IsMatch(l) && l.Contains(": unknown-scheme: ", StringComparison.Ordinal) && l.Contains("'zed'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("broken.yaml:", StringComparison.Ordinal) && l.Contains(": bad-range: ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_roadmap_ranks_every_dimension_below_100_with_actions_and_schemes()
    {
        using var folder = new TempFolder();
        folder.Write("answers.json", Cli.Run("maturity", "template").Out);

        var text = folder.Run("maturity", "roadmap", "answers.json");
        var json = Json(folder.Run("maturity", "roadmap", "answers.json", "--json"));

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.StartsWith("Roadmap (dma-kerala/2025.1; overall 0;", text.Out, StringComparison.Ordinal);
        var steps = json.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(Dimensions, steps.Select(s => s.GetProperty("dimension").GetString()));
        Assert.All(steps, s => Assert.Equal(100, s.GetProperty("gap").GetInt32()));
        Assert.All(steps, s => Assert.Equal(2.55, s.GetProperty("hi_tech_lift").GetDouble()));
        Assert.Equal("kerala-htmf/2025.1", json.GetProperty("framework").GetString());
    }

    [Fact]
    public void The_docs_state_the_scoring_method_in_the_words_of_the_data_file()
    {
        var data = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", "maturity", "dma-kerala", "2025.1.yaml"));
        var method = Regex.Match(data, @"method:\n    en: >-\n((?:      .*\n)+)").Groups[1].Value;
        var words = Regex.Replace(method, @"\s+", " ").Trim();
        var doc = Regex.Replace(Doc.Replace("\n> ", "\n", StringComparison.Ordinal), @"\s+", " ");

        Assert.True(words.Length > 200, words);
        Assert.Contains(words, doc, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_answers_file_scores_as_the_docs_show()
    {
        var example = Regex.Match(Doc, "```json\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var console = Regex.Match(Doc, "```console\n\\$ hitech maturity score coir-unit.json\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        using var folder = new TempFolder();
        folder.Write("coir-unit.json", example);

        var result = folder.Run("maturity", "score", "coir-unit.json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(console.TrimEnd('\n'), result.Out.TrimEnd('\n'));
    }

    [GeneratedRegex(@"^  ([a-z][a-z0-9_]*) \(", RegexOptions.Multiline)]
    private static partial Regex QuestionLine();

    [GeneratedRegex(@"^broken\.yaml:\d+:\d+: ")]
    private static partial Regex BrokenLine();
}
