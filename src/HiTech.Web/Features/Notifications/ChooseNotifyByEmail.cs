namespace HiTech.Web.Features.Notifications;

/// <summary>Saves the user's choice: notifications by e-mail as well, or in the app only.</summary>
public sealed class ChooseNotifyByEmail(AppDbContext db, AuditLog audit)
{
    public async Task<Outcome<bool>> ExecuteAsync(CurrentUser user, bool byEmail, CancellationToken cancellationToken)
    {
        var account = await db.Users.FirstOrDefaultAsync(u => u.Id == user.RequiredId, cancellationToken);
        if (account is null)
        {
            return Outcome.NotFound<bool>();
        }

        if (account.NotifyByEmail != byEmail)
        {
            audit.Record(user, nameof(AppUser), account.Id.ToString(), AuditAction.Update, new { account.NotifyByEmail }, new { NotifyByEmail = byEmail });
            account.NotifyByEmail = byEmail;
            await db.SaveChangesAsync(cancellationToken);
        }

        return Outcome.Ok(byEmail);
    }

    public async Task<bool> CurrentAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => u.NotifyByEmail).FirstOrDefaultAsync(cancellationToken);
}
