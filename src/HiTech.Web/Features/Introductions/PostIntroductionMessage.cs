namespace HiTech.Web.Features.Introductions;

/// <summary>A message from one side to the other, once the introduction is accepted; the other side is notified.</summary>
public sealed class PostIntroductionMessage(AppDbContext db, TimeProvider clock, IntroductionNotices notices, IStringLocalizer<IntroductionsText> l, IStringLocalizer<SharedResource> t)
{
    public async Task<Outcome<IntroductionMessage>> ExecuteAsync(CurrentUser user, Guid id, string? body, CancellationToken cancellationToken)
    {
        var introduction = await db.Introductions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (introduction is null || !IntroductionAccess.MayRead(user, introduction))
        {
            return Outcome.NotFound<IntroductionMessage>(l["There is no such introduction"]);
        }

        if (IntroductionAccess.SideOf(user, introduction) is not { } side)
        {
            return Outcome.Forbidden<IntroductionMessage>(l["Only the two sides of an introduction write to each other"]);
        }

        if (introduction.Status != IntroductionStatus.Accepted)
        {
            return Outcome.Conflict<IntroductionMessage>(l["Messages open once the expression of interest is accepted"]);
        }

        var errors = new Dictionary<string, string[]>();
        var text = TextWords.Checked(errors, "body", body, t, multiline: true) ?? "";
        if (errors.Count == 0 && text.Length == 0)
        {
            errors["body"] = [l["Write your message"]];
        }
        else if (text.Length > 4000)
        {
            errors.TryAdd("body", [l["Keep a message under 4,000 characters"]]);
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<IntroductionMessage>(errors);
        }

        var message = new IntroductionMessage { Id = Guid.NewGuid(), IntroductionId = introduction.Id, SenderId = user.RequiredId, Side = side, Body = text, SentAt = clock.GetUtcNow() };
        db.IntroductionMessages.Add(message);
        var names = await IntroductionNames.ReadAsync(db, introduction, cancellationToken);
        var other = side == IntroductionSide.Enterprise ? IntroductionSide.Provider : IntroductionSide.Enterprise;
        await notices.ToSideAsync(introduction, other, "introduction-message", l["{0} wrote to you about “{1}”."], [names.Of(side), names.Need], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(message);
    }
}
