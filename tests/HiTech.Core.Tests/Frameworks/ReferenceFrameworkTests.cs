using HiTech.Core.Frameworks;

namespace HiTech.Core.Tests.Frameworks;

public class ReferenceFrameworkTests
{
    [Fact]
    public void The_shipped_framework_loads_without_errors()
    {
        var result = FrameworkLoader.LoadFile(TestFrameworks.ReferencePath, TestFrameworks.Classifier.SectorIds);

        Assert.Empty(result.Errors);
        Assert.Equal("kerala-htmf", result.Framework!.Id);
        Assert.Equal("2025.1", result.Framework.Version);
    }

    [Fact]
    public void Pillar_weights_add_up_to_100_and_tiers_run_highest_first()
    {
        var framework = TestFrameworks.Reference;

        Assert.Equal(100, framework.Pillars.Sum(p => p.Weight), 6);
        Assert.Equal(["hitech-leader", "hitech", "emerging", "conventional"], framework.Tiers.Select(t => t.Id));
        Assert.Equal(0, framework.Tiers[^1].MinIndex);
    }
}
