namespace HiTech.Web.Features.Providers;

/// <summary>
/// "Withdraw and delete my profile" (DPDP Act 2023, erasure): the profile's contents and equipment are deleted, and
/// the accounts that answer for it lose their personal data (name, e-mail, password; they can no longer sign in and
/// every session ends). Kept, and why: the empty profile row with its kind and dates, because introductions and
/// partnerships an enterprise had with the provider are that enterprise's records too (they show "withdrawn
/// provider"); the audit log's entries, which never held a professional's personal fields (<see cref="ProviderAccess.Snapshot"/>)
/// and are hash-chained, so they cannot be edited; messages already sent through introductions, which are the
/// other side's correspondence. The account's notifications are deleted.
/// </summary>
public sealed class WithdrawProfile(AppDbContext db, ProviderAccess access, AuditLog audit, MatchingIndex index, IStringLocalizer<ProvidersText> l)
{
    public async Task<Outcome<Guid>> ExecuteAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        if (!user.IsProvider)
        {
            return Outcome.Forbidden<Guid>(l["Only a provider can withdraw a provider profile"]);
        }

        var provider = await access.OwnAsync(user, cancellationToken);
        if (provider is null)
        {
            return access.NoProfile<Guid>();
        }

        var before = ProviderAccess.Snapshot(provider);
        Erase(provider);
        var accounts = await db.Users.Where(u => u.ProviderId == provider.Id).ToListAsync(cancellationToken);
        foreach (var account in accounts)
        {
            EraseAccount(account);
        }

        var ids = accounts.Select(a => a.Id).ToList();
        db.Notifications.RemoveRange(await db.Notifications.Where(n => ids.Contains(n.UserId)).ToListAsync(cancellationToken));
        audit.Record(user, ProviderAccess.AuditEntity, provider.Id.ToString(), AuditAction.Withdraw, before, ProviderAccess.Snapshot(provider));
        await db.SaveChangesAsync(cancellationToken);
        index.Invalidate();
        return Outcome.Ok(provider.Id);
    }

    private static void Erase(Provider p)
    {
        p.Status = ProviderStatus.Withdrawn;
        p.Name = "";
        p.NicCodes = p.Stages = p.Certifications = p.Technologies = p.Languages = "";
        p.ServicesEn = p.ServicesMl = p.Skills = p.Sectors = p.Availability = p.RefusalReason = "";
        (p.Website, p.ContactEmail, p.YearsAbroad, p.TrlFrom, p.TrlTo, p.ConsentAt) = (null, null, null, null, null, null);
        p.Remote = false;
        p.Equipment.Clear();
    }

    /// <summary>The account keeps its id (the audit log names it) and nothing that identifies the person.</summary>
    private static void EraseAccount(AppUser account)
    {
        var erased = $"erased-{account.Id:N}@erased.invalid";
        account.UserName = account.Email = erased;
        account.NormalizedUserName = account.NormalizedEmail = erased.ToUpperInvariant();
        account.DisplayName = "";
        account.PasswordHash = null;
        account.PhoneNumber = null;
        account.EmailConfirmed = false;
        account.LockoutEnabled = true;
        account.LockoutEnd = DateTimeOffset.MaxValue;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.ConcurrencyStamp = Guid.NewGuid().ToString("N");
    }
}
