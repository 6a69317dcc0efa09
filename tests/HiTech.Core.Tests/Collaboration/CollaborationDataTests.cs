using HiTech.Core.Collaboration;
using HiTech.Core.Reference;

namespace HiTech.Core.Tests.Collaboration;

public class CollaborationDataTests
{
    private static CollaborationData Data => TestCollaboration.Data;

    [Fact]
    public void The_provider_kinds_are_the_ids_the_platform_already_uses()
    {
        Assert.Equal(["rnd-institute", "tic-lab", "design-engineering", "gcc", "professional"], Data.Kinds.Terms.Select(t => t.Id));
        Assert.All(Data.Kinds.Terms, t => Assert.False(string.IsNullOrWhiteSpace(t.NameMl)));
    }

    [Fact]
    public void Partnership_models_and_value_bands_are_data_with_malayalam_names()
    {
        Assert.Equal(
            ["testing-service", "contract-rnd", "joint-rnd-project", "design-service", "equipment-use", "technology-licence", "hiring-mentoring", "scheme-consortium"],
            Data.Partnerships.Models.Terms.Select(t => t.Id));
        Assert.Equal(["under-1-lakh", "1-to-10-lakh", "10-lakh-to-1-crore", "over-1-crore"], Data.Partnerships.ValueBands.Terms.Select(t => t.Id));
        Assert.All(Data.Partnerships.Models.Terms.Concat(Data.Partnerships.ValueBands.Terms), t => Assert.False(string.IsNullOrWhiteSpace(t.NameMl)));
        Assert.Equal("Contract R&D", PartnershipTerms.Find(Data.Partnerships.Models, " Contract-RnD ")?.Name);
        Assert.Null(PartnershipTerms.Find(Data.Partnerships.Models, "consulting"));
    }

    [Fact]
    public void Stages_and_certifications_are_the_framework_domains()
    {
        Assert.Contains(Data.Stages.Terms, t => t.Id == "testing-certification");
        Assert.Contains(Data.Certifications.Terms, t => t.Id == "nabl");
        Assert.Equal(-1, Data.Certifications.IndexOf("iso27001"));
        Assert.Equal(Data.Certifications.IndexOf("nabl"), Data.Certifications.IndexOf(" NABL "));
    }

    [Fact]
    public void Every_district_has_a_neighbour_and_borders_are_mutual()
    {
        var n = Data.Districts.All.Count;
        Assert.Equal(14, n);
        for (var a = 0; a < n; a++)
        {
            Assert.Contains(Enumerable.Range(0, n), b => Data.Neighbours.AreNeighbours(a, b));
            for (var b = 0; b < n; b++)
            {
                Assert.Equal(Data.Neighbours.AreNeighbours(a, b), Data.Neighbours.AreNeighbours(b, a));
            }
        }

        Assert.True(Data.Neighbours.AreNeighbours(Data.DistrictIndex("kottayam"), Data.DistrictIndex("idukki")));
        Assert.False(Data.Neighbours.AreNeighbours(Data.DistrictIndex("kottayam"), Data.DistrictIndex("kannur")));
    }

    [Fact]
    public void A_neighbours_file_naming_an_unknown_district_is_refused_with_its_line()
    {
        var e = Assert.Throws<ReferenceDataException>(() => DistrictNeighbours.Load(new StringReader("district,neighbour\nkollam,alappuzha\nkollam,madras\n"), "n.csv", Data.Districts));
        Assert.Contains("n.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("3", e.Message, StringComparison.Ordinal);
        Assert.Contains("madras", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_fold_case_and_both_malayalam_encodings_and_drop_function_words()
    {
        // റബ്ബർ with the atomic chillu (U+0D7C) and with ര + virama + ZWJ are one word.
        Assert.Equal(TextTokens.Of("റബ്ബ\u0D7C"), TextTokens.Of("റബ്ബ\u0D30\u0D4D\u200D"));
        Assert.Equal(["rubber", "testing"], TextTokens.Of("The Rubber testing, of rubber!"));
        Assert.True(TextTokens.Answers("testing", "test"));
        Assert.False(TextTokens.Answers("labs", "lab"));
        Assert.True(TextTokens.Answers(TextTokens.Of("പരിശോധനയും")[0], TextTokens.Of("പരിശോധന")[0]));
    }
}
