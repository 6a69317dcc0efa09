using HiTech.Core.Analytics;

namespace HiTech.Web.Infrastructure.Analytics;

/// <summary>
/// What a snapshot is made of, read from the platform's database: one <see cref="EnterpriseFacts"/> row per approved
/// assessment, and one <see cref="PipelineFact"/> per assessment handed in. Implemented where the assessments are
/// turned into the engine's input (Features/Analytics), so Infrastructure never names a feature.
/// </summary>
public interface ISnapshotSource
{
    /// <summary>How many facts rows <see cref="FactsAsync"/> will give (for the progress line).</summary>
    Task<int> CountFactsAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<EnterpriseFacts> FactsAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<PipelineFact> PipelineAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One assessment in the review pipeline, without its enterprise: year, district, where it is
/// (submitted, in_review, returned, approved) and when it was handed in and decided.
/// </summary>
public sealed record PipelineFact(int Year, string? DistrictId, string Stage, DateTimeOffset? SubmittedAt, DateTimeOffset? DecidedAt);
