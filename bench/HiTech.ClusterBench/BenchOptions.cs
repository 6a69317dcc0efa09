using System.Globalization;

namespace HiTech.ClusterBench;

/// <summary>What bench/cluster.sh passes: the cluster's addresses and processes, the first administrator, and the run's shape.</summary>
public sealed record BenchOptions
{
    public required Uri Url { get; init; }

    /// <summary>The node that survives: every acknowledged write is read back through it.</summary>
    public required Uri SurvivorUrl { get; init; }

    public required int VictimPid { get; init; }

    public required int SurvivorPid { get; init; }

    public required string PostgresPidFile { get; init; }

    public required string AdminEmail { get; init; }

    public required string AdminPassword { get; init; }

    /// <summary>Where the administrator's new password is written (the one-time password is used up by the bench).</summary>
    public required string AdminPasswordOut { get; init; }

    /// <summary>nginx's self-signed certificate: the only one trusted besides the system's.</summary>
    public string? TlsCertificate { get; init; }

    public int Seconds { get; init; } = 600;

    public int Rate { get; init; } = 300;

    /// <summary>When the victim is killed, in seconds from the start of the measured run (0: never).</summary>
    public int KillAt { get; init; } = 300;

    public int Enterprises { get; init; } = 20;

    public int Providers { get; init; } = 6;

    public int Assessors { get; init; } = 3;

    public int NeedsPerEnterprise { get; init; } = 15;

    public int ClockTicks { get; init; } = 100;

    public required string Out { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Need(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var seconds = Int("seconds", 600);
        return new BenchOptions
        {
            Url = new Uri(Need("url").TrimEnd('/') + "/"),
            SurvivorUrl = new Uri(Need("survivor-url").TrimEnd('/') + "/"),
            VictimPid = Int("victim-pid", 0),
            SurvivorPid = Int("survivor-pid", 0),
            PostgresPidFile = Need("postgres-pid-file"),
            AdminEmail = Need("admin-email"),
            AdminPassword = Need("admin-password"),
            AdminPasswordOut = Need("admin-password-out"),
            TlsCertificate = values.GetValueOrDefault("tls-cert"),
            Seconds = seconds,
            Rate = Int("rate", 300),
            KillAt = Int("kill-at", seconds / 2),
            Enterprises = Int("enterprises", 20),
            Providers = Int("providers", 6),
            Assessors = Int("assessors", 3),
            NeedsPerEnterprise = Int("needs", 15),
            ClockTicks = Int("clock-ticks", 100),
            Out = Need("out"),
        };
    }
}
