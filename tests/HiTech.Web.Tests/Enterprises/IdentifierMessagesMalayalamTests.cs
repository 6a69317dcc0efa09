using System.Xml.Linq;
using HiTech.Web.Tests.Infrastructure;

namespace HiTech.Web.Tests.Enterprises;

/// <summary>The Core's messages about identifiers, which the Enterprises pages show, have Malayalam (the feature's own strings: Infrastructure.MalayalamTests).</summary>
public sealed class IdentifierMessagesMalayalamTests
{
    [Fact]
    public void The_core_messages_about_udyam_numbers_and_gstins_have_Malayalam()
    {
        var resx = XDocument.Load(Path.Combine(MalayalamCoverage.RepositoryRoot, "src", "HiTech.Web", "Resources", "Features", "Enterprises", "EnterprisesText.ml.resx"));
        var names = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
        string?[] messages =
        [
            Core.Identifiers.UdyamNumber.Check("X"),
            Core.Identifiers.UdyamNumber.Check("UDYAM-K1-08-0012345"),
            Core.Identifiers.UdyamNumber.Check("UDYAM-KL-8-0012345"),
            Core.Identifiers.UdyamNumber.Check("UDYAM-KL-08-12345"),
            Core.Identifiers.Gstin.Check("32AAAPA1234A1Z"),
            Core.Identifiers.Gstin.Check("00AAAPA1234A1Z2"),
            Core.Identifiers.Gstin.Check("321AAPA1234A1Z2"),
            Core.Identifiers.Gstin.Check("32AAAPA1234A0Z2"),
            Core.Identifiers.Gstin.Check("32AAAPA1234A1X2"),
            Core.Identifiers.Gstin.Check("32AAAPA1234A1Z5"),
        ];
        foreach (var message in messages)
        {
            Assert.NotNull(message);
            Assert.Contains(message, names);
        }
    }
}
