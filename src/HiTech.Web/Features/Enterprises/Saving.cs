namespace HiTech.Web.Features.Enterprises;

/// <summary>Saves with optimistic concurrency: a stale save is reported, never applied.</summary>
internal static class Saving
{
    /// <summary>
    /// Makes the save conditional on the version the user read: EF Core adds "AND Version = @read" to the
    /// UPDATE or DELETE, so a change saved meanwhile makes it fail with <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    public static void ExpectVersion<TEntity>(AppDbContext db, TEntity entity, int read)
        where TEntity : class => db.Entry(entity).Property("Version").OriginalValue = read;

    /// <summary>False when someone else saved (or removed) the row first; the change tracker is then cleared.</summary>
    public static async Task<bool> TrySaveAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Today in Kerala: the date the MSME limits are applied on.</summary>
    public static DateOnly TodayInIndia(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(5.5)).DateTime);
}
