using System.Collections.Immutable;
using System.Text;
using CsCheck;
using HiTech.Core.Frameworks;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;
using HiTech.Core.Tests.Frameworks;

namespace HiTech.Core.Tests.PropertyBased;

/// <summary>Generators and CSV helpers shared by the property tests.</summary>
internal static class Registries
{
    private static readonly Lazy<RegistryGenerator> LazyGenerator = new(() => new RegistryGenerator(TestFrameworks.Classifier));

    private static readonly Lazy<ImmutableArray<string>> LazyCodes = new(() =>
    [
        .. TestFrameworks.Classifier.Reference.Nic.Entries
            .Where(e => TestFrameworks.Classifier.TryGetFacts(e.Code, out _))
            .Select(e => e.Code),
    ]);

    public static RegistryGenerator Generator => LazyGenerator.Value;

    public static CompiledFramework Framework => TestFrameworks.Reference;

    /// <summary>A synthetic enterprise by (index, seed), the way the registry generator makes them.</summary>
    public static Gen<GeneratedEnterprise> Generated { get; } = Gen.Select(Gen.Int[0, 1_000_000], Gen.ULong, (index, seed) => Generator.Generate(index, seed));

    // Declared before Arbitrary, which reads it while the class initialises.
    private static Gen<(string Code, string[] Stages)> Activity { get; } =
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, 511], (code, stages) => (LazyCodes.Value[code % LazyCodes.Value.Length], Stages(stages)));

    /// <summary>
    /// Enterprises built value by value over each input's whole range (missing included, zero and large values
    /// included), any scorable NIC code and any stages, kept consistent with the framework's checks.
    /// </summary>
    public static Gen<EnterpriseInput> Arbitrary { get; } =
        from employees in Gen.Int[1, 5_000]
        from turnover in Gen.Long[0, 50_000_000_000]
        from vaShare in Gen.Double[0, 1]
        from counts in Gen.Double[0, 1].Array[5]
        from rdSpend in Optional(Gen.Long[0, 5_000_000_000])
        from dsir in Optional(Gen.Bool)
        from hvShare in Optional(Gen.Int[0, 1000])
        from digital in Optional(Gen.Int[0, 1000])
        from exportShare in Optional(Gen.Double[0, 1])
        from certifications in Optional(Gen.Int[0, (1 << 11) - 1])
        from missing in Gen.Bool.Array[5]
        from activities in Activity.Array[1, 3]
        select Build(employees, turnover, vaShare, counts, rdSpend, dsir, hvShare, digital, exportShare, certifications, missing, activities);

    private static Gen<T?> Optional<T>(Gen<T> gen)
        where T : struct =>
        Gen.Select(Gen.Int[0, 4], gen, (k, value) => k == 0 ? (T?)null : value);

    private static string[] Stages(int bits) =>
        [.. Framework.StageDomain.Values.Where((_, i) => (bits & (1 << i)) != 0)];

    private static EnterpriseInput Build(
        int employees, long turnover, double vaShare, double[] counts, long? rdSpend, bool? dsir, int? hvShare, int? digital,
        double? exportShare, int? certifications, bool[] missing, (string Code, string[] Stages)[] activities)
    {
        var inputs = ImmutableDictionary.CreateBuilder<string, InputValue>(StringComparer.Ordinal);
        inputs["turnover"] = InputValue.Of(turnover);
        inputs["value_added"] = InputValue.Of(Math.Floor((decimal)(turnover * vaShare)));
        inputs["employees"] = InputValue.Of(employees);
        string[] staff = ["rd_staff", "stem_staff", "returnee_hires", "patents", "designs"];
        for (var i = 0; i < staff.Length; i++)
        {
            if (!missing[i])
            {
                // Staff counts stay within total staff, as the checks require; patents and designs range up to 50.
                var limit = i < 3 ? employees : 50;
                inputs[staff[i]] = InputValue.Of((int)Math.Floor(counts[i] * limit));
            }
        }

        if (rdSpend is { } rd)
        {
            inputs["rd_spend"] = InputValue.Of(rd);
        }

        if (dsir is { } d)
        {
            inputs["dsir_rd_unit"] = InputValue.Of(d);
        }

        if (hvShare is { } hv)
        {
            inputs["high_value_stage_share"] = InputValue.Of(hv / 1000m);
        }

        if (digital is { } dm)
        {
            inputs["digital_maturity"] = InputValue.Of(dm / 10m);
        }

        if (exportShare is { } export)
        {
            inputs["export_revenue"] = InputValue.Of(Math.Floor((decimal)(turnover * export)));
        }

        if (certifications is { } bits)
        {
            var domain = Framework.InputsById["certifications"].Domain!;
            inputs["certifications"] = InputValue.OfCodes(domain.Values.Where((_, i) => (bits & (1 << i)) != 0));
        }

        var distinct = activities.DistinctBy(a => a.Code).ToList();
        var shares = distinct.Count == 1 ? [(decimal?)null] : distinct.Select((_, i) => (decimal?)(i == 0 ? 1 - ((distinct.Count - 1) * 0.2m) : 0.2m)).ToArray();
        return new EnterpriseInput(
            "ARB-1",
            null,
            null,
            [.. distinct.Select((a, i) => new ActivityInput(a.Code, shares[i], [.. a.Stages]))],
            inputs.ToImmutable());
    }

    /// <summary>The registry CSV of these enterprises: header, then one line per enterprise, quoted where needed.</summary>
    public static string Csv(IEnumerable<GeneratedEnterprise> enterprises) =>
        Csv(enterprises.Select(e => e.ToCells()));

    public static string Csv(IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', GeneratedEnterprise.Columns).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(Quote)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Every row of a registry CSV through the platform's pipeline, scored under the frameworks.</summary>
    public static List<ScoredRow> Read(string csv, params CompiledFramework[] frameworks)
    {
        using var registry = new CsvRegistry(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "registry.csv");
        var (scan, problems) = registry.Prepare(TestFrameworks.Classifier, frameworks);
        Assert.True(scan is not null, string.Join("; ", problems));
        using (scan)
        {
            return [.. registry.Read(scan)];
        }
    }

    public static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
