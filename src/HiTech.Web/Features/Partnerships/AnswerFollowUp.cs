namespace HiTech.Web.Features.Partnerships;

/// <summary>One side answers the platform's 30- or 90-day question: how the partnership is going, and a note.</summary>
public sealed class AnswerFollowUp(AppDbContext db, TimeProvider clock, IStringLocalizer<PartnershipsText> l)
{
    public static readonly IReadOnlyList<string> Progresses = ["on-track", "delayed", "completed", "stopped"];

    public const int MaxNote = 2000;

    public async Task<Outcome<PartnershipFollowUp>> ExecuteAsync(CurrentUser user, Guid id, Guid followUpId, string? progress, string? note, CancellationToken cancellationToken)
    {
        var partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        var followUp = partnership is null ? null : await db.PartnershipFollowUps.FirstOrDefaultAsync(f => f.Id == followUpId && f.PartnershipId == id, cancellationToken);
        if (partnership is null || followUp is null || !PartnershipAccess.MayRead(user, partnership))
        {
            return Outcome.NotFound<PartnershipFollowUp>(l["There is no such follow-up"]);
        }

        if (PartnershipAccess.SideOf(user, partnership) != followUp.Side)
        {
            return Outcome.Forbidden<PartnershipFollowUp>(l["This question is for the other side of the partnership"]);
        }

        var chosen = progress?.Trim().ToLowerInvariant();
        if (chosen is null || !Progresses.Contains(chosen))
        {
            return Outcome.Invalid<PartnershipFollowUp>("progress", l["Say how it is going: on track, delayed, completed or stopped"]);
        }

        if ((note?.Trim().Length ?? 0) > MaxNote)
        {
            return Outcome.Invalid<PartnershipFollowUp>("note", l["The note is at most {0} characters", MaxNote]);
        }

        if (followUp.AnsweredAt is not null)
        {
            return Outcome.Conflict(l["Your side has already answered this follow-up"].Value, followUp);
        }

        followUp.Progress = chosen;
        followUp.Note = note?.Trim() ?? "";
        followUp.AnsweredAt = clock.GetUtcNow();
        followUp.AnsweredBy = user.RequiredId;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(followUp);
    }
}
