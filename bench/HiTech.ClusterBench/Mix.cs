using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace HiTech.ClusterBench;

/// <summary>One request of the deadline-day mix; each is one endpoint.</summary>
public enum Operation
{
    VerifyCertificate,
    SaveInputs,
    ReadAssessment,
    Dashboard,
    ReviewQueue,
    Submit,
    Take,
    Approve,
    Return,
    SendIntroduction,
    AnswerIntroduction,
    ProviderInbox,
}

/// <summary>
/// The deadline day at a fixed total rate, open loop (each request has its scheduled time; latency counts from it, so a
/// slow server cannot slow the clients down and hide its queue). Requests are drawn by weight; one that has nothing to
/// work on (no draft free, nothing submitted) becomes a certificate check and is counted as substituted. An assessment or
/// introduction is touched by one request at a time, as by one person. A change that got no answer, or a 5xx, leaves
/// its object uncertain: it is read back (through nginx) before it is used again, and what was acknowledged before must
/// still be there.
/// </summary>
public sealed class Mix(Web web, World world, Recorder recorder)
{
    /// <summary>Per 1,000 requests. Approvals are rare (each uses an assessment up); returns keep assessments in circulation.</summary>
    public static readonly (Operation Operation, int Weight, string Endpoint)[] Weights =
    [
        (Operation.VerifyCertificate, 335, "GET /api/v1/certificates/{id}/verify (public)"),
        (Operation.SaveInputs, 250, "PUT /api/v1/assessments/{id}/inputs (enterprise)"),
        (Operation.ReadAssessment, 100, "GET /api/v1/assessments/{id} (enterprise)"),
        (Operation.Dashboard, 50, "GET /api/v1/analytics/dashboard (analyst)"),
        (Operation.ReviewQueue, 50, "GET /api/v1/reviews (assessor)"),
        (Operation.Submit, 60, "POST /api/v1/assessments/{id}/submit (enterprise)"),
        (Operation.Take, 60, "POST /api/v1/reviews/{id}/take (assessor)"),
        (Operation.Approve, 1, "POST /api/v1/reviews/{id}/approve (assessor)"),
        (Operation.Return, 59, "POST /api/v1/reviews/{id}/return (assessor)"),
        (Operation.SendIntroduction, 10, "POST /api/v1/introductions (enterprise)"),
        (Operation.AnswerIntroduction, 10, "POST /api/v1/introductions/{id}/accept|decline (provider)"),
        (Operation.ProviderInbox, 15, "GET /api/v1/introductions (provider)"),
    ];

    private readonly Stopwatch _clock = new();
    private readonly ConcurrentBag<string> _lost = [];
    private readonly ConcurrentBag<Task> _resyncs = [];
    private Desk[] _desks = [];
    private int _acknowledged;

    public int Acknowledged => _acknowledged;

    public IReadOnlyCollection<string> Lost => _lost;

    public double Now => _clock.Elapsed.TotalSeconds;

    public static string Endpoint(Operation operation) => Weights.First(w => w.Operation == operation).Endpoint;

    public static Operation Pick(Random random)
    {
        var n = random.Next(1000);
        foreach (var (operation, weight, _) in Weights)
        {
            if (n < weight)
            {
                return operation;
            }

            n -= weight;
        }

        return Operation.VerifyCertificate;
    }

