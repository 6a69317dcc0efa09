using System.Diagnostics;
using System.Globalization;
using HiTech.Crash;
using Microsoft.Data.Sqlite;
using Npgsql;

// Crash safety and backup, against the built web host (docs/crash-safety.md):
//   dotnet HiTech.Crash.dll crash --db sqlite|postgres [--cycles 100] [--postgres "Host=...;Username=..."] [--seed 1]
//   dotnet HiTech.Crash.dll backup --db sqlite
// Exit code 0 only when every acknowledged write survived every crash (or the restored backup holds them all).
var mode = args.FirstOrDefault() ?? "crash";
string? Option(string name) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
var db = Option("--db") ?? "sqlite";
var cycles = int.Parse(Option("--cycles") ?? "100", CultureInfo.InvariantCulture);
var random = new Random(int.Parse(Option("--seed") ?? "1", CultureInfo.InvariantCulture));
var webDll = Path.GetFullPath(Option("--web") ?? Path.Combine(AppContext.BaseDirectory, "../../../../../src/HiTech.Web/bin/Debug/net10.0/HiTech.Web.dll"));
if (!File.Exists(webDll))
{
    Console.Error.WriteLine($"crash: no web host at {webDll}; build src/HiTech.Web first or pass --web");
    return 2;
}

var work = Directory.CreateTempSubdirectory("hitech-crash-");
string? postgres = null;
string? databaseName = null;
if (db == "postgres")
{
    var server = Option("--postgres") ?? Environment.GetEnvironmentVariable("HITECH_TEST_POSTGRES")
        ?? throw new InvalidOperationException("crash: --db postgres needs --postgres or HITECH_TEST_POSTGRES");
    databaseName = $"hitech_crash_{Guid.NewGuid():N}"[..30];
    await using (var admin = new NpgsqlConnection(server))
    {
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {databaseName}", admin);
        await create.ExecuteNonQueryAsync();
    }

    postgres = new NpgsqlConnectionStringBuilder(server) { Database = databaseName }.ToString();
}

var clock = Stopwatch.StartNew();
try
{
    return mode == "backup" ? await BackupCheck.RunAsync(webDll, work.FullName) : await CrashAsync();
}
finally
{
    work.Delete(recursive: true);
    if (databaseName is not null)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Option("--postgres") ?? Environment.GetEnvironmentVariable("HITECH_TEST_POSTGRES"));
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}

async Task<int> CrashAsync()
{
    using var host = new WebHost(webDll, Path.Combine(work.FullName, "data"), postgres);
    var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    Task ServerUp() => up.Task;
    await host.StartAsync(CancellationToken.None);
    up.SetResult();
    using var owner = new Api(host.Address, await Api.SignInAsync(host.Address, "owner@demo.local", "Demo#2025"), ServerUp);
    using var assessor = new Api(host.Address, await Api.SignInAsync(host.Address, "assessor@demo.local", "Demo#2025"), ServerUp);
    var organisation = (await owner.GetAsync("api/v1/organisations")).EnumerateArray().First().GetProperty("id").GetGuid();
    var workload = new Workload(owner, assessor, organisation);
    using var stop = new CancellationTokenSource();
    var clients = workload.RunAsync([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022], stop.Token);
    var lostTotal = 0;
    for (var cycle = 1; cycle <= cycles; cycle++)
    {
        // Writes run for a random while after the restarted server acknowledges its first one (a loaded machine
        // can take seconds to warm up), then the server dies mid-request.
        var acknowledgedBefore = workload.Acknowledged;
        var warming = Stopwatch.StartNew();
        while (workload.Acknowledged == acknowledgedBefore && warming.Elapsed < TimeSpan.FromSeconds(60) && !clients.IsCompleted)
        {
            await Task.Delay(50);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 2500)));
        if (clients.IsFaulted)
        {
            await clients;
        }

        up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Kill();
        var integrity = await IntegrityAsync(host);
        await host.StartAsync(CancellationToken.None);
        up.SetResult();
        var lost = await workload.VerifyAsync(quiet: false);
        lostTotal += lost.Count;
        Console.WriteLine($"cycle {cycle}/{cycles}: integrity {integrity}; {workload.Acknowledged} writes acknowledged so far, {lost.Count} lost or doubled");
        foreach (var line in lost)
        {
            Console.WriteLine($"  LOST: {line}");
        }

        if (integrity != "ok")
        {
            lostTotal++;
        }
    }

    await stop.CancelAsync();
    await clients;
    var final = await workload.VerifyAsync(quiet: true);
    lostTotal += final.Count;
    foreach (var line in final)
    {
        Console.WriteLine($"  LOST: {line}");
    }

    Console.WriteLine($"crash ({db}): {cycles} kill -9 cycles in {clock.Elapsed.TotalMinutes:0.0} min; {workload.Acknowledged} acknowledged writes ({workload.Summary}); "
        + $"{owner.Retries + assessor.Retries} requests sent again; {workload.Refusals.Count} refusals; {lostTotal} lost, doubled or failed checks");
    foreach (var refusal in workload.Refusals.GroupBy(r => r).Select(g => $"{g.Key} x{g.Count()}"))
    {
        Console.WriteLine($"  refused: {refusal}");
    }

    return lostTotal == 0 ? 0 : 1;
}

// SQLite: the file as the killed process left it must pass integrity_check. PostgreSQL: every B-tree index of the
// platform's tables is consistent with its table (amcheck).
static async Task<string> IntegrityAsync(WebHost host)
{
    if (host.Postgres is null)
    {
        await using var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = host.SqliteFile, Pooling = false }.ToString());
        await sqlite.OpenAsync();
        await using var check = new SqliteCommand("PRAGMA integrity_check;", sqlite);
        return (string?)await check.ExecuteScalarAsync() ?? "no answer";
    }

    await using var pg = new NpgsqlConnection(host.Postgres);
    await pg.OpenAsync();
    await using var command = new NpgsqlCommand("""
        CREATE EXTENSION IF NOT EXISTS amcheck;
        SELECT count(bt_index_check(c.oid, true)) FROM pg_index i
          JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE a.amname = 'btree' AND n.nspname = 'public';
        """, pg);
    // bt_index_check raises an error on the first inconsistency it finds.
    await command.ExecuteScalarAsync();
    return "ok";
}
