namespace HiTech.Web.Features.Introductions;

/// <summary>
/// The receiving side answers: accept (messages open, the need's private details open to the provider) or decline with
/// a reason (required: the sender learns why). Only once, and only while the introduction waits for an answer.
/// </summary>
public sealed class AnswerIntroduction(AppDbContext db, AuditLog audit, TimeProvider clock, IntroductionNotices notices, IStringLocalizer<IntroductionsText> l, IStringLocalizer<SharedResource> t)
{
    public async Task<Outcome<Introduction>> ExecuteAsync(CurrentUser user, Guid id, int? version, bool accept, string? reason, CancellationToken cancellationToken)
    {
        var introduction = await db.Introductions.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (introduction is null || !IntroductionAccess.MayRead(user, introduction))
        {
            return Outcome.NotFound<Introduction>(l["There is no such introduction"]);
        }

        var side = IntroductionAccess.SideOf(user, introduction);
        if (side is null || introduction.ActorOf(side.Value) != IntroductionActor.Receiver)
        {
            return Outcome.Forbidden<Introduction>(l["Only the side that received the expression of interest can answer it"]);
        }

        if (IntroductionVersion.Check(introduction, version, l) is { } refused)
        {
            return refused;
        }

        var move = accept ? IntroductionMove.Accept : IntroductionMove.Decline;
        if (!introduction.CanApply(move, IntroductionActor.Receiver))
        {
            return Outcome.Conflict<Introduction>(l["This introduction is no longer waiting for an answer"], introduction);
        }

        var checkedReason = "";
        if (!accept)
        {
            var errors = new Dictionary<string, string[]>();
            checkedReason = TextWords.Checked(errors, "reason", reason, t, multiline: true) ?? "";
            if (errors.Count == 0 && checkedReason.Length == 0)
            {
                errors["reason"] = [l["Say why you decline, so the other side knows what to do next"]];
            }
            else if (checkedReason.Length > 1000)
            {
                errors.TryAdd("reason", [l["Keep the reason under 1,000 characters"]]);
            }

            if (errors.Count > 0)
            {
                return Outcome.Invalid<Introduction>(errors);
            }
        }

        var before = introduction.Status.ToString();
        introduction.Apply(move, IntroductionActor.Receiver, user.RequiredId, clock.GetUtcNow(), checkedReason);
        audit.Record(user, nameof(Introduction), introduction.Id.ToString(), AuditAction.Update, new { Status = before }, new { Status = introduction.Status.ToString(), introduction.DeclineReason });
        var names = await IntroductionNames.ReadAsync(db, introduction, cancellationToken);
        if (accept)
        {
            await notices.ToSideAsync(introduction, introduction.SentBy, "introduction-accepted",
                l["{0} accepted the expression of interest about “{1}”. You can now write to each other on its page."], [names.Of(side.Value), names.Need], cancellationToken);
        }
        else
        {
            await notices.ToSideAsync(introduction, introduction.SentBy, "introduction-declined",
                l["{0} declined the expression of interest about “{1}”: {2}"], [names.Of(side.Value), names.Need, checkedReason], cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Answered, withdrawn or expired at the same moment: the first change stands.
            return Outcome.Conflict<Introduction>(l["This introduction is no longer waiting for an answer"]);
        }

        return Outcome.Ok(introduction);
    }
}
