using System.Collections.Concurrent;
using System.Diagnostics;

namespace HiTech.Web.Tests.Infrastructure;

/// <summary>
/// Counts the database round trips one request makes: every command EF Core sends (a query, a batch of saves, raw SQL)
/// and every commit or rollback, as EF Core reports them on its diagnostic listener. A request is told apart from
/// the others running at the same time by its trace id: send it with <see cref="TraceParent"/>, so the server's request
/// activity (the current activity while EF Core runs) carries it.
/// </summary>
public sealed class DatabaseRoundTrips : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly string[] RoundTripEvents =
    [
        "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuting",
        "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionCommitting",
        "Microsoft.EntityFrameworkCore.Database.Transaction.TransactionRollingBack",
    ];

    private readonly ConcurrentQueue<string> _seen = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ActivityListener _requests;
    private readonly IDisposable _all;

    public DatabaseRoundTrips()
    {
        // The server makes its request activity only when someone listens; this listener is that someone.
        _requests = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(_requests);
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The trace this counter watches.</summary>
    public ActivityTraceId TraceId { get; } = ActivityTraceId.CreateRandom();

    /// <summary>The W3C traceparent header value that puts a request in <see cref="TraceId"/>.</summary>
    public string TraceParent => $"00-{TraceId}-{ActivitySpanId.CreateRandom()}-01";

    /// <summary>The round trips seen so far: each command's SQL, or "COMMIT"/"ROLLBACK".</summary>
    public IReadOnlyList<string> Seen => [.. _seen];

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this, name => RoundTripEvents.Contains(name)));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // (Another subscriber may have enabled every event: the listener sends them all to each subscriber.)
        if (!RoundTripEvents.Contains(value.Key) || Activity.Current?.TraceId != TraceId)
        {
            return;
        }

        _seen.Enqueue(value.Value switch
        {
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData command => command.Command.CommandText,
            _ when value.Key.EndsWith("TransactionCommitting", StringComparison.Ordinal) => "COMMIT",
            _ => "ROLLBACK",
        });
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }

        _requests.Dispose();
    }
}
