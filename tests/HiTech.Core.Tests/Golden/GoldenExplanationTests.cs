using System.Text;
using HiTech.Core.Scoring;
using HiTech.Core.Tests.Frameworks;

namespace HiTech.Core.Tests.Golden;

/// <summary>
/// Named Kerala enterprises (<c>NAME.enterprise.json</c>) scored under the reference framework, with their
/// explanation committed beside them as text (<c>NAME.txt</c>) and JSON (<c>NAME.explanation.json</c>).
/// Any change to scoring or wording shows up here as a diff to review. A missing golden file, or the
/// environment variable <c>HITECH_UPDATE_GOLDEN=1</c>, writes the file and fails the test, so that nothing
/// is accepted without a person reading it.
/// </summary>
public class GoldenExplanationTests
{
    private const string InputSuffix = ".enterprise.json";

    /// <summary>The Golden folder of the source tree (not the build output), found from the test binaries upwards.</summary>
    private static string GoldenDirectory
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "HiTech.Core.Tests.csproj")))
                {
                    return Path.Combine(directory.FullName, "Golden");
                }
            }

            throw new InvalidOperationException($"No HiTech.Core.Tests.csproj above {AppContext.BaseDirectory}.");
        }
    }

    private static bool Updating => Environment.GetEnvironmentVariable("HITECH_UPDATE_GOLDEN") == "1";

    public static TheoryData<string> Enterprises()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(GoldenDirectory, "*" + InputSuffix).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path)[..^InputSuffix.Length]);
        }

        return data;
    }

    private static Explanation Explain(string name)
    {
        var path = Path.Combine(GoldenDirectory, name + InputSuffix);
        var (enterprise, errors) = EnterpriseJson.Read(File.ReadAllText(path), name + InputSuffix);
        Assert.True(enterprise is not null, string.Join(Environment.NewLine, errors));

        var (explanation, issues) = Explainer.Explain(TestFrameworks.Reference, TestFrameworks.Classifier, enterprise);
        Assert.True(explanation is not null, string.Join("; ", issues.Select(i => $"{i.Field}: {i.Reason}")));
        return explanation;
    }

    private static void AssertGolden(string file, string actual)
    {
        var path = Path.Combine(GoldenDirectory, file);
        if (Updating || !File.Exists(path))
        {
            File.WriteAllText(path, actual, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            Assert.Fail($"Wrote the golden file {path}. Read it, check it is right, and commit it; the test passes once it exists (and HITECH_UPDATE_GOLDEN is not set).");
        }

        Assert.Equal(File.ReadAllText(path), actual);
    }

    [Theory]
    [MemberData(nameof(Enterprises))]
    public void The_text_explanation_matches_its_golden_file(string name) =>
        AssertGolden(name + ".txt", ExplanationText.Render(Explain(name)));

    [Theory]
    [MemberData(nameof(Enterprises))]
    public void The_json_explanation_matches_its_golden_file(string name) =>
        AssertGolden(name + ".explanation.json", ExplanationJson.Serialize(Explain(name)) + "\n");

    [Fact]
    public void The_golden_set_holds_the_named_enterprises() =>
        Assert.Equal(
            ["alappuzha-coir-exporter", "electronics-design-missing-values", "kochi-ship-repair", "kozhikode-ayurveda", "palakkad-rubber", "tvm-medical-devices"],
            Enterprises().Select(row => row.Data));

    [Fact]
    public void The_medical_devices_sme_with_verified_evidence_is_certified_at_the_top()
    {
        var explanation = Explain("tvm-medical-devices");

        Assert.Equal("hitech-leader", explanation.Tier.Id);
        Assert.Equal("hitech-leader", explanation.Certification.CertifiableTier);
        Assert.Empty(explanation.Certification.Gaps);
    }

    [Fact]
    public void The_design_firm_s_missing_values_are_reported_as_missing()
    {
        var explanation = Explain("electronics-design-missing-values");

        var missing = explanation.Inputs.Where(i => i.Evidence == "missing").Select(i => i.Id).ToList();
        Assert.Equal(["rd_staff", "patents", "designs", "dsir_rd_unit", "high_value_stage_share", "returnee_hires", "digital_maturity", "export_revenue", "certifications"], missing);
        Assert.All(
            explanation.Pillars.SelectMany(p => p.Indicators).Where(i => i.MissingInputs.Count > 0),
            i => Assert.Equal("missing: scored 0", i.Treatment));
    }
}
