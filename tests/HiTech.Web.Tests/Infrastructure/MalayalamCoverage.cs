using System.Text.RegularExpressions;
using System.Xml.Linq;
using YamlDotNet.RepresentationModel;

namespace HiTech.Web.Tests.Infrastructure;

/// <summary>
/// Reads which strings each feature shows (the English keys it passes to its string localizers, found by the
/// names it injects them under) and the Malayalam its .ml.resx holds, so tests can check one against the other.
/// </summary>
public static partial class MalayalamCoverage
{
    public const string Shared = "SharedResource";

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The features with a resource file of their own (Resources/Features/X/XText.ml.resx).</summary>
    public static IEnumerable<string> Features() =>
        Directory.EnumerateDirectories(Path.Combine(RepositoryRoot, "src", "HiTech.Web", "Resources", "Features"))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;

    /// <summary>
    /// The keys shown through <paramref name="resource"/> (a feature's XText class, or <see cref="Shared"/>, which every
    /// view has as T) in the files of <paramref name="feature"/> (every feature when null).
    /// </summary>
    public static HashSet<string> KeysShown(string resource, string? feature = null)
    {
        var folder = Path.Combine(RepositoryRoot, "src", "HiTech.Web", "Features", feature ?? "");
        var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var names = files
            .SelectMany(text => DeclarationPattern().Matches(text).Where(m => m.Groups[1].Value == resource).Select(m => m.Groups[2].Value))
            .ToHashSet(StringComparer.Ordinal);
        if (resource == Shared)
        {
            names.Add("T");
        }

        if (names.Count == 0)
        {
            return [];
        }

        var key = new Regex($"\\b(?:{string.Join('|', names)})\\[\\s*\"((?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.CultureInvariant);
        return files.SelectMany(text => key.Matches(text).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The Malayalam of a feature's resource file, or of the shared one.</summary>
    public static Dictionary<string, string> Translations(string resource, string? feature = null)
    {
        var path = resource == Shared
            ? Path.Combine(RepositoryRoot, "src", "HiTech.Web", "Resources", "SharedResource.ml.resx")
            : Path.Combine(RepositoryRoot, "src", "HiTech.Web", "Resources", "Features", feature!, resource + ".ml.resx");
        return XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
    }

    /// <summary>The framework and maturity definitions the platform ships (data/frameworks/**/framework.yaml, data/maturity/**/*.yaml).</summary>
    public static IEnumerable<string> DefinitionFiles()
    {
        var data = Path.Combine(RepositoryRoot, "data");
        return Directory.EnumerateFiles(Path.Combine(data, "frameworks"), "framework.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(data, "maturity"), "*.yaml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Every text of a YAML definition written as { en: ..., ml: ... }, with where it is (line:column).</summary>
    public static IEnumerable<(string Where, string En, string? Ml)> BilingualTexts(string file)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(file)))
        {
            stream.Load(reader);
        }

        var pending = new Stack<YamlNode>(stream.Documents.Select(d => d.RootNode));
        while (pending.TryPop(out var node))
        {
            if (node is YamlMappingNode map)
            {
                if (map.Children.TryGetValue(new YamlScalarNode("en"), out var en) && en is YamlScalarNode { Value: { } english })
                {
                    var ml = map.Children.TryGetValue(new YamlScalarNode("ml"), out var m) ? (m as YamlScalarNode)?.Value : null;
                    yield return ($"{Path.GetRelativePath(RepositoryRoot, file)}:{map.Start.Line}:{map.Start.Column}", english, ml);
                    continue;
                }

                foreach (var child in map.Children.Values)
                {
                    pending.Push(child);
                }
            }
            else if (node is YamlSequenceNode sequence)
            {
                foreach (var child in sequence.Children)
                {
                    pending.Push(child);
                }
            }
        }
    }

    public static List<string> Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    private static string FindRoot()
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

    /// <summary>"IStringLocalizer&lt;X&gt; name" and "IStringLocalizer&lt;Some.Namespace.X&gt; name", in constructors and @inject.</summary>
    [GeneratedRegex("IStringLocalizer<(?:[\\w.]*\\.)?(\\w+)>\\s+(\\w+)")]
    private static partial Regex DeclarationPattern();

    [GeneratedRegex("\\{\\d+\\}")]
    private static partial Regex PlaceholderPattern();
}
