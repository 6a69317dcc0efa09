using System.Text.RegularExpressions;
using HiTech.Core.Reference;

namespace HiTech.Web.Tests.Infrastructure;

/// <summary>
/// Every page is usable in Malayalam: every string each feature shows, and every shared string of the layout and
/// the common pages, has a Malayalam translation, not empty, with the same placeholders.
/// </summary>
public sealed partial class MalayalamTests
{
    /// <summary>Features that must show at least this many strings (a low count means the search lost them).</summary>
    private static readonly Dictionary<string, int> AtLeast = new(StringComparer.Ordinal) { ["Enterprises"] = 100, ["Maturity"] = 150 };

    /// <summary>Features whose resource file holds only strings their code shows (others also hold messages made elsewhere, e.g. in the Core).</summary>
    private static readonly HashSet<string> NoUnused = new(StringComparer.Ordinal) { "Maturity" };

    public static TheoryData<string> Features() => [.. MalayalamCoverage.Features()];

    [Theory]
    [MemberData(nameof(Features))]
    public void Every_string_of_the_feature_has_Malayalam_with_the_same_placeholders(string feature)
    {
        var resource = feature + "Text";
        var keys = MalayalamCoverage.KeysShown(resource, feature);
        Assert.True(keys.Count > AtLeast.GetValueOrDefault(feature, 0), $"only {keys.Count} strings found in {feature}; has the feature moved?");
        var translations = MalayalamCoverage.Translations(resource, feature);

        var missing = keys.Where(k => !translations.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"No Malayalam in {resource}.ml.resx for: " + string.Join(" | ", missing));
        if (NoUnused.Contains(feature))
        {
            var unused = translations.Keys.Where(k => !keys.Contains(k)).Order(StringComparer.Ordinal).ToList();
            Assert.True(unused.Count == 0, "Malayalam for strings the feature no longer has: " + string.Join(" | ", unused));
        }

        CheckTranslations(translations);
    }

    [Fact]
    public void Every_shared_string_has_Malayalam_with_the_same_placeholders()
    {
        var keys = MalayalamCoverage.KeysShown(MalayalamCoverage.Shared);
        Assert.True(keys.Count > 30, $"only {keys.Count} shared strings found; has the layout moved?");
        var translations = MalayalamCoverage.Translations(MalayalamCoverage.Shared);

        var missing = keys.Where(k => !translations.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "No Malayalam in SharedResource.ml.resx for: " + string.Join(" | ", missing));
        CheckTranslations(translations);
    }

    [Fact]
    public void Every_text_of_the_shipped_frameworks_and_maturity_instruments_has_Malayalam()
    {
        var files = MalayalamCoverage.DefinitionFiles().ToList();
        Assert.Contains(files, f => f.EndsWith("framework.yaml", StringComparison.Ordinal));
        var texts = files.SelectMany(MalayalamCoverage.BilingualTexts).ToList();
        Assert.True(texts.Count > 400, $"only {texts.Count} texts found; have the definitions moved?");

        var missing = texts.Where(t => t.Ml is null || !MalayalamLetter().IsMatch(t.Ml)).Select(t => $"{t.Where} \"{t.En}\"").ToList();
        Assert.True(missing.Count == 0, "No Malayalam for:\n  " + string.Join("\n  ", missing));
    }

    [Fact]
    public void Every_section_and_division_and_every_group_and_class_of_a_priority_sector_has_a_Malayalam_NIC_title()
    {
        var reference = ReferenceData.LoadFromDirectory(Path.Combine(MalayalamCoverage.RepositoryRoot, "data"));
        var prefixes = reference.PrioritySectors.All.SelectMany(s => s.NicPrefixes).ToList();
        var needed = reference.Nic.Entries.Where(e =>
            e.Level is NicLevel.Section or NicLevel.Division ||
            (e.Level is NicLevel.Group or NicLevel.Class && prefixes.Any(p => e.Code.StartsWith(p, StringComparison.Ordinal) || p.StartsWith(e.Code, StringComparison.Ordinal))))
            .ToList();
        Assert.True(needed.Count > 250, $"only {needed.Count} codes to cover; have the priority sectors moved?");

        var missing = needed.Where(e => reference.NicMalayalam.TitleOf(e.Code) is null).Select(e => $"{e.Code} {e.Title}").ToList();
        Assert.True(missing.Count == 0, "No Malayalam NIC title (data/classifications/nic2008-ml.csv) for:\n  " + string.Join("\n  ", missing));
        Assert.All(needed, e => Assert.Matches(MalayalamLetter(), reference.NicMalayalam.TitleOf(e.Code)!));
    }

    [GeneratedRegex("[\u0D00-\u0D7F]")]
    private static partial Regex MalayalamLetter();

    private static void CheckTranslations(Dictionary<string, string> translations)
    {
        // Resource names are case-insensitive: two keys differing only in case would lose one.
        Assert.Equal(translations.Count, translations.Keys.Select(k => k.ToUpperInvariant()).Distinct(StringComparer.Ordinal).Count());
        foreach (var (key, value) in translations)
        {
            Assert.False(string.IsNullOrWhiteSpace(value), $"Empty Malayalam for '{key}'");
            Assert.Equal(MalayalamCoverage.Placeholders(key), MalayalamCoverage.Placeholders(value));
        }
    }
}
