using System.Globalization;

namespace HiTech.ClusterBench;

/// <summary>CPU time from /proc, as bench/web.sh measures it: user + system seconds of a process (and what it has reaped).</summary>
public static class Cpu
{
    /// <summary>utime + stime (and cutime + cstime with <paramref name="reaped"/>) in seconds; 0 if the process is gone.</summary>
    public static double Seconds(int pid, int ticks, bool reaped = false)
    {
        var fields = Fields(pid);
        if (fields is null)
        {
            return 0;
        }

        // After the command's closing parenthesis: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime.
        var sum = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        if (reaped)
        {
            sum += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
        }

        return (double)sum / ticks;
    }

    /// <summary>
    /// All of a PostgreSQL server: the postmaster, its live children, and the children it has already reaped (backends
    /// that ended count in the postmaster's cutime/cstime).
    /// </summary>
    public static double PostgresSeconds(int postmaster, int ticks)
    {
        var total = Seconds(postmaster, ticks, reaped: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid != postmaster
                && Fields(pid) is { } f && f[1] == postmaster.ToString(CultureInfo.InvariantCulture))
            {
                total += Seconds(pid, ticks);
            }
        }

        return total;
    }

    public static int PostmasterPid(string pidFile) => int.Parse(File.ReadLines(pidFile).First().Trim(), CultureInfo.InvariantCulture);

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
