using System.Globalization;
using CsCheck;
using HiTech.Core.Scoring;
using HiTech.Core.Tests.Frameworks;
using HiTech.Core.Tests.Scoring;

namespace HiTech.Core.Tests.PropertyBased;

/// <summary>Results never depend on the machine's culture: explanations are byte-identical under any of them.</summary>
public class CultureInvarianceTests
{
    private static readonly string[] Cultures = ["ml-IN", "de-DE", "ar-SA", ""];

    private static (string Json, string Text, string Malayalam) Explain(EnterpriseInput enterprise)
    {
        var (explanation, issues) = Explainer.Explain(Registries.Framework, TestFrameworks.Classifier, enterprise);
        Assert.Empty(issues);
        return (ExplanationJson.Serialize(explanation!), ExplanationText.Render(explanation!), ExplanationText.Render(explanation!, "ml"));
    }

    private static T InCulture<T>(string name, Func<T> action)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private static void AssertSameEverywhere(EnterpriseInput enterprise)
    {
        var expected = InCulture("", () => Explain(enterprise));
        foreach (var culture in Cultures)
        {
            var actual = InCulture(culture, () => Explain(enterprise));
            Assert.Equal(expected.Json, actual.Json);
            Assert.Equal(expected.Text, actual.Text);
            Assert.Equal(expected.Malayalam, actual.Malayalam);
        }
    }

    [Fact]
    public void The_cultures_under_test_really_format_numbers_differently()
    {
        Assert.Equal("1,5", InCulture("de-DE", () => 1.5.ToString(CultureInfo.CurrentCulture)));
        Assert.NotEqual("-1.5", InCulture("ar-SA", () => (-1.5).ToString(CultureInfo.CurrentCulture)));
        Assert.Equal("12,34,567", InCulture("ml-IN", () => 1234567.ToString("N0", CultureInfo.CurrentCulture)));
    }

    [Fact]
    public void Hand_built_enterprises_explain_identically_in_every_culture()
    {
        AssertSameEverywhere(EnterpriseBuilder.FullMarks().Build());
        AssertSameEverywhere(IndexAndContributionTests.MidTier().Without("digital_maturity").Build());
    }

    [Fact]
    public void Generated_enterprises_explain_identically_in_every_culture_and_run() =>
        Registries.Generated.Sample(enterprise => AssertSameEverywhere(enterprise.ToInput()), iter: 25, threads: 1);
}
