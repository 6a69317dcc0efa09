using System.Diagnostics;
using System.Globalization;
using System.Text;
using HiTech.ClusterBench;

// bench/cluster.sh runs this against a cluster from deploy/local-cluster.sh: seeds through nginx, warms up, runs the
// deadline-day mix at a fixed rate, kills one node half-way, reads every acknowledged change back through the other,
// and writes the figures (markdown) to --out. Exit code 1 if an acknowledged change was lost.
var options = BenchOptions.Parse(args);
using var web = new Web(options);
var world = new World();
await new Seeder(web, options, world).SeedAsync();

// Warm-up: a tenth of the run at the full rate (JIT, connection pools, PostgreSQL's caches), recorded apart.
var warmSeconds = Math.Clamp(options.Seconds / 10, 5, 30);
Console.WriteLine($"run: warming up for {warmSeconds} s");
var warm = new Recorder(warmSeconds);
await new Mix(web, world, warm).RunAsync(warmSeconds, options.Rate);
Console.WriteLine(warm.Table(warmSeconds));

var postmaster = Cpu.PostmasterPid(options.PostgresPidFile);
var ticks = options.ClockTicks;
var loadBefore = Cpu.LoadAverage();
var victimBefore = Cpu.Seconds(options.VictimPid, ticks);
var survivorBefore = Cpu.Seconds(options.SurvivorPid, ticks);
var postgresBefore = Cpu.PostgresSeconds(postmaster, ticks);
var victimAtKill = victimBefore;
double? killedAt = null;

var recorder = new Recorder(options.Seconds);
var mix = new Mix(web, world, recorder);
Console.WriteLine($"run: {options.Seconds} s at {options.Rate} requests/s through {options.Url}; node pid {options.VictimPid} killed at {options.KillAt} s");
var wall = Stopwatch.StartNew();
await mix.RunAsync(options.Seconds, options.Rate, second =>
{
    if (second == options.KillAt && options.KillAt > 0 && options.VictimPid > 0)
    {
        victimAtKill = Cpu.Seconds(options.VictimPid, ticks);
        using var victim = Process.GetProcessById(options.VictimPid);
        victim.Kill(); // SIGKILL: no graceful shutdown, connections cut mid-request
        killedAt = mix.Now;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run: killed node pid {options.VictimPid} at {killedAt:F2} s"));
    }
    else if (second % 30 == 0)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run: {second} s, {recorder.Total} answered or failed, load {Cpu.LoadAverage()}"));
    }
});
var elapsed = options.Seconds;
var appSeconds = (victimAtKill - victimBefore) + (Cpu.Seconds(options.SurvivorPid, ticks) - survivorBefore);
var postgresSeconds = Cpu.PostgresSeconds(postmaster, ticks) - postgresBefore;
var loadAfter = Cpu.LoadAverage();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run: done in {wall.Elapsed.TotalSeconds:F0} s (the last answers included); checking every acknowledged change through {options.SurvivorUrl}"));

using var survivor = web.Node(options.SurvivorUrl);
var lost = await mix.VerifyAsync(survivor);

var report = new StringBuilder();
var total = recorder.Succeeded;
report.AppendLine(recorder.Table(elapsed));
report.AppendLine(string.Create(CultureInfo.InvariantCulture,
    $"App CPU (both nodes, user + system, from /proc/<pid>/stat): {appSeconds:F1} s, **{appSeconds * 1000 / total:F2} ms per request answered 2xx** ({total} of {recorder.Total}). "
    + $"PostgreSQL CPU (the primary's postmaster and every backend): {postgresSeconds:F1} s, **{postgresSeconds * 1000 / total:F2} ms per request answered 2xx**. "
    + $"Load average before: {loadBefore}; after: {loadAfter}. Requests with nothing to work on, sent as certificate checks instead: {recorder.Substituted}."));
report.AppendLine();
if (killedAt is { } kill)
{
    var after = recorder.FailuresAfter(kill);
    var before = recorder.FailuresBefore(kill);
    var last = after.Count == 0 ? 0 : after[^1].At - kill;
    report.AppendLine(string.Create(CultureInfo.InvariantCulture,
        $"Node killed (kill -9, pid {options.VictimPid}) at {kill:F1} s. Failures before it: {before.Count}. After it: {after.Count} "
        + $"({string.Join(", ", after.GroupBy(f => $"{f.Endpoint}: {f.What}").Select(g => $"{g.Count()} {g.Key}"))}); "
        + $"{after.Count(f => f.At < kill + 5)} of them within 5 s of the kill, the last one {last * 1000:F0} ms after it (failures long after the kill are the "
        + $"surviving node falling behind, not routing: compare the seconds before it)."));
    report.AppendLine();
    report.AppendLine(recorder.AroundKill(kill));
}

report.AppendLine(string.Create(CultureInfo.InvariantCulture,
    $"Acknowledged changes (2xx: saves, submissions, takes, approvals, returns, introductions sent and answered): {mix.Acknowledged}; "
    + $"read back through the surviving node: **{lost.Count} lost**."));
foreach (var line in lost.Take(20))
{
    report.Append("- ").AppendLine(line);
}

var over = recorder.P99s().Where(p => p.P99 >= 50).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Endpoint} {p.P99:F0} ms")).ToList();
report.AppendLine();
report.AppendLine(over.Count == 0 ? "Goal (p99 under 50 ms on every endpoint): **met**." : "Goal (p99 under 50 ms on every endpoint): **missed** on " + string.Join("; ", over) + ".");
await File.WriteAllTextAsync(options.Out, report.ToString());
Console.WriteLine(report);
return lost.Count == 0 ? 0 : 1;
