using System.Collections.Immutable;
using HiTech.Core.Collaboration;

namespace HiTech.Web.Features.Needs;

/// <summary>A provider found for a need, with the stored provider (for its name and links) and the engine's match.</summary>
public sealed record FoundProvider(Provider Provider, ProviderMatch Match);

/// <summary>
/// The top providers for one of the enterprise's needs, from the in-memory engine (hard filters, then the data's
/// weights, responsiveness and freshness included), judged on today's date in Kerala.
/// </summary>
public sealed class MatchNeed(ReadNeeds read, MatchingIndex index, AppDbContext db, TimeProvider clock)
{
    public const int Top = 10;

    public async Task<Outcome<(NeedView Need, IReadOnlyList<FoundProvider> Matches)>> ExecuteAsync(CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var need = await read.OneAsync(user, id, cancellationToken);
        if (!need.IsOk)
        {
            return need.As<(NeedView, IReadOnlyList<FoundProvider>)>();
        }

        var snapshot = await index.CurrentAsync(cancellationToken);
        var profile = MatchingProfiles.Of(need.Value!.Need, snapshot.Data, NeedWords.Today(clock));
        if (!await Providers.ReadDirectoryEntry.MaySeeProfessionalsAsync(db, user, cancellationToken))
        {
            // Returning professionals are shown only to enterprises with an approved assessment (and officers): for
            // anyone else the need's acceptable kinds leave them out, so the top 10 are still 10 others.
            profile = profile with { Kinds = WithoutProfessionals(profile.Kinds, snapshot.Data) };
            if (profile.Kinds.IsEmpty)
            {
                return Outcome.Ok<(NeedView, IReadOnlyList<FoundProvider>)>((need.Value, []));
            }
        }

        var matches = snapshot.Engine.Match(profile, Top);
        IReadOnlyList<FoundProvider> found = [.. matches.Select(m => new FoundProvider(snapshot.Providers[Guid.Parse(m.Provider.Id)], m))];
        return Outcome.Ok((need.Value, found));
    }

    private static ImmutableArray<string> WithoutProfessionals(ImmutableArray<string> kinds, CollaborationData data) =>
        [.. (kinds.IsEmpty ? data.Kinds.Terms.Select(t => t.Id) : kinds).Where(k => k != Providers.ProfileRules.ProfessionalKind)];
}
