using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace HiTech.Crash;

/// <summary>
/// A bounded mix of writes by several clients at once (units added, evidence uploaded, inputs saved, assessments
/// started, submitted, taken and approved), and the ledger of every write the server acknowledged, to check after
/// each crash that each one is there exactly once.
/// </summary>
public sealed class Workload(Api owner, Api assessor, Guid organisation)
{
    /// <summary>Values the engine accepts for a submission (the same as the web tests').</summary>
    private static readonly Dictionary<string, object?> Filled = new(StringComparer.Ordinal)
    {
        ["turnover"] = 30_000_000,
        ["value_added"] = 9_000_000,
        ["employees"] = 25,
        ["rd_spend"] = 1_500_000,
        ["rd_staff"] = 3,
        ["dsir_rd_unit"] = false,
        ["high_value_stage_share"] = 0.3,
        ["stem_staff"] = 8,
        ["digital_maturity"] = 55,
        ["export_revenue"] = 0,
        ["certifications"] = new[] { "iso9001" },
    };

    private readonly ConcurrentBag<string> _units = [];
    private readonly ConcurrentDictionary<string, (Guid Assessment, Guid File, byte[] Content)> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, int> _savedVersions = new();
    private readonly ConcurrentDictionary<Guid, int> _savedEmployees = new();
    private readonly ConcurrentBag<Guid> _started = [];
    private readonly ConcurrentBag<Guid> _approved = [];
    private readonly ConcurrentBag<string> _refusals = [];
    private int _sequence;

    private int _acknowledged;

    /// <summary>How many writes the server acknowledged (2xx).</summary>
    public int Acknowledged => _acknowledged;

    public string Summary => $"{_units.Count} units, {_files.Count} evidence files, {_started.Count} assessments started, {_approved.Count} approved, saves up to versions [{string.Join(", ", _savedVersions.Values)}]";

    public IReadOnlyCollection<string> Refusals => _refusals;

    /// <summary>Runs the clients until <paramref name="stop"/>; each finishes the write it is in (through crashes) first.</summary>
    public Task RunAsync(int[] years, CancellationToken stop) =>
        Task.WhenAll(OwnerAsync(years[0], stop), OwnerAsync(years[1], stop), ReviewsAsync(years[2..], stop));

    /// <summary>Each acknowledged write is there, once; after <paramref name="quiet"/> (no client running) also the last saved values.</summary>
    public async Task<List<string>> VerifyAsync(bool quiet, bool downloads = false)
    {
        // The ledger first, then the server: a write acknowledged while the check runs is checked the next time.
        var units = _units.ToList();
        var filesByAssessment = _files.GroupBy(f => f.Value.Assessment).Select(g => (g.Key, g.ToList())).ToList();
        var savedVersions = _savedVersions.ToList();
        var started = _started.ToList();
        var approved = _approved.ToList();
        var lost = new List<string>();
        var detail = await owner.GetAsync($"api/v1/organisations/{organisation}");
        var unitNames = detail.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("name").GetString()!).ToList();
        foreach (var name in units)
        {
            var count = unitNames.Count(n => n == name);
            if (count != 1)
            {
                lost.Add($"unit {name}: {count} times");
            }
        }

        foreach (var (assessment, files) in filesByAssessment)
        {
            var read = await owner.GetAsync($"api/v1/assessments/{assessment}");
            var names = read.GetProperty("inputs").EnumerateArray().SelectMany(i => i.GetProperty("files").EnumerateArray()).Select(f => f.GetProperty("fileName").GetString()!).ToList();
            foreach (var (name, kept) in files)
            {
                var count = names.Count(n => n == name);
                if (count != 1)
                {
                    lost.Add($"evidence {name}: {count} times");
                }
                else if ((quiet || downloads) && await owner.DownloadAsync($"api/v1/assessments/{assessment}/evidence/{kept.File}") is var bytes && (bytes is null || !bytes.AsSpan().SequenceEqual(kept.Content)))
                {
                    lost.Add($"evidence {name}: its file is {(bytes is null ? "missing" : "different")}");
                }
            }
        }

        foreach (var (assessment, version) in savedVersions)
        {
            var read = await owner.GetAsync($"api/v1/assessments/{assessment}");
            if (read.GetProperty("version").GetInt32() < version)
            {
                lost.Add($"assessment {assessment}: version {read.GetProperty("version").GetInt32()} is older than the acknowledged {version}");
            }

            var employees = read.GetProperty("inputs").EnumerateArray().First(i => i.GetProperty("id").GetString() == "employees").GetProperty("value");
            if (quiet && _savedEmployees.TryGetValue(assessment, out var expected) && (employees.ValueKind != JsonValueKind.Number || employees.GetDecimal() != expected))
            {
                lost.Add($"assessment {assessment}: employees {employees} instead of the last saved {expected}");
            }
        }

