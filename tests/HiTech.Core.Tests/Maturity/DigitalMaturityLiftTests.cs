using HiTech.Core.Maturity;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;
using HiTech.Core.Tests.Frameworks;

namespace HiTech.Core.Tests.Maturity;

public sealed class DigitalMaturityLiftTests
{
    [Fact]
    public void The_part_of_the_index_moves_with_the_index_itself()
    {
        // The reference framework's index is a weighted sum, so changing only digital_maturity must move the index by
        // exactly as much as the part the lift computes (tiers and gates aside, which the index does not include).
        var framework = TestFrameworks.Reference;
        var part = DigitalMaturityLift.PartOfIndex(framework);
        var input = framework.InputsById[DigitalMaturityLift.InputId];
        var generator = new RegistryGenerator(TestFrameworks.Classifier);
        for (var i = 0; i < 20; i++)
        {
            var workspace = new ScoringWorkspace(framework);
            Assert.Empty(EnterpriseLoader.Fill(workspace, TestFrameworks.Classifier, generator.Generate(i, 11).ToInput()));
            workspace.SetValue(input, 20);
            var low = Scorer.Score(workspace).Index;
            workspace.SetValue(input, 80);
            var high = Scorer.Score(workspace).Index;

            Assert.Equal(high - low, part(80) - part(20), 6);
        }

        Assert.True(part(80) > part(20));
        Assert.Equal(0, part(0), 6);
    }
}
