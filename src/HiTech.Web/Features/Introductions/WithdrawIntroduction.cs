namespace HiTech.Web.Features.Introductions;

/// <summary>The side that sent an expression of interest takes it back, while it still waits for an answer.</summary>
public sealed class WithdrawIntroduction(AppDbContext db, AuditLog audit, TimeProvider clock, IntroductionNotices notices, IStringLocalizer<IntroductionsText> l)
{
    public async Task<Outcome<Introduction>> ExecuteAsync(CurrentUser user, Guid id, int? version, CancellationToken cancellationToken)
    {
        var introduction = await db.Introductions.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (introduction is null || !IntroductionAccess.MayRead(user, introduction))
        {
            return Outcome.NotFound<Introduction>(l["There is no such introduction"]);
        }

        var side = IntroductionAccess.SideOf(user, introduction);
        if (side is null || introduction.ActorOf(side.Value) != IntroductionActor.Sender)
        {
            return Outcome.Forbidden<Introduction>(l["Only the side that sent the expression of interest can withdraw it"]);
        }

        if (IntroductionVersion.Check(introduction, version, l) is { } refused)
        {
            return refused;
        }

        if (!introduction.CanApply(IntroductionMove.Withdraw, IntroductionActor.Sender))
        {
            return Outcome.Conflict<Introduction>(l["This introduction is no longer waiting for an answer"], introduction);
        }

        introduction.Apply(IntroductionMove.Withdraw, IntroductionActor.Sender, user.RequiredId, clock.GetUtcNow());
        audit.Record(user, nameof(Introduction), introduction.Id.ToString(), AuditAction.Update, new { Status = nameof(IntroductionStatus.Sent) }, new { Status = introduction.Status.ToString() });
        var names = await IntroductionNames.ReadAsync(db, introduction, cancellationToken);
        await notices.ToSideAsync(introduction, introduction.Receiver(), "introduction-withdrawn",
            l["{0} withdrew the expression of interest about “{1}”: no answer is needed."], [names.Of(side.Value), names.Need], cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Conflict<Introduction>(l["This introduction is no longer waiting for an answer"]);
        }

        return Outcome.Ok(introduction);
    }
}
