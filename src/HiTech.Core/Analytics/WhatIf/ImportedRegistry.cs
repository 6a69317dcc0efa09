using System.Collections.Concurrent;
using HiTech.Core.Frameworks;
using HiTech.Core.Registry;
using HiTech.Core.Scoring;

namespace HiTech.Core.Analytics.WhatIf;

/// <summary>
/// A registry read once (docs/what-if.md, "Import the registry once"): every row parsed under one framework version
/// and kept in columns (its inputs, activities, district, sector and size), with the rows rejected by line and the
/// population's figures (<see cref="Figures"/>, summed in file order as the indicators sum them). A what-if then
/// scores the rows straight from the columns under the version in force and a proposal that reads rows alike
/// (<see cref="RegistryReading"/>), on every core, without reading the file again. <see cref="Save"/> and
/// <see cref="Load"/> keep it beside the upload as a compact binary file.
/// </summary>
public sealed partial class ImportedRegistry
{
    /// <summary>Rows scored per piece of work handed to a core.</summary>
    private const int RowsPerChunk = 16_384;

    private readonly string[] _districts;
    private readonly string[] _sectors;
    private readonly string[] _sizes;
    private readonly string[] _codes;
    private readonly Columns _rows;

    private ImportedRegistry(string frameworkId, string frameworkVersion, int year, RegistryPopulation population, GroupTotals figures, string[] districts, string[] sectors, string[] sizes, string[] codes, Columns rows)
    {
        FrameworkId = frameworkId;
        FrameworkVersion = frameworkVersion;
        Year = year;
        Population = population;
        Figures = figures;
        _districts = districts;
        _sectors = sectors;
        _sizes = sizes;
        _codes = codes;
        _rows = rows;
    }

    /// <summary>The framework and version the rows were read under.</summary>
    public string FrameworkId { get; }

    public string FrameworkVersion { get; }

    /// <summary>The year that dates the rows (the MSME size limits in force).</summary>
    public int Year { get; }

    /// <summary>Rows read, used and rejected (the first <see cref="RegistryPopulation.RejectsKept"/> listed), header problems, where reading stopped.</summary>
    public RegistryPopulation Population { get; }

    /// <summary>
    /// The used rows' facts under <see cref="FrameworkVersion"/> summed as one group: counts, every measure's totals,
    /// the digital maturity distribution and certifications. None of it depends on the tiers but the tier counts.
    /// </summary>
    public GroupTotals Figures { get; }

    /// <summary>Rows kept (the used ones).</summary>
    public int Count => _rows.Count;

