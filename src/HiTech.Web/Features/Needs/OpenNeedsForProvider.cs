using HiTech.Core.Collaboration;

namespace HiTech.Web.Features.Needs;

/// <summary>An open need a provider could serve: only what is public of it (never the private details or who posted it).</summary>
public sealed record OpenNeed(Guid Id, string HelpKind, string NicCode, string Stage, string District, string BudgetBand, DateOnly? Deadline, string Summary, DateTimeOffset PostedAt, NeedMatch Match);

/// <summary>
/// The engine the other way round: the open needs (deadline not past) the signed-in provider passes the hard filters
/// of, best first. A provider not verified (or expired) is matched to none, and is told why.
/// </summary>
public sealed class OpenNeedsForProvider(AppDbContext db, MatchingIndex index, TimeProvider clock, IStringLocalizer<NeedsText> l)
{
    public const int Top = 20;

    public async Task<Outcome<IReadOnlyList<OpenNeed>>> ExecuteAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        if (!user.IsProvider || user.ProviderId is not { } providerId)
        {
            return Outcome.Forbidden<IReadOnlyList<OpenNeed>>(l["Only a provider sees the needs it could serve"]);
        }

        var today = NeedWords.Today(clock);
        var snapshot = await index.CurrentAsync(cancellationToken);
        if (!snapshot.Providers.TryGetValue(providerId, out var provider) || provider.ExpiresOn is not { } expires || expires < today)
        {
            return Outcome.Conflict<IReadOnlyList<OpenNeed>>(l["Your profile is matched once it is verified and while it has not expired: check its status on your profile page"]);
        }

        var open = await db.Needs.AsNoTracking().Where(n => n.Status == NeedStatus.Open && (n.Deadline == null || n.Deadline >= today)).ToListAsync(cancellationToken);
        var byId = open.ToDictionary(n => n.Id.ToString());
        var found = snapshot.Engine.NeedsFor(providerId.ToString(), open.Select(n => MatchingProfiles.Of(n, snapshot.Data, today)), Top);
        return Outcome.Ok<IReadOnlyList<OpenNeed>>([.. found.Select(m =>
        {
            var n = byId[m.Need.Id];
            return new OpenNeed(n.Id, n.HelpKind, n.NicCode, n.Stage, n.District, n.BudgetBand, n.Deadline, n.Summary, n.PostedAt, m);
        })]);
    }
}