    /// <summary>Runs <paramref name="seconds"/> at <paramref name="rate"/>; <paramref name="at"/> is called once a second with the run's second.</summary>
    public async Task RunAsync(int seconds, int rate, Action<int>? at = null)
    {
        _desks = [.. world.Desks];
        var random = new Random(13);
        var running = new List<Task>(seconds * rate);
        _clock.Restart();
        var total = (long)seconds * rate;
        var second = -1;
        for (long i = 0; i < total; i++)
        {
            var due = (double)i / rate;
            if ((int)due != second)
            {
                second = (int)due;
                at?.Invoke(second);
            }

            var wait = due - Now;
            if (wait > 0.001)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait));
            }

            var operation = Pick(random);
            var seed = random.Next();
            running.Add(Task.Run(() => ExecuteAsync(operation, due, new Random(seed))));
        }

        await Task.WhenAll(running);
        await Task.WhenAll(_resyncs);
    }

    private async Task ExecuteAsync(Operation operation, double due, Random random)
    {
        switch (operation)
        {
            case Operation.SaveInputs or Operation.Submit when world.Editable.TryDequeue(out var desk):
                await (operation == Operation.SaveInputs ? SaveAsync(desk, due, random) : SubmitAsync(desk, due));
                return;
            case Operation.Take when world.Submitted.TryDequeue(out var desk):
                await TakeAsync(desk, due, random);
                return;
            case Operation.Approve or Operation.Return when world.Taken.TryDequeue(out var desk):
                await DecideAsync(desk, operation == Operation.Approve, due);
                return;
            case Operation.SendIntroduction when world.Unsent.TryDequeue(out var pair):
                await SendAsync(pair, due);
                return;
            case Operation.AnswerIntroduction when world.Pending.TryDequeue(out var introduction):
                await AnswerAsync(introduction, random.Next(2) == 0, due);
                return;
            case Operation.ReadAssessment:
                var read = _desks[random.Next(_desks.Length)];
                await CallAsync(operation, HttpMethod.Get, $"api/v1/assessments/{read.Id}", read.OwnerToken, null, due);
                return;
            case Operation.Dashboard:
                await CallAsync(operation, HttpMethod.Get, "api/v1/analytics/dashboard", world.AnalystToken, null, due);
                return;
            case Operation.ReviewQueue:
                await CallAsync(operation, HttpMethod.Get, "api/v1/reviews?show=open", world.AssessorTokens[random.Next(world.AssessorTokens.Count)], null, due);
                return;
            case Operation.ProviderInbox:
                await CallAsync(operation, HttpMethod.Get, "api/v1/introductions", world.ProviderTokens[random.Next(world.ProviderTokens.Count)], null, due);
                return;
            case Operation.VerifyCertificate:
                break;
            default:
                recorder.Substitute();
                break;
        }

        var certificate = world.Certificate(random);
        if (certificate is not null)
        {
            await CallAsync(Operation.VerifyCertificate, HttpMethod.Get, $"api/v1/certificates/{Uri.EscapeDataString(certificate)}/verify", null, null, due);
        }
    }

    /// <summary>One request, recorded: the status and JSON body, or null when no answer came (the connection broke or timed out).</summary>
    private async Task<(HttpStatusCode Status, JsonElement Body)?> CallAsync(Operation operation, HttpMethod method, string path, string? token, object? body, double due)
    {
        try
        {
            using var response = await web.Api.SendAsync(Web.Request(method, path, token, body));
            var text = await response.Content.ReadAsStringAsync();
            var now = Now;
            recorder.Answer(Endpoint(operation), (now - due) * 1000, (int)response.StatusCode, now);
            var json = response.IsSuccessStatusCode && text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
                ? JsonSerializer.Deserialize<JsonElement>(text)
                : default;
            return (response.StatusCode, json);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            var now = Now;
            recorder.Error(Endpoint(operation), (now - due) * 1000, e.GetType().Name, now);
            return null;
        }
    }

    private void Acknowledge(Desk desk, string change)
    {
        desk.Acknowledged++;
        desk.LastChange = change;
        desk.Uncertain = false;
        Interlocked.Increment(ref _acknowledged);
    }

    private async Task SaveAsync(Desk desk, double due, Random random)
    {
        var employees = random.Next(10, 500);
        var answer = await CallAsync(Operation.SaveInputs, HttpMethod.Put, $"api/v1/assessments/{desk.Id}/inputs", desk.OwnerToken,
            new { version = desk.Version, inputs = new Dictionary<string, int>(StringComparer.Ordinal) { ["employees"] = employees } }, due);
        if (answer is { Status: HttpStatusCode.OK } ok)
        {
            desk.Version = desk.MinVersion = ok.Body.GetProperty("version").GetInt32();
            desk.Employees = employees;
            Acknowledge(desk, "save");
            world.Park(desk);
            return;
        }

        Resync(desk, taken: false);
    }

    private async Task SubmitAsync(Desk desk, double due)
    {
        var answer = await CallAsync(Operation.Submit, HttpMethod.Post, $"api/v1/assessments/{desk.Id}/submit", desk.OwnerToken, new { version = desk.Version }, due);
        if (answer is { Status: HttpStatusCode.OK })
        {
            desk.Status = "submitted";
            desk.MinVersion = desk.Version!.Value;
            desk.Version = null;
            Acknowledge(desk, "submit");
            world.Park(desk);
            return;
        }

        Resync(desk, taken: false);
    }

    private async Task TakeAsync(Desk desk, double due, Random random)
    {
        var assessor = world.AssessorTokens[random.Next(world.AssessorTokens.Count)];
        var answer = await CallAsync(Operation.Take, HttpMethod.Post, $"api/v1/reviews/{desk.Id}/take", assessor, null, due);
        desk.AssessorToken = assessor;
        if (answer is { Status: HttpStatusCode.OK } ok)
        {
            desk.Version = desk.MinVersion = ok.Body.GetProperty("version").GetInt32();
            Acknowledge(desk, "take");
            world.Park(desk, taken: true);
            return;
        }

        Resync(desk, taken: true);
    }

    private async Task DecideAsync(Desk desk, bool approve, double due)
    {
        var operation = approve ? Operation.Approve : Operation.Return;
        var comments = approve ? "Checked against the audited accounts." : "Attach the audited accounts for the turnover, please.";
        var answer = await CallAsync(operation, HttpMethod.Post, $"api/v1/reviews/{desk.Id}/{(approve ? "approve" : "return")}", desk.AssessorToken, new { version = desk.Version, comments }, due);
        if (answer is { Status: HttpStatusCode.OK } ok)
        {
            desk.Version = desk.MinVersion = ok.Body.GetProperty("version").GetInt32();
            desk.Status = approve ? "approved" : "returned";
            Acknowledge(desk, approve ? "approve" : "return");
            if (approve && ok.Body.TryGetProperty("certificate_id", out var certificate) && certificate.GetString() is { } id)
            {
                world.AddCertificate(id);
            }

            world.Park(desk);
            return;
        }

        Resync(desk, taken: true);
    }

    private async Task SendAsync(Pair pair, double due)
    {
        var answer = await CallAsync(Operation.SendIntroduction, HttpMethod.Post, "api/v1/introductions", pair.EnterpriseToken,
            new { need_id = pair.NeedId, provider_id = pair.ProviderId, note = "Can you test to IS 3400?" }, due);
        if (answer is { Status: HttpStatusCode.Created } created)
        {
            var introduction = new Introduction(created.Body.GetProperty("id").GetGuid(), pair.EnterpriseToken, pair.ProviderToken, created.Body.GetProperty("version").GetInt32());
            world.Introductions.Add(introduction);
            Interlocked.Increment(ref _acknowledged);
            world.Pending.Enqueue(introduction);
        }

        // Not acknowledged: it may or may not exist, and nothing was promised; the pair is not used again.
    }

    private async Task AnswerAsync(Introduction introduction, bool accept, double due)
    {
        var answer = await CallAsync(Operation.AnswerIntroduction, HttpMethod.Post, $"api/v1/introductions/{introduction.Id}/{(accept ? "accept" : "decline")}", introduction.ProviderToken,
            accept ? new { version = introduction.Version } : new { reason = "Our tensile machine is booked for the month.", version = (int?)introduction.Version }, due);
        if (answer is { Status: HttpStatusCode.OK } ok)
        {
            introduction.Status = accept ? "accepted" : "declined";
            introduction.Version = ok.Body.GetProperty("version").GetInt32();
            introduction.Uncertain = false;
            Interlocked.Increment(ref _acknowledged);
            return;
        }

        introduction.Uncertain = true;
        _resyncs.Add(Task.Run(async () =>
        {
            await Task.Delay(500);
            var read = await ReadUntilAnsweredAsync($"api/v1/introductions/{introduction.Id}", introduction.ProviderToken);
            var entry = read.GetProperty("introduction");
            introduction.Version = entry.GetProperty("version").GetInt32();
            if (entry.GetProperty("status").GetString() == "sent")
            {
                world.Pending.Enqueue(introduction);
            }
        }));
    }

    /// <summary>
    /// After a change with no clear answer: reads the assessment back, checks nothing acknowledged was lost, and puts it
    /// back in circulation as the server has it.
    /// </summary>
    private void Resync(Desk desk, bool taken)
    {
        desk.Uncertain = true;
        _resyncs.Add(Task.Run(async () =>
        {
            await Task.Delay(500);
            try
            {
                await ReadBackAsync(desk, taken);
            }
            catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException)
            {
                _lost.Add($"assessment {desk.Id}: could not be read back ({e.Message})");
            }
        }));
    }

    private async Task ReadBackAsync(Desk desk, bool taken)
    {
        var read = await ReadUntilAnsweredAsync($"api/v1/assessments/{desk.Id}", desk.OwnerToken);
        var version = read.GetProperty("version").GetInt32();
        if (version < desk.MinVersion)
        {
            _lost.Add($"assessment {desk.Id}: version {version} after the acknowledged {desk.LastChange} at version {desk.MinVersion}");
        }

        var employees = Employees(read);
        if (version == desk.MinVersion && desk.LastChange == "save" && employees != desk.Employees)
        {
            _lost.Add($"assessment {desk.Id}: employees {employees} instead of the acknowledged {desk.Employees}");
        }

        // What the server holds now includes the unanswered change if it was made.
        desk.Status = read.GetProperty("status").GetString()!;
        desk.Version = version;
        desk.Employees = employees;
        world.Park(desk, taken);
    }

    private async Task<JsonElement> ReadUntilAnsweredAsync(string path, string token)
    {
        while (true)
        {
            try
            {
                return await web.JsonAsync(HttpMethod.Get, path, token);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException)
            {
                await Task.Delay(500);
            }
        }
    }

    public static int? Employees(JsonElement assessment) =>
        assessment.GetProperty("inputs").EnumerateArray().First(i => i.GetProperty("id").GetString() == "employees").GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? (int)v.GetDecimal() : null;

    /// <summary>
    /// Every acknowledged change read back through one node (the survivor): each assessment as its last acknowledged change
    /// left it (status, version, employees), every introduction sent, and each answer given.
    /// </summary>
    public async Task<List<string>> VerifyAsync(HttpClient survivor)
    {
        var lost = new List<string>(_lost);
        var checkedDesks = 0;
        foreach (var desk in world.Desks.Where(d => d.Acknowledged > 0))
        {
            checkedDesks++;
            using var response = await survivor.SendAsync(Web.Request(HttpMethod.Get, $"api/v1/assessments/{desk.Id}", desk.OwnerToken));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                lost.Add($"assessment {desk.Id}: {(int)response.StatusCode} through the surviving node");
                continue;
            }

            var read = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
            var (status, version, employees) = (read.GetProperty("status").GetString(), read.GetProperty("version").GetInt32(), Employees(read));
            if (version < desk.MinVersion)
            {
                lost.Add($"assessment {desk.Id}: version {version} after the acknowledged {desk.LastChange} at version {desk.MinVersion}");
            }
            else if (!desk.Uncertain && (status != desk.Status || (desk.Version is { } v && v != version) || (desk.Employees is { } e && e != employees)))
            {
                lost.Add($"assessment {desk.Id}: {status}, version {version}, employees {employees}; the acknowledged {desk.LastChange} left {desk.Status}, version {desk.Version}, employees {desk.Employees}");
            }
        }

        foreach (var introduction in world.Introductions)
        {
            using var response = await survivor.SendAsync(Web.Request(HttpMethod.Get, $"api/v1/introductions/{introduction.Id}", introduction.EnterpriseToken));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                lost.Add($"introduction {introduction.Id}: {(int)response.StatusCode} through the surviving node");
                continue;
            }

            var status = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()).GetProperty("introduction").GetProperty("status").GetString();
            if (!introduction.Uncertain && status != introduction.Status)
            {
                lost.Add($"introduction {introduction.Id}: {status}, acknowledged {introduction.Status}");
            }
        }

        Console.WriteLine($"check: {checkedDesks} assessments and {world.Introductions.Count} introductions read back through the surviving node");
        return lost;
    }
}
