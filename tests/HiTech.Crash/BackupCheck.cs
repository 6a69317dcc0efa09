namespace HiTech.Crash;

/// <summary>
/// The SQLite backup, restored: writes run while `backup --to FILE` copies the live database; the backup is
/// restored with `restore --from FILE` into an empty directory, the app is started on it, and every write
/// acknowledged before the backup began must be there (evidence files byte for byte). Restoring over an existing
/// database without --force must be refused.
/// </summary>
public static class BackupCheck
{
    public static async Task<int> RunAsync(string webDll, string work)
    {
        var up = Task.CompletedTask;
        using var live = new WebHost(webDll, Path.Combine(work, "live"), null);
        await live.StartAsync(CancellationToken.None);
        using var owner = new Api(live.Address, await Api.SignInAsync(live.Address, "owner@demo.local", "Demo#2025"), () => up);
        using var assessor = new Api(live.Address, await Api.SignInAsync(live.Address, "assessor@demo.local", "Demo#2025"), () => up);
        var organisation = (await owner.GetAsync("api/v1/organisations")).EnumerateArray().First().GetProperty("id").GetGuid();
        var workload = new Workload(owner, assessor, organisation);
        using var stop = new CancellationTokenSource();
        var clients = workload.RunAsync([2015, 2016, 2017, 2018, 2019], stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(6));

        // The ledger before the backup starts; the clients keep writing while it runs.
        var before = workload.Frozen(owner, assessor);
        var archive = Path.Combine(work, "hitech-backup.tar.gz");
        var (backupExit, backupOutput) = await live.RunCommandAsync(["backup", "--to", archive], CancellationToken.None);
        Console.Write(backupOutput);
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await clients;
        var writtenDuring = workload.Acknowledged - before.Acknowledged;
        live.Kill();
        if (backupExit != 0)
        {
            Console.WriteLine($"backup: the backup command failed with exit code {backupExit}");
            return 1;
        }

        using var restored = new WebHost(webDll, Path.Combine(work, "restored"), null);
        var (restoreExit, restoreOutput) = await restored.RunCommandAsync(["restore", "--from", archive], CancellationToken.None);
        Console.Write(restoreOutput);
        var (againExit, againOutput) = await restored.RunCommandAsync(["restore", "--from", archive], CancellationToken.None);
        Console.Write(againOutput);
        if (restoreExit != 0 || againExit == 0)
        {
            Console.WriteLine($"backup: restore answered {restoreExit}, and restoring over it without --force answered {againExit} (expected 0, then not 0)");
            return 1;
        }

        await restored.StartAsync(CancellationToken.None);
        using var restoredOwner = new Api(restored.Address, await Api.SignInAsync(restored.Address, "owner@demo.local", "Demo#2025"), () => up);
        using var restoredAssessor = new Api(restored.Address, await Api.SignInAsync(restored.Address, "assessor@demo.local", "Demo#2025"), () => up);
        var lost = await before.Frozen(restoredOwner, restoredAssessor).VerifyAsync(quiet: false, downloads: true);
        foreach (var line in lost)
        {
            Console.WriteLine($"  LOST: {line}");
        }

        Console.WriteLine($"backup: restored a backup taken while writing ({before.Acknowledged} writes acknowledged before it, {writtenDuring} during and after it); {lost.Count} missing or doubled");
        return lost.Count == 0 ? 0 : 1;
    }
}
