using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace HiTech.Web.Tests.Maturity;

/// <summary>Every string the maturity feature shows has a Malayalam translation with the same placeholders; the instrument's own texts have theirs in its file.</summary>
public sealed partial class MaturityMalayalamTests
{
    [Fact]
    public void Every_string_of_the_feature_has_Malayalam_with_the_same_placeholders()
    {
        var root = RepositoryRoot();
        var feature = Path.Combine(root, "src", "HiTech.Web", "Features", "Maturity");
        var keys = Directory.EnumerateFiles(feature, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(keys.Count > 150, $"only {keys.Count} strings found; has the feature moved?");

        var resx = XDocument.Load(Path.Combine(root, "src", "HiTech.Web", "Resources", "Features", "Maturity", "MaturityText.ml.resx"));
        var translations = resx.Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

        var missing = keys.Where(k => !translations.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "No Malayalam for: " + string.Join(" | ", missing));
        var unused = translations.Keys.Where(k => !keys.Contains(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unused.Count == 0, "Malayalam for strings the feature no longer has: " + string.Join(" | ", unused));

        // Resource names are case-insensitive: two keys differing only in case would lose one.
        Assert.Equal(translations.Count, translations.Keys.Select(k => k.ToUpperInvariant()).Distinct(StringComparer.Ordinal).Count());
        foreach (var (key, value) in translations)
        {
            Assert.False(string.IsNullOrWhiteSpace(value), $"Empty Malayalam for '{key}'");
            Assert.Equal(Placeholders(key), Placeholders(value));
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
