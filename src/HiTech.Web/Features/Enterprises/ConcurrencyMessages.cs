using HiTech.Web.Data;
using HiTech.Web.Infrastructure.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HiTech.Web.Features.Enterprises;

/// <summary>
/// The words for a stale save: when the saved version was made (from the audit log), and that the user's
/// change was not saved, so nothing is lost silently.
/// </summary>
public sealed class ConcurrencyMessages(AppDbContext db, IStringLocalizer<EnterprisesText> l)
{
    public async Task<string> StaleAsync(string entity, Guid id, CancellationToken cancellationToken)
    {
        var key = id.ToString();
        var at = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Entity == entity && a.EntityId == key)
            .OrderByDescending(a => a.Id)
            .Select(a => (DateTimeOffset?)a.At)
            .FirstOrDefaultAsync(cancellationToken);
        return at is { } when
            ? l["Someone else saved a change to this at {0}, after you opened it. Your change has not been saved. Check what is saved now, then make your change again if it is still needed.", Fmt.DateTime(when)]
            : l["Someone else saved a change to this after you opened it. Your change has not been saved. Check what is saved now, then make your change again if it is still needed."];
    }

    /// <summary>For something that was removed meanwhile.</summary>
    public string Removed() => l["Someone else removed this after you opened it. Your change has not been saved."];
}
