namespace HiTech.Web.Kernel;

/// <summary>
/// Working days (Monday to Friday) as people in Kerala count them: a day is a weekday in India Standard Time. Public
/// holidays are not counted out (they vary by district and year); a commitment of 5 working days is a calendar week.
/// </summary>
public static class WorkingDays
{
    private static readonly TimeSpan India = TimeSpan.FromHours(5.5);

    /// <summary>The moment <paramref name="days"/> working days after <paramref name="from"/>, at the same time of day (from a weekend, counting starts on Monday).</summary>
    public static DateTimeOffset Add(DateTimeOffset from, int days)
    {
        var local = from.ToOffset(India);
        while (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            local = local.AddDays(1);
        }

        for (var added = 0; added < days;)
        {
            local = local.AddDays(1);
            if (local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                added++;
            }
        }

        return local.ToUniversalTime();
    }
}
