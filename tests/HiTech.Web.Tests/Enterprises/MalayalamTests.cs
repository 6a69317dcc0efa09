using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace HiTech.Web.Tests.Enterprises;

/// <summary>Every string the Enterprises feature shows has a Malayalam translation, with the same placeholders.</summary>
public sealed partial class MalayalamTests
{
    [Fact]
    public void Every_string_of_the_feature_has_Malayalam_with_the_same_placeholders()
    {
        var root = RepositoryRoot();
        var feature = Path.Combine(root, "src", "HiTech.Web", "Features", "Enterprises");
        var keys = Directory.EnumerateFiles(feature, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(keys.Count > 100, $"only {keys.Count} strings found; has the feature moved?");

        var resx = XDocument.Load(Path.Combine(root, "src", "HiTech.Web", "Resources", "Features", "Enterprises", "EnterprisesText.ml.resx"));
        var translations = resx.Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

        var missing = keys.Where(k => !translations.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "No Malayalam for: " + string.Join(" | ", missing));
        foreach (var (key, value) in translations)
        {
            Assert.False(string.IsNullOrWhiteSpace(value), $"Empty Malayalam for '{key}'");
            Assert.Equal(Placeholders(key), Placeholders(value));
        }
    }

    [Fact]
    public void The_core_messages_about_udyam_numbers_and_gstins_have_Malayalam()
    {
        var resx = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "HiTech.Web", "Resources", "Features", "Enterprises", "EnterprisesText.ml.resx"));
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

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HiTech.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (with HiTech.slnx) is not above the test output.");
    }

    private static List<string> Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex("\\b[lL]\\[\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("\\{\\d+\\}")]
    private static partial Regex PlaceholderPattern();
}
