namespace HiTech.Web.Kernel;

/// <summary>
/// Working time as the platform counts it: Monday to Friday on India Standard Time (UTC+05:30, no daylight saving).
/// A provider's response commitment and its measured response time are both in these days. Public holidays are not
/// counted out (they vary by district and year).
/// </summary>
public static class WorkingDays
{
    private static readonly TimeSpan Ist = new(5, 30, 0);

    /// <summary>The working days between two instants, with fractions (Friday 16:00 to Monday 10:00 is 0.75); 0 when <paramref name="to"/> is not later.</summary>
    public static double Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return 0;
        }

        var start = from.ToOffset(Ist).DateTime;
        var end = to.ToOffset(Ist).DateTime;
        double days = 0;
        for (var day = start.Date; day < end; day = day.AddDays(1))
        {
            if (IsWorkingDay(DateOnly.FromDateTime(day)))
            {
                var a = day < start ? start : day;
                var b = day.AddDays(1) > end ? end : day.AddDays(1);
                days += (b - a).TotalDays;
            }
        }

        return days;
    }

    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The moment <paramref name="days"/> working days after <paramref name="from"/>, at the same time of day (from a weekend, counting starts on Monday).</summary>
    public static DateTimeOffset Add(DateTimeOffset from, int days)
    {
        var local = from.ToOffset(Ist);
        while (!IsWorkingDay(DateOnly.FromDateTime(local.DateTime)))
        {
            local = local.AddDays(1);
        }

        for (var added = 0; added < days;)
        {
            local = local.AddDays(1);
            if (IsWorkingDay(DateOnly.FromDateTime(local.DateTime)))
            {
                added++;
            }
        }

        return local.ToUniversalTime();
    }
}
