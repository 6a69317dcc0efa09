namespace HiTech.Web.Infrastructure.Analytics;

/// <summary>
/// How the snapshot build is going, for the dashboard's "being refreshed" line: whether a build runs, how many
/// enterprises of how many it has read, and the last failure (kept until a build succeeds).
/// </summary>
public sealed class AnalyticsProgress
{
    private readonly Lock _lock = new();
    private State _state = new(false, 0, 0, null, null);

    public sealed record State(bool Building, int Done, int Total, DateTimeOffset? FailedAt, string? Failure);

    public State Now
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    public void Started(int total) => Set(s => s with { Building = true, Done = 0, Total = total });

    public void Advanced(int done) => Set(s => s with { Done = done });

    public void Finished() => Set(s => s with { Building = false, Done = s.Total, FailedAt = null, Failure = null });

    public void Failed(DateTimeOffset at, string failure) => Set(s => s with { Building = false, FailedAt = at, Failure = failure });

    private void Set(Func<State, State> change)
    {
        lock (_lock)
        {
            _state = change(_state);
        }
    }
}
