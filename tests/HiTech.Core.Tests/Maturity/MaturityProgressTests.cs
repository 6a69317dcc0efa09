using HiTech.Core.Maturity;

namespace HiTech.Core.Tests.Maturity;

public class MaturityProgressTests
{
    private static MaturityInstrument Minimal => TestMaturity.Minimal;

    [Fact]
    public void T0_to_T1_shows_each_dimension_change_and_band_change()
    {
        // T0: strategy 0 of 8 = 0 (low), data 2 of 8 = 25 (low). T1: strategy 5 of 8 = 63 (high), data 4 of 8 = 50 (low).
        var t0 = MaturityScorer.Score(Minimal, TestMaturity.Trader(5), TestMaturity.Answers(("s_plan", ["not-yet"]), ("s_channels", ["none"]), ("s_records", ["spreadsheet"]), ("s_backup", ["no-backups"])));
        var t1 = MaturityScorer.Score(Minimal, TestMaturity.Trader(5), TestMaturity.Answers(("s_plan", ["ideas"]), ("s_channels", ["orders", "payments"]), ("s_records", ["system"]), ("s_backup", ["no-backups"])));

        var report = MaturityProgress.Compare(t0, t1, Minimal);

        Assert.True(report.SameInstrument);
        Assert.Equal(new ScoreChange("strategy", 0, 63, 63, "low", "high", BandChange.Up), report.Dimensions[0]);
        Assert.Equal(new ScoreChange("data", 25, 50, 25, "low", "low", BandChange.Same), report.Dimensions[1]);
        Assert.Equal(new ScoreChange("overall", 13, 57, 44, "low", "high", BandChange.Up), report.Overall);
    }

    [Fact]
    public void A_fall_is_shown_as_a_fall()
    {
        var high = MaturityScorer.Score(Minimal, TestMaturity.Trader(5), TestMaturity.Answers(("s_plan", ["written"]), ("s_channels", ["orders"]), ("s_records", ["system"]), ("s_backup", ["weekly"])));
        var low = MaturityScorer.Score(Minimal, TestMaturity.Trader(5), TestMaturity.Answers(("s_plan", ["not-yet"]), ("s_channels", ["orders"]), ("s_records", ["system"]), ("s_backup", ["weekly"])));

        var report = MaturityProgress.Compare(high, low);

        Assert.Equal((-50, BandChange.Down), (report.Dimensions[0].Change!.Value, report.Dimensions[0].BandChange));
        Assert.Equal((0, BandChange.Same), (report.Dimensions[1].Change!.Value, report.Dimensions[1].BandChange));
    }

    [Fact]
    public void A_dimension_without_a_score_on_one_side_has_no_change()
    {
        var t0 = MaturityScorer.Score(Minimal, TestMaturity.Trader(5), TestMaturity.Answers(("s_plan", ["ideas"])));
        var t1 = MaturityScorer.Score(Minimal, TestMaturity.Trader(5), TestMaturity.Answers(("s_plan", ["ideas"]), ("s_records", ["system"])));

        var report = MaturityProgress.Compare(t0, t1);

        Assert.Equal(new ScoreChange("data", null, 100, null, null, "high", BandChange.Unknown), report.Dimensions[1]);
        Assert.Null(report.Overall.Previous);
        Assert.Equal(BandChange.Unknown, report.Overall.BandChange);
    }

    [Fact]
    public void Results_of_different_instrument_versions_are_flagged()
    {
        var a = MaturityScorer.Score(Minimal, TestMaturity.Trader(5), TestMaturity.Answers(("s_plan", ["ideas"])));
        var b = a with { InstrumentVersion = "2.0" };

        var report = MaturityProgress.Compare(a, b);

        Assert.False(report.SameInstrument);
        Assert.Equal("minimal/1.0", report.PreviousInstrument);
        Assert.Equal("minimal/2.0", report.CurrentInstrument);
    }
}
