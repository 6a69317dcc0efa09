using System.IO.Compression;
using System.Text;
using System.Text.Json;
using HiTech.Core.Maturity;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;
using HiTech.Core.Tests.Frameworks;
using HiTech.Core.Tests.Reference;

namespace HiTech.Core.Tests.Golden;

/// <summary>
/// 200 generated enterprises explained under the reference framework, with the stored JSON form (as a submission
/// stores it) and the text form of each committed in <c>generated-200.golden.br</c>. The explanation path is tuned for
/// speed; this proves every byte a person or a stored result sees stays the same. Even enterprises are explained with
/// the scheme catalogue (as the web does), odd ones without (as the bench and <c>hitech explain</c> without data).
/// <c>HITECH_UPDATE_GOLDEN=1</c> or a missing file rewrites it and fails, as for the named golden files.
/// </summary>
public class GeneratedExplanationsGoldenTests
{
    private const int Count = 200;
    private const ulong Seed = 2026;
    private const string File = "generated-200.golden.br";

    private static readonly Lazy<SchemeCatalog> Schemes = new(() =>
    {
        var path = Path.Combine(TestReference.DataDirectory, "schemes", "kerala-schemes.yaml");
        var result = SchemeCatalogLoader.Load(System.IO.File.ReadAllText(path), path);
        return result.Catalog ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    });

    /// <summary>Per enterprise: its compact JSON, its English text and its Malayalam text, each as one JSON string line.</summary>
    private static List<string> Current()
    {
        var generator = new RegistryGenerator(TestFrameworks.Classifier);
        var lines = new List<string>(Count * 3);
        for (var i = 0; i < Count; i++)
        {
            var input = generator.Generate(i, Seed).ToInput();
            var (explanation, issues) = Explainer.Explain(TestFrameworks.Reference, TestFrameworks.Classifier, input, i % 2 == 0 ? Schemes.Value : null);
            Assert.True(explanation is not null, $"enterprise {i}: {string.Join("; ", issues.Select(x => $"{x.Field}: {x.Reason}"))}");
            lines.Add(ExplanationJson.Serialize(explanation, indented: false));
            lines.Add(JsonSerializer.Serialize(ExplanationText.Render(explanation, "en")));
            lines.Add(JsonSerializer.Serialize(ExplanationText.Render(explanation, "ml")));
        }

        return lines;
    }

    private static string GoldenPath
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (System.IO.File.Exists(Path.Combine(directory.FullName, "HiTech.Core.Tests.csproj")))
                {
                    return Path.Combine(directory.FullName, "Golden", File);
                }
            }

            throw new InvalidOperationException($"No HiTech.Core.Tests.csproj above {AppContext.BaseDirectory}.");
        }
    }

    [Fact]
    public void Two_hundred_generated_explanations_and_their_texts_match_the_golden_file()
    {
        var actual = Current();
        var path = GoldenPath;
        if (Environment.GetEnvironmentVariable("HITECH_UPDATE_GOLDEN") == "1" || !System.IO.File.Exists(path))
        {
            // Brotli with a 16 MB window: the 200 explanations share most of their text, so 8 MB compress to ~100 KB.
            var bytes = Encoding.UTF8.GetBytes(string.Concat(actual.Select(line => line + "\n")));
            var compressed = new byte[BrotliEncoder.GetMaxCompressedLength(bytes.Length)];
            Assert.True(BrotliEncoder.TryCompress(bytes, compressed, out var written, quality: 11, window: 24));
            System.IO.File.WriteAllBytes(path, compressed[..written]);
            Assert.Fail($"Wrote the golden file {path}. Check it (decompress with brotli -d) and commit it; the test passes once it exists.");
        }

        using var reader = new StreamReader(new BrotliStream(System.IO.File.OpenRead(path), CompressionMode.Decompress), Encoding.UTF8);
        var expected = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected.Length, actual.Count);
        for (var l = 0; l < expected.Length; l++)
        {
            // Equal on one line at a time names the enterprise and the first differing character.
            Assert.True(expected[l] == actual[l], $"enterprise {l / 3}, {(l % 3 == 0 ? "json" : l % 3 == 1 ? "text en" : "text ml")}: first difference at {FirstDifference(expected[l], actual[l])}");
        }
    }

    [Fact]
    public void The_indented_form_is_the_compact_form_indented()
    {
        var generator = new RegistryGenerator(TestFrameworks.Classifier);
        for (var i = 0; i < 20; i++)
        {
            var (explanation, _) = Explainer.Explain(TestFrameworks.Reference, TestFrameworks.Classifier, generator.Generate(i, Seed).ToInput(), Schemes.Value);
            Assert.NotNull(explanation);
            using var compact = JsonDocument.Parse(ExplanationJson.Serialize(explanation, indented: false));
            var reindented = JsonSerializer.Serialize(compact.RootElement, ExplanationJson.Options);
            Assert.Equal(reindented, ExplanationJson.Serialize(explanation, indented: true));
        }
    }

    /// <summary>
    /// The stored form (compact) and the indented form are exactly what System.Text.Json writes with the explanation's
    /// options: no hand-written writer stands in for it (one was tried, and saved no measurable time).
    /// </summary>
    [Fact]
    public void The_stored_form_is_what_the_reflection_serializer_writes()
    {
        var compact = new JsonSerializerOptions(ExplanationJson.Options) { WriteIndented = false };
        var generator = new RegistryGenerator(TestFrameworks.Classifier);
        for (var i = 0; i < 40; i++)
        {
            var (explanation, _) = Explainer.Explain(TestFrameworks.Reference, TestFrameworks.Classifier, generator.Generate(i, Seed + 1).ToInput(), i % 2 == 0 ? Schemes.Value : null);
            Assert.NotNull(explanation);
            Assert.Equal(JsonSerializer.Serialize(explanation, compact), ExplanationJson.Serialize(explanation, indented: false));
            Assert.Equal(JsonSerializer.Serialize(explanation, ExplanationJson.Options), ExplanationJson.Serialize(explanation, indented: true));
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 60);
        return $"{at}: expected …{expected[from..Math.Min(expected.Length, at + 60)]}… got …{actual[from..Math.Min(actual.Length, at + 60)]}…";
    }
}
