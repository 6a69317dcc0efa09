using HiTech.Core.Frameworks;
using HiTech.Core.Scoring;

namespace HiTech.Core.Tests.Scoring;

/// <summary>Self-declared values score in full but cannot carry a certificate above what their evidence supports.</summary>
public class EvidenceTests
{
    [Fact]
    public void Self_declared_values_score_but_cap_the_certifiable_tier()
    {
        var scored = Scored.Of(EnterpriseBuilder.FullMarks());

        var certification = scored.Explanation.Certification;
        Assert.Equal("hitech-leader", certification.ScoredTier);
        Assert.Equal("conventional", certification.CertifiableTier);
        Assert.Contains(new EvidenceGap("hitech-leader", "turnover", "verified", "self-declared"), certification.Gaps);
        Assert.Contains(new EvidenceGap("hitech-leader", "patents", "document-backed", "self-declared"), certification.Gaps);
        Assert.All(certification.Gaps, g => Assert.Equal("hitech-leader", g.Tier));
    }

    [Fact]
    public void Verified_values_certify_the_scored_tier()
    {
        var scored = Scored.Of(EnterpriseBuilder.FullMarks().Evidence(EvidenceLevel.Verified));

        Assert.Equal("hitech-leader", scored.Explanation.Certification.CertifiableTier);
        Assert.Empty(scored.Explanation.Certification.Gaps);
        Assert.Contains("The evidence supports certifying this tier", ExplanationText.Render(scored.Explanation), StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_never_changes_the_score()
    {
        var declared = Scored.Of(EnterpriseBuilder.FullMarks());
        var verified = Scored.Of(EnterpriseBuilder.FullMarks().Evidence(EvidenceLevel.Verified));

        Assert.Equal(declared.Summary, verified.Summary);
    }

    [Fact]
    public void Document_backed_values_certify_hi_tech_but_not_leader()
    {
        var scored = Scored.Of(EnterpriseBuilder.FullMarks().Evidence(EvidenceLevel.DocumentBacked));

        var certification = scored.Explanation.Certification;
        Assert.Equal("hitech", certification.CertifiableTier);
        Assert.Equal(
            ["turnover", "value_added", "employees", "rd_spend", "rd_staff", "certifications"],
            certification.Gaps.Select(g => g.Input));
        Assert.All(certification.Gaps, g => Assert.Equal(("verified", "document-backed"), (g.Required, g.Actual)));
    }

    [Fact]
    public void One_input_short_of_verified_drops_the_certificate_one_tier()
    {
        var scored = Scored.Of(EnterpriseBuilder.FullMarks().Evidence(EvidenceLevel.Verified).Evidence(EvidenceLevel.DocumentBacked, "rd_staff"));

        Assert.Equal("hitech", scored.Explanation.Certification.CertifiableTier);
        Assert.Equal([new EvidenceGap("hitech-leader", "rd_staff", "verified", "document-backed")], scored.Explanation.Certification.Gaps);
    }

    [Fact]
    public void A_missing_input_that_a_tier_needs_evidence_for_is_a_gap()
    {
        // Patents are optional for the index (their criterion scores 0) but the top tier wants them documented.
        var scored = Scored.Of(EnterpriseBuilder.FullMarks().Evidence(EvidenceLevel.Verified).Without("patents"));

        Assert.Equal("hitech-leader", scored.Tier);
        Assert.Equal([new EvidenceGap("hitech-leader", "patents", "document-backed", "missing")], scored.Explanation.Certification.Gaps);
        Assert.Equal("hitech", scored.Explanation.Certification.CertifiableTier);
    }

    [Fact]
    public void Only_turnover_and_value_added_need_documents_for_emerging()
    {
        var scored = Scored.Of(EnterpriseBuilder.FullMarks().Evidence(EvidenceLevel.DocumentBacked, "turnover", "value_added"));

        Assert.Equal("emerging", scored.Explanation.Certification.CertifiableTier);
    }

    [Fact]
    public void The_certificate_is_never_above_the_scored_tier()
    {
        var scored = Scored.Of(IndexAndContributionTests.MidTier().Evidence(EvidenceLevel.Verified));

        Assert.Equal("hitech", scored.Tier);
        Assert.Equal("hitech", scored.Explanation.Certification.CertifiableTier);
        Assert.Equal("hitech", scored.Explanation.Certification.ScoredTier);
    }

    [Fact]
    public void The_explanation_lists_each_input_with_its_evidence()
    {
        var scored = Scored.Of(EnterpriseBuilder.FullMarks().Evidence(EvidenceLevel.Verified, "turnover").Without("designs"));

        var inputs = scored.Explanation.Inputs.ToDictionary(i => i.Id);
        Assert.Equal(("₹10,00,00,000", "verified"), (inputs["turnover"].Value, inputs["turnover"].Evidence));
        Assert.Equal(("16", "self-declared"), (inputs["employees"].Value, inputs["employees"].Evidence));
        Assert.Equal(("80%", "self-declared"), (inputs["high_value_stage_share"].Value, inputs["high_value_stage_share"].Evidence));
        Assert.Equal(("iso9001, iso13485, nabl", "self-declared"), (inputs["certifications"].Value, inputs["certifications"].Evidence));
        Assert.Equal((null, "missing"), (inputs["designs"].Value, inputs["designs"].Evidence));
        Assert.Equal(Scored.Framework.Inputs.Select(i => i.Id), scored.Explanation.Inputs.Select(i => i.Id));
    }
}
