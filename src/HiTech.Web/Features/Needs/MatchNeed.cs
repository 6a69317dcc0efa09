using HiTech.Core.Collaboration;

namespace HiTech.Web.Features.Needs;

/// <summary>A provider found for a need, with the stored provider (for its name and links) and the engine's match.</summary>
public sealed record FoundProvider(Provider Provider, ProviderMatch Match);

/// <summary>
/// The top providers for one of the enterprise's needs, from the in-memory engine (hard filters, then the data's
/// weights, responsiveness and freshness included), judged on today's date in Kerala.
/// </summary>
public sealed class MatchNeed(ReadNeeds read, MatchingIndex index, TimeProvider clock)
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
        var matches = snapshot.Engine.Match(MatchingProfiles.Of(need.Value!.Need, snapshot.Data, NeedWords.Today(clock)), Top);
        IReadOnlyList<FoundProvider> found = [.. matches.Select(m => new FoundProvider(snapshot.Providers[Guid.Parse(m.Provider.Id)], m))];
        return Outcome.Ok((need.Value, found));
    }
}
