namespace HiTech.Web.Features.Introductions;

/// <summary>One introduction as its reader may see it, and what that reader may do with it now.</summary>
public sealed record IntroductionView(
    Introduction Introduction,
    IntroductionSide? MySide,
    IntroductionNames Names,
    string HelpKind,
    string District,
    string? PrivateDetails,
    int ProviderResponseDays,
    IReadOnlyList<IntroductionMessage> Messages)
{
    public bool CanAnswer => MySide is { } side && Introduction.ActorOf(side) == IntroductionActor.Receiver && Introduction.CanApply(IntroductionMove.Accept, IntroductionActor.Receiver);

    public bool CanWithdraw => MySide is { } side && Introduction.ActorOf(side) == IntroductionActor.Sender && Introduction.CanApply(IntroductionMove.Withdraw, IntroductionActor.Sender);

    public bool CanWrite => MySide is not null && Introduction.Status == IntroductionStatus.Accepted;
}

/// <summary>
/// Reads one introduction for its two sides (and officers, read only). The need's private details show to the
/// provider only once the introduction is accepted; the enterprise always sees its own.
/// </summary>
public sealed class GetIntroduction(AppDbContext db, IStringLocalizer<IntroductionsText> l)
{
    public async Task<Outcome<IntroductionView>> ExecuteAsync(CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        var introduction = await db.Introductions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (introduction is null || !IntroductionAccess.MayRead(user, introduction))
        {
            return Outcome.NotFound<IntroductionView>(l["There is no such introduction"]);
        }

        var side = IntroductionAccess.SideOf(user, introduction);
        var need = await db.Needs.AsNoTracking().Where(n => n.Id == introduction.NeedId)
            .Select(n => new { n.Summary, n.PrivateDetails, n.HelpKind, n.District }).FirstAsync(cancellationToken);
        var provider = await db.Providers.AsNoTracking().Where(p => p.Id == introduction.ProviderId).Select(p => new { p.Name, p.ResponseDays }).FirstAsync(cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == introduction.OrganisationId).Select(o => o.Name).FirstAsync(cancellationToken);
        // Ordered in memory: SQLite cannot ORDER BY a DateTimeOffset, and a thread is short.
        var opened = side == IntroductionSide.Enterprise || (side == IntroductionSide.Provider && introduction.Status == IntroductionStatus.Accepted);
        var messages = side is null && !user.IsAdmin
            ? []
            : (await db.IntroductionMessages.AsNoTracking().Where(m => m.IntroductionId == id).ToListAsync(cancellationToken)).OrderBy(m => m.SentAt).ToList();
        return Outcome.Ok(new IntroductionView(
            introduction, side, new IntroductionNames(organisation, provider.Name, need.Summary), need.HelpKind, need.District,
            opened ? need.PrivateDetails : null, provider.ResponseDays, messages));
    }
}