    /// <summary>Whether runs of <paramref name="baseline"/> against <paramref name="proposal"/> for <paramref name="year"/> can score these rows as they are.</summary>
    public bool Serves(CompiledFramework baseline, CompiledFramework proposal, int year)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(proposal);
        return baseline.Id == FrameworkId && baseline.Version == FrameworkVersion && year == Year && RegistryReading.Alike(baseline, proposal);
    }

    /// <summary>
    /// Reads every row of <paramref name="file"/> once, through the shared registry pipeline, under
    /// <paramref name="framework"/>. <paramref name="progress"/> hears the share of the file read now and then.
    /// </summary>
    public static ImportedRegistry Import(RegistryFile file, CompiledFramework framework, ActivityClassifier classifier, int year, Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(classifier);
        var rows = new Columns(framework.Inputs.Length, Math.Max(framework.SetCount, 1));
        var figures = new GroupAccumulator(GroupDimensions.Kerala);
        var districts = new KeyIndex();
        var sectors = new KeyIndex();
        var sizes = new KeyIndex();
        var codes = new KeyIndex();
        var (scan, problems) = file.Prepare(classifier, framework);
        if (scan is null)
        {
            return new ImportedRegistry(framework.Id, framework.Version, year, new RegistryPopulation(0, 0, 0, [], problems, null), figures.ToTotals(), [], [], [], [], rows);
        }

        long read = 0;
        long rejected = 0;
        var rejects = new List<RegistryReject>();
        using (scan)
        {
            foreach (var row in file.Read(new ImportRow.Handler(scan, new EnterpriseFactsBuilder(framework, classifier), year)))
            {
                read++;
                if (row.Facts is { } facts)
                {
                    figures.Add(facts);
                    rows.Add(row, districts.Of(GroupDimension.District.KeyOf(facts)), sectors.Of(GroupDimension.Sector.KeyOf(facts)), sizes.Of(facts.SizeClass), codes);
                }
                else
                {
                    rejected++;
                    if (rejects.Count < RegistryPopulation.RejectsKept)
                    {
                        rejects.Add(new RegistryReject(row.Line, row.EnterpriseId, row.Issue?.Field ?? "", row.Issue?.Reason ?? ""));
                    }
                }

                if ((read & 8191) == 0 && progress is not null && file.Length > 0)
                {
                    progress((double)file.Position / file.Length);
                }
            }
        }

        var population = new RegistryPopulation(read, rows.Count, rejected, rejects, [], file.Aborted);
        return new ImportedRegistry(framework.Id, framework.Version, year, population, figures.ToTotals(), districts.Keys, sectors.Keys, sizes.Keys, codes.Keys, rows);
    }

    /// <summary>
    /// Scores every row under <paramref name="baseline"/> and <paramref name="proposal"/> on every core, each core
    /// counting into an array of its own (district x sector x size x tier x tier), and adds the counts to <paramref name="tally"/>.
    /// </summary>
    public void ScoreInto(WhatIfTally tally, CompiledFramework baseline, CompiledFramework proposal, ActivityClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(classifier);
        if (!Serves(baseline, proposal, Year))
        {
            throw new InvalidOperationException($"the registry was read under {FrameworkId} {FrameworkVersion}; it cannot be scored under {baseline.Id} {baseline.Version} against {proposal.Id} {proposal.Version} as it is: read the file again");
        }

        if (_rows.Count == 0)
        {
            return;
        }

        var activities = _codes.Select(code => classifier.TryClassify(code, out var facts)
            ? facts
            : throw new InvalidDataException($"the imported registry names the activity {code}, which the classification no longer has: read the file again")).ToArray();
        var shape = new Shape(_districts.Length, _sectors.Length, _sizes.Length, baseline.Tiers.Length, proposal.Tiers.Length);
        var partials = new ConcurrentBag<int[]>();
        Parallel.ForEach(
            Partitioner.Create(0, _rows.Count, RowsPerChunk),
            () => new Scoring(new ScoringWorkspace(baseline), new ScoringWorkspace(proposal), new int[shape.Size]),
            (range, _, scoring) =>
            {
                for (var r = range.Item1; r < range.Item2; r++)
                {
                    var (before, after) = scoring.Score(_rows, r, activities);
                    scoring.Counts[shape.Index(_rows.District[r], _rows.Sector[r], _rows.Size[r], before, after)]++;
                }

                return scoring;
            },
            scoring => partials.Add(scoring.Counts));
        var counts = new int[shape.Size];
        foreach (var partial in partials)
        {
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] += partial[i];
            }
        }

        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                var (d, s, z, b, p) = shape.Split(i);
                tally.Add(_districts[d], _sectors[s], _sizes[z], b, p, counts[i]);
            }
        }
    }

    /// <summary>Two workspaces of one core: the row is loaded into the first, copied to the second, and scored in both.</summary>
    private sealed record Scoring(ScoringWorkspace Baseline, ScoringWorkspace Proposal, int[] Counts)
    {
        public (int Before, int After) Score(Columns rows, int r, ActivityFacts[] activities)
        {
            rows.Load(r, Baseline, activities);
            Proposal.CopyInputsFrom(Baseline);
            return (Scorer.Score(Baseline).Tier, Scorer.Score(Proposal).Tier);
        }
    }

    /// <summary>The joint count's array: district, sector, size, tier in force, tier proposed, the last varying fastest.</summary>
    private readonly record struct Shape(int Districts, int Sectors, int Sizes, int BaselineTiers, int ProposalTiers)
    {
        public int Size => Districts * Sectors * Sizes * BaselineTiers * ProposalTiers;

        public int Index(int district, int sector, int size, int baseline, int proposal) =>
            ((((district * Sectors) + sector) * Sizes + size) * BaselineTiers + baseline) * ProposalTiers + proposal;

        public (int District, int Sector, int Size, int Baseline, int Proposal) Split(int index)
        {
            var proposal = index % ProposalTiers;
            index /= ProposalTiers;
            var baseline = index % BaselineTiers;
            index /= BaselineTiers;
            var size = index % Sizes;
            index /= Sizes;
            return (index / Sectors, index % Sectors, size, baseline, proposal);
        }
    }

    /// <summary>Small dense numbers for keys met (districts, sectors, sizes, activity codes), in the order met.</summary>
    private sealed class KeyIndex
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _keys = [];

        public string[] Keys => [.. _keys];

        public int Of(string key)
        {
            if (!_index.TryGetValue(key, out var index))
            {
                _index[key] = index = _keys.Count;
                _keys.Add(key);
            }

            return index;
        }
    }
}
