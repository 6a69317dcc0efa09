using HiTech.Core.Registry;

namespace HiTech.Core.Analytics.WhatIf;

/// <summary>A registry row left out of a what-if: its line, the enterprise id it gave, the column and the rule it broke.</summary>
public sealed record RegistryReject(long Line, string EnterpriseId, string Field, string Reason);

/// <summary>
/// What a registry gave a what-if: rows read, rows used (scored under both frameworks), rows rejected with the first
/// <see cref="RegistryPopulation.RejectsKept"/> of them, the header's problems when no row could be read at all, and
/// where reading stopped if it did.
/// </summary>
public sealed record RegistryPopulation(long Rows, long Used, long Rejected, IReadOnlyList<RegistryReject> Rejects, IReadOnlyList<string> HeaderProblems, string? Aborted)
{
    /// <summary>How many rejected rows are listed; the rest are counted.</summary>
    public const int RejectsKept = 100;

    /// <summary>
    /// Streams every row of <paramref name="file"/> through the shared registry pipeline (<see cref="RegistryFile.Read"/>,
    /// rows scored on every core) under the analysis's two frameworks and adds each scored enterprise to it.
    /// <paramref name="progress"/> hears the share of the file read (0 to 1) now and then, when the file's length is known.
    /// </summary>
    public static RegistryPopulation AddTo(WhatIfAnalysis analysis, RegistryFile file, int year, Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(file);
        var (scan, problems) = file.Prepare(analysis.Classifier, analysis.Baseline, analysis.Proposal);
        if (scan is null)
        {
            return new RegistryPopulation(0, 0, 0, [], problems, null);
        }

        using (scan)
        {
            var before = new EnterpriseFactsBuilder(analysis.Baseline, analysis.Classifier);
            var after = new EnterpriseFactsBuilder(analysis.Proposal, analysis.Classifier);
            long rows = 0;
            long used = 0;
            long rejected = 0;
            var rejects = new List<RegistryReject>();
            foreach (var row in file.Read(scan.Pairs(before, after, year)))
            {
                rows++;
                if (row is { Before: { } first, After: { } second })
                {
                    analysis.Add(first, second);
                    used++;
                }
                else
                {
                    rejected++;
                    if (rejects.Count < RejectsKept)
                    {
                        rejects.Add(new RegistryReject(row.Line, row.EnterpriseId, row.Issue?.Field ?? "", row.Issue?.Reason ?? ""));
                    }
                }

                if ((rows & 8191) == 0 && progress is not null && file.Length > 0)
                {
                    progress((double)file.Position / file.Length);
                }
            }

            return new RegistryPopulation(rows, used, rejected, rejects, [], file.Aborted);
        }
    }
}
