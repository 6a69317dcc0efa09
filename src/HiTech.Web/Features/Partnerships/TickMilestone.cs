namespace HiTech.Web.Features.Partnerships;

/// <summary>Either side marks a milestone done (today) or not done again, while the partnership is active.</summary>
public sealed class TickMilestone(AppDbContext db, TimeProvider clock, IStringLocalizer<PartnershipsText> l)
{
    public async Task<Outcome<Partnership>> ExecuteAsync(CurrentUser user, Guid id, Guid milestoneId, bool done, int? version, CancellationToken cancellationToken)
    {
        var (partnership, _, refused) = await PartnershipChecks.LoadForSideAsync(db, user, id, version, l, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (partnership!.Status != PartnershipStatus.Active)
        {
            return Outcome.Conflict(l["This partnership has ended: its milestones can no longer change"].Value, partnership);
        }

        var milestone = partnership.Milestones.FirstOrDefault(m => m.Id == milestoneId);
        if (milestone is null)
        {
            return Outcome.NotFound<Partnership>(l["There is no such milestone"]);
        }

        milestone.DoneOn = done ? PartnershipDates.Today(clock) : null;
        // The partnership's version covers its milestones: the other side's stale tick is a conflict.
        db.Entry(partnership).Property(p => p.Version).IsModified = true;
        return await PartnershipChecks.SaveAsync(db, partnership, l, cancellationToken);
    }
}

/// <summary>Dates of partnerships are days in India.</summary>
public static class PartnershipDates
{
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Ist).DateTime);

    /// <summary>A date typed in a form (a browser's date field sends yyyy-MM-dd; typed by hand, dd-MM-yyyy); false when it is no date.</summary>
    public static bool TryRead(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "dd-MM-yyyy"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        day = parsed;
        return true;
    }
}