        var list = await owner.GetAsync("api/v1/assessments?pageSize=200");
        var listed = list.GetProperty("items").EnumerateArray().ToDictionary(a => a.GetProperty("id").GetGuid(), a => a.GetProperty("status").GetString());
        lost.AddRange(started.Where(id => !listed.ContainsKey(id)).Select(id => $"assessment {id}: started, not there"));
        lost.AddRange(approved.Where(id => listed.GetValueOrDefault(id) != "approved").Select(id => $"assessment {id}: approved, now {listed.GetValueOrDefault(id)}"));
        var perYear = list.GetProperty("items").EnumerateArray().GroupBy(a => a.GetProperty("year").GetInt32()).Where(g => g.Count() > 1);
        lost.AddRange(perYear.Select(g => $"year {g.Key}: {g.Count()} assessments"));
        return lost;
    }

    /// <summary>The ledger as it is now, checked through other clients (e.g. against a restored backup).</summary>
    public Workload Frozen(Api otherOwner, Api otherAssessor)
    {
        var copy = new Workload(otherOwner, otherAssessor, organisation);
        foreach (var unit in _units)
        {
            copy._units.Add(unit);
        }

        foreach (var (name, file) in _files)
        {
            copy._files[name] = file;
        }

        foreach (var (id, version) in _savedVersions)
        {
            copy._savedVersions[id] = version;
        }

        foreach (var id in _started)
        {
            copy._started.Add(id);
        }

        foreach (var id in _approved)
        {
            copy._approved.Add(id);
        }

        copy._acknowledged = _acknowledged;
        return copy;
    }

    private string Next(string what) => $"crash-{what}-{Interlocked.Increment(ref _sequence)}";

    private async Task<Guid> StartAsync(int year)
    {
        var (status, body) = await owner.PostJsonAsync("api/v1/assessments", new { organisationId = organisation, year });
        if (status == HttpStatusCode.Created)
        {
            var id = body.GetProperty("id").GetGuid();
            _started.Add(id);
            Interlocked.Increment(ref _acknowledged);
            return id;
        }

        // Started before this run's ledger (a second run on the same data): use it.
        return status == HttpStatusCode.Conflict ? body.GetProperty("assessmentId").GetGuid() : throw new InvalidOperationException($"Start {year}: {(int)status} {body}");
    }

    private async Task<int> SaveAsync(Guid id, int version, Dictionary<string, object?> inputs)
    {
        var (status, body) = await owner.PutJsonAsync($"api/v1/assessments/{id}/inputs", new { version, inputs });
        if (status != HttpStatusCode.OK)
        {
            _refusals.Add($"save {id}: {(int)status}");
            return (await owner.GetAsync($"api/v1/assessments/{id}")).GetProperty("version").GetInt32();
        }

        var saved = body.GetProperty("version").GetInt32();
        _savedVersions[id] = saved;
        Interlocked.Increment(ref _acknowledged);
        if (inputs.TryGetValue("employees", out var employees) && employees is int count)
        {
            _savedEmployees[id] = count;
        }

        return saved;
    }

    /// <summary>An enterprise owner's desk: adds units, uploads evidence and saves inputs on one draft, over and over.</summary>
    private async Task OwnerAsync(int year, CancellationToken stop)
    {
        var id = await StartAsync(year);
        var version = (await owner.GetAsync($"api/v1/assessments/{id}")).GetProperty("version").GetInt32();
        var round = 0;
        while (!stop.IsCancellationRequested)
        {
            round++;
            var unit = Next("unit");
            var (added, _) = await owner.PostJsonAsync($"api/v1/organisations/{organisation}/units", new { name = unit, district = "Ernakulam", address = "Kakkanad", investmentInr = 1_000_000, turnoverInr = 5_000_000 });
            if (added == HttpStatusCode.Created)
            {
                _units.Add(unit);
                Interlocked.Increment(ref _acknowledged);
            }
            else
            {
                _refusals.Add($"unit: {(int)added}");
            }

            var name = Next("evidence") + ".pdf";
            var content = Api.Pdf(name);
            var (uploaded, file) = await owner.ChangeAsync(HttpMethod.Post, $"api/v1/assessments/{id}/evidence", () => Api.Upload("turnover", name, content));
            if (uploaded == HttpStatusCode.Created)
            {
                _files[name] = (id, file.GetProperty("id").GetGuid(), content);
                Interlocked.Increment(ref _acknowledged);
            }
            else
            {
                _refusals.Add($"evidence: {(int)uploaded}");
            }

            version = await SaveAsync(id, version, new Dictionary<string, object?>(StringComparer.Ordinal) { ["employees"] = 10 + round });
        }
    }

    /// <summary>A year's full round: started, filled, submitted, taken and approved; then the next year.</summary>
    private async Task ReviewsAsync(int[] years, CancellationToken stop)
    {
        foreach (var year in years)
        {
            if (stop.IsCancellationRequested)
            {
                return;
            }

            var id = await StartAsync(year);
            var read = await owner.GetAsync($"api/v1/assessments/{id}");
            if (read.GetProperty("status").GetString() != "draft")
            {
                continue;
            }

            var version = await SaveAsync(id, read.GetProperty("version").GetInt32(), Filled);
            var (submitted, _) = await owner.PostJsonAsync($"api/v1/assessments/{id}/submit", new { version });
            if (submitted != HttpStatusCode.OK)
            {
                _refusals.Add($"submit {year}: {(int)submitted}");
                continue;
            }

            var (taken, decision) = await assessor.ChangeAsync(HttpMethod.Post, $"api/v1/reviews/{id}/take", () => new StringContent(""));
            if (taken != HttpStatusCode.OK)
            {
                _refusals.Add($"take {year}: {(int)taken}");
                continue;
            }

            var (approved, _) = await assessor.PostJsonAsync($"api/v1/reviews/{id}/approve", new { version = decision.GetProperty("version").GetInt32(), comments = "Checked against the audited accounts." });
            if (approved == HttpStatusCode.OK)
            {
                _approved.Add(id);
                Interlocked.Increment(ref _acknowledged);
            }
            else
            {
                _refusals.Add($"approve {year}: {(int)approved}");
            }
        }
    }
}
