using System.Globalization;
using CsCheck;
using HiTech.Core.Maturity;
using HiTech.Core.Reference;

namespace HiTech.Core.Tests.Maturity;

public class MaturityScorerTests
{
    private static MaturityInstrument Minimal => TestMaturity.Minimal;

    private static MaturityInstrument Shipped => TestMaturity.Shipped;

    /// <summary>Worked by hand in the test below: a manufacturer of 50 staff, d_decisions not yet answered.</summary>
    private static MaturityAnswers Worked => TestMaturity.Answers(
        ("s_plan", ["ideas"]),
        ("s_channels", ["orders"]),
        ("s_records", ["spreadsheet"]),
        ("s_backup", ["no-backups"]),
        ("d_batches", ["yes"]),
        ("d_machines", ["no"]),
        ("i_cloud", ["piloting"]),
        ("i_robots", ["in-use"]));

    [Fact]
    public void Each_dimension_is_100_times_points_scored_over_points_possible_of_the_questions_that_apply()
    {
        var result = MaturityScorer.Score(Minimal, TestMaturity.Manufacturer(), Worked);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));

        // strategy: s_plan 1 of 4, s_channels 2 of 4, i_robots 4 of 4 = 7 of 12 = 58.3 -> 58.
        var strategy = result.Dimension("strategy");
        Assert.Equal((58, 7, 12, 3, 3), (strategy.Score!.Value, strategy.Points, strategy.Possible, strategy.Answered, strategy.Applicable));
        Assert.Equal("high", strategy.Band!.Id);

        // data: s_records 2, s_backup 0, d_batches 4, d_machines 0, i_cloud 2 = 8 of 20 = 40; d_decisions applies but is unanswered.
        var data = result.Dimension("data");
        Assert.Equal((40, 8, 20, 5, 6), (data.Score!.Value, data.Points, data.Possible, data.Answered, data.Applicable));
        Assert.Equal("low", data.Band!.Id);
        Assert.False(data.ScreenOnly);

        // overall: (58 + 40) / 2 = 49.
        Assert.Equal(49, result.Overall);
        Assert.Equal("low", result.Band!.Id);
        Assert.Equal(["screen", "deep_data", "inventory"], result.OpenModules);
        Assert.Empty(result.ClosedModules);
        Assert.Equal(["d_decisions"], result.Unanswered);
        Assert.Equal((8, 9), (result.Answered, result.Applicable));
        Assert.False(result.IsComplete);
        Assert.False(result.IsFirstEstimate);
    }

    [Fact]
    public void An_exact_half_is_rounded_away_from_zero()
    {
        // A trader: i_robots does not apply, so strategy is 3 of 8 = 37.5 -> 38; data stays 40; overall 39.
        var result = MaturityScorer.Score(Minimal, TestMaturity.Trader(), Worked);

        Assert.Equal(38, result.ScoreOf("strategy"));
        Assert.Equal(40, result.ScoreOf("data"));
        Assert.Equal(39, result.Overall);
        Assert.Equal(["i_robots"], result.IgnoredAnswers);

        // The overall mean rounds the same way: (38 + 41) / 2 = 39.5 -> 40.
        Assert.Equal(40, MaturityScorer.RoundMean([38, 41]));
        Assert.Equal(13, MaturityScorer.RoundPercent(1, 8));
        Assert.Equal(11, MaturityScorer.RoundPercent(1, 9));
    }

    [Fact]
    public void Rounding_is_exact_half_away_from_zero_for_any_ratio_and_mean()
    {
        Gen.Select(Gen.Int[1, 400], Gen.Int[0, 400]).Sample((whole, part) =>
        {
            part = Math.Min(part, whole);
            var expected = (int)Math.Round(100m * part / whole, MidpointRounding.AwayFromZero);
            Assert.Equal(expected, MaturityScorer.RoundPercent(part, whole));
        }, iter: 2000, threads: 1);

        Gen.Int[0, 100].Array[1, 8].Sample(scores =>
        {
            var expected = (int)Math.Round((decimal)scores.Sum() / scores.Length, MidpointRounding.AwayFromZero);
            Assert.Equal(expected, MaturityScorer.RoundMean(scores));
        }, iter: 2000, threads: 1);
    }

    [Fact]
    public void All_lowest_answers_give_0_in_every_dimension_and_overall()
    {
        var sheet = MaturityTemplate.Build(Shipped, MaturityTemplateLevel.Lowest);

        var result = MaturityScorer.Score(Shipped, sheet.Profile, sheet.Answers);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.All(result.Dimensions, d => Assert.Equal(0, d.Score));
        Assert.Equal(0, result.Overall);
        Assert.Equal("basic", result.Band!.Id);
        Assert.True(result.IsComplete);
        Assert.Empty(result.ClosedModules);
        Assert.Equal(Shipped.Questions.Length, result.Applicable);
    }

    [Fact]
    public void All_highest_answers_give_100_in_every_dimension_and_overall_with_every_module_open()
    {
        var sheet = MaturityTemplate.Build(Shipped, MaturityTemplateLevel.Highest);

        var result = MaturityScorer.Score(Shipped, sheet.Profile, sheet.Answers);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.All(result.Dimensions, d => Assert.Equal(100, d.Score));
        Assert.Equal(100, result.Overall);
        Assert.Equal("advanced", result.Band!.Id);
        Assert.Empty(result.ClosedModules);
        Assert.Empty(result.IgnoredAnswers);
        Assert.Equal(Shipped.Questions.Length, result.Applicable);
        Assert.True(result.IsComplete);
    }

    [Theory]
    [InlineData(0, "basic")]
    [InlineData(25, "basic")]
    [InlineData(26, "average")]
    [InlineData(50, "average")]
    [InlineData(51, "moderately-advanced")]
    [InlineData(75, "moderately-advanced")]
    [InlineData(76, "advanced")]
    [InlineData(100, "advanced")]
    public void Band_edges_follow_the_data(int score, string band) =>
        Assert.Equal(band, Shipped.Scoring.BandFor(score).Id);

    [Fact]
    public void A_score_outside_0_to_100_has_no_band()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Shipped.Scoring.BandFor(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Shipped.Scoring.BandFor(101));
    }

    [Theory]
    [InlineData("not-yet", 50, "low")]
    [InlineData("ideas", 63, "high")]
    public void A_scored_dimension_falls_on_either_side_of_a_band_edge(string plan, int score, string band)
    {
        // A trader: strategy is s_plan + s_channels (orders and payments, 4 of 4) out of 8.
        var result = MaturityScorer.Score(Minimal, TestMaturity.Trader(), TestMaturity.Answers(("s_plan", [plan]), ("s_channels", ["orders", "payments"])));

        Assert.Equal(score, result.ScoreOf("strategy"));
        Assert.Equal(band, result.Dimension("strategy").Band!.Id);
    }

    [Fact]
    public void Screen_answers_alone_give_a_first_estimate()
    {
        var answers = TestMaturity.Answers(("s_plan", ["written"]), ("s_channels", ["none"]), ("s_records", ["system"]), ("s_backup", ["weekly"]));

        var result = MaturityScorer.Score(Minimal, TestMaturity.Manufacturer(), answers);

        Assert.True(result.IsFirstEstimate);
        Assert.All(result.Dimensions, d => Assert.True(d.ScreenOnly));
        Assert.Equal(50, result.ScoreOf("strategy"));
        Assert.Equal(100, result.ScoreOf("data"));
        Assert.Equal(75, result.Overall);
        Assert.Contains("deep_data", result.OpenModules);
        Assert.Equal(["d_batches", "d_machines", "d_decisions", "i_cloud", "i_robots"], result.Unanswered);
    }

    [Fact]
    public void The_shipped_screen_alone_gives_a_first_estimate_for_every_dimension()
    {
        var answers = Shipped.Screen.Questions.Aggregate(MaturityAnswers.Empty, (all, q) => all.With(q.Id, MaturityTemplate.Answer(q, MaturityTemplateLevel.Highest)));

        var result = MaturityScorer.Score(Shipped, new MaturityProfile(3, false, MsmeSize.Micro), answers);

        Assert.True(result.IsFirstEstimate);
        Assert.All(result.Dimensions, d => Assert.Equal(100, d.Score));
        Assert.Equal(100, result.Overall);
    }

    [Fact]
    public void A_deep_module_closed_for_the_firm_does_not_count_against_it()
    {
        var answers = TestMaturity.Answers(("s_records", ["system"]), ("s_backup", ["weekly"]), ("d_batches", ["no"]), ("d_machines", ["no"]), ("d_decisions", ["no"]));

        var small = MaturityScorer.Score(Minimal, TestMaturity.Trader(employees: 5, size: MsmeSize.Micro), answers);
        var larger = MaturityScorer.Score(Minimal, TestMaturity.Trader(employees: 50), answers);

        Assert.Equal(100, small.ScoreOf("data"));
        Assert.Contains("deep_data", small.ClosedModules);
        Assert.Equal(["d_batches", "d_decisions", "d_machines"], small.IgnoredAnswers);
        Assert.Equal(40, larger.ScoreOf("data"));
        Assert.Contains("deep_data", larger.OpenModules);
    }

    [Fact]
    public void Shop_floor_automation_is_not_held_against_a_non_manufacturer()
    {
        // Full marks everywhere except the automation module and the shop-floor inventory items, answered at 0.
        var answers = TestMaturity.All(Shipped, MaturityTemplateLevel.Highest);
        foreach (var question in Shipped.Module("deep_automation").Questions.Concat(Shipped.Module("inventory").Questions.Where(q => q.OpensWhen == "manufacturing")))
        {
            answers = answers.With(question.Id, MaturityTemplate.Answer(question, MaturityTemplateLevel.Lowest));
        }

        var trader = MaturityScorer.Score(Shipped, new MaturityProfile(40, false, MsmeSize.Small), answers);
        var manufacturer = MaturityScorer.Score(Shipped, new MaturityProfile(40, true, MsmeSize.Small), answers);

        Assert.Equal(100, trader.ScoreOf("automation_ai"));
        Assert.Contains("deep_automation", trader.ClosedModules);
        Assert.Contains("d_auto_machines", trader.IgnoredAnswers);
        Assert.Contains("i_robots_cobots", trader.IgnoredAnswers);
        Assert.True(manufacturer.ScoreOf("automation_ai") < 50, $"automation {manufacturer.ScoreOf("automation_ai")}");
    }

    [Fact]
    public void A_condition_holds_before_its_screen_question_is_answered_only_if_every_answer_would_open_it()
    {
        // deep_strategy opens when s_strategy_plan >= 1 or employees >= 10: ten staff open it whatever the plan answer.
        var ten = MaturityScorer.OpenModules(Shipped, new MaturityProfile(10, false, MsmeSize.Micro), MaturityAnswers.Empty).Select(m => m.Id);
        var five = MaturityScorer.OpenModules(Shipped, new MaturityProfile(5, false, MsmeSize.Micro), MaturityAnswers.Empty).Select(m => m.Id);

        Assert.Contains("deep_strategy", ten);
        Assert.DoesNotContain("deep_strategy", five);
    }

    [Fact]
    public void A_module_that_reads_an_unanswered_screen_question_stays_closed()
    {
        var before = MaturityScorer.OpenModules(Minimal, TestMaturity.Manufacturer(), MaturityAnswers.Empty);
        var after = MaturityScorer.OpenModules(Minimal, TestMaturity.Manufacturer(), TestMaturity.Answers(("s_records", ["spreadsheet"])));
        var tooLow = MaturityScorer.OpenModules(Minimal, TestMaturity.Manufacturer(), TestMaturity.Answers(("s_records", ["paper"])));

        Assert.Equal(["screen", "inventory"], before.Select(m => m.Id));
        Assert.Equal(["screen", "deep_data", "inventory"], after.Select(m => m.Id));
        Assert.Equal(["screen", "inventory"], tooLow.Select(m => m.Id));
    }

    [Fact]
    public void The_shipped_conditions_open_modules_as_documented()
    {
        var micro = new MaturityProfile(4, false, MsmeSize.Micro);
        var open = MaturityScorer.OpenModules(Shipped, micro, MaturityAnswers.Empty).Select(m => m.Id).ToList();
        Assert.Equal(["screen", "inventory"], open);

        var answers = TestMaturity.Answers(("s_strategy_plan", ["ideas"]), ("s_data_where", ["one-system"]), ("s_ready_records", ["accounting-software"]));
        open = [.. MaturityScorer.OpenModules(Shipped, micro, answers).Select(m => m.Id)];
        Assert.Equal(["screen", "deep_strategy", "deep_readiness", "deep_data", "inventory"], open);

        open = [.. MaturityScorer.OpenModules(Shipped, new MaturityProfile(10, true, MsmeSize.Small), MaturityAnswers.Empty).Select(m => m.Id)];
        Assert.Equal(["screen", "deep_strategy", "deep_readiness", "deep_people", "deep_automation", "deep_green", "inventory"], open);
    }

    [Fact]
    public void An_unknown_question_is_refused_naming_it_and_the_answer()
    {
        var result = MaturityScorer.Score(Minimal, TestMaturity.Manufacturer(), TestMaturity.Answers(("s_plan", ["ideas"]), ("s_budget", ["high"])));

        Assert.False(result.IsValid);
        Assert.Null(result.Overall);
        Assert.Empty(result.Dimensions);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("s_budget", "high", "unknown-question"), (error.QuestionId, error.Answer, error.Rule));
        Assert.Contains("'s_budget'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'high'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("s_plan", new[] { "someday" }, "unknown-option", "'someday' is not an option of 's_plan'")]
    [InlineData("s_plan", new[] { "ideas", "written" }, "several-options", "takes one answer, but 2 were given: ideas, written")]
    [InlineData("i_cloud", new[] { "in-use", "piloting" }, "several-options", "takes one answer")]
    [InlineData("s_channels", new[] { "orders", "none" }, "none-with-others", "cannot be ticked together with other options: orders, none")]
    [InlineData("s_channels", new[] { "orders", "orders" }, "duplicate-option", "'s_channels' has the answer 'orders' twice")]
    public void An_impossible_answer_is_refused_naming_the_question_and_the_answer(string question, string[] options, string rule, string message)
    {
        var result = MaturityScorer.Score(Minimal, TestMaturity.Manufacturer(), TestMaturity.Answers((question, options)));

        var error = Assert.Single(result.Errors);
        Assert.Equal((question, string.Join(", ", options), rule), (error.QuestionId, error.Answer, error.Rule));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_fault_is_reported_at_once()
    {
        var answers = TestMaturity.Answers(("nope", ["x"]), ("s_plan", ["x"]), ("s_channels", ["none", "payments"]));

        var result = MaturityScorer.Score(Minimal, new MaturityProfile(-1, true, MsmeSize.Small), answers);

        Assert.Equal(["bad-profile", "none-with-others", "unknown-option", "unknown-question"], result.Errors.Select(e => e.Rule).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Scores_stay_in_range_and_agree_with_the_bands_for_any_answers()
    {
        var questions = Shipped.Questions;
        Gen.Select(Gen.UInt.Array[questions.Length], Gen.Int[0, 300], Gen.Bool, Gen.Int[0, 3]).Sample((picks, employees, manufacturing, size) =>
        {
            var answers = MaturityAnswers.Empty;
            for (var i = 0; i < questions.Length; i++)
            {
                var q = questions[i];
                var pick = picks[i];
                if (pick % 5 == 0)
                {
                    continue;
                }

                answers = q.Type == QuestionType.Multi
                    ? answers.With(q.Id, (pick & 1) == 0 ? [q.Options.First(o => o.IsNone).Id] : q.Options.Where((o, j) => !o.IsNone && ((pick >> (j + 1)) & 1) == 1).Select(o => o.Id).DefaultIfEmpty(q.Options[0].Id))
                    : answers.With(q.Id, q.Options[(int)(pick % (uint)q.Options.Length)].Id);
            }

            var result = MaturityScorer.Score(Shipped, new MaturityProfile(employees, manufacturing, (MsmeSize)size), answers);

            Assert.True(result.IsValid, string.Join("; ", result.Errors));
            foreach (var d in result.Dimensions.Where(d => d.Score.HasValue))
            {
                Assert.InRange(d.Score!.Value, 0, 100);
                Assert.Equal(Shipped.Scoring.BandFor(d.Score.Value), d.Band);
                Assert.Equal(MaturityScorer.RoundPercent(d.Points, d.Possible), d.Score);
            }

            if (result.Overall is { } overall)
            {
                Assert.Equal(MaturityScorer.RoundMean(result.Dimensions.Select(d => d.Score!.Value)), overall);
                Assert.Equal(Shipped.Scoring.BandFor(overall), result.Band);
            }

            Assert.Equal(result.Applicable, result.Answered + result.Unanswered.Length);
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Scores_do_not_depend_on_the_culture()
    {
        var sheet = MaturityTemplate.Build(Shipped, MaturityTemplateLevel.Highest);
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            var results = new[] { "ml-IN", "ar-SA", "de-DE", "" }.Select(name =>
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
                var result = MaturityScorer.Score(Shipped, sheet.Profile, sheet.Answers);
                return MaturityAnswersJson.Write(sheet, Shipped) + string.Join(",", result.Dimensions.Select(d => d.Score)) + result.Overall;
            }).ToList();

            Assert.All(results, r => Assert.Equal(results[0], r));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
