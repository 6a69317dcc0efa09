using HiTech.Core.Collaboration;

namespace HiTech.Web.Kernel;

/// <summary>
/// The matching engine over every verified provider, built in memory and shared by all requests (a match is then a few
/// microseconds, not a database query per provider). Rebuilt at the next use after <see cref="Invalidate"/>, which
/// every handler that changes what matching sees calls after its save (a profile verified, refused, edited, confirmed,
/// withdrawn or erased, a list imported), so the change shows at once on this node. The invalidation is not sent to
/// other nodes of a cluster: there the index is rebuilt when older than <see cref="MaxAge"/>, which also brings in
/// what no handler announces (responsiveness figures, a profile lapsing at midnight). One class, so that sharing
/// invalidation across the cluster later touches only this.
/// </summary>
public sealed class MatchingIndex(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long an index built just after an invalidation is trusted. A change sent with an Idempotency-Key commits a
    /// moment after its handler invalidated the index (the middleware commits after the answer is written), so a
    /// rebuild in that moment may read the row as it was; such an index is built again once this has passed.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    private static readonly string DataDirectory = Path.Combine(AppContext.BaseDirectory, "reference-data");

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile MatchingSnapshot? _current;
    private int _generation;
    private long _invalidatedAtTicks = DateTimeOffset.MinValue.UtcTicks;

    /// <summary>The shipped weights: the newest version under reference-data/collaboration/matching.</summary>
    private readonly Lazy<MatchingWeights> _weights = new(LoadWeights);

    public void Dispose() => _gate.Dispose();

    /// <summary>Marks the index out of date: the next match rebuilds it from the database.</summary>
    public void Invalidate()
    {
        Interlocked.Exchange(ref _invalidatedAtTicks, clock.GetUtcNow().UtcTicks);
        Interlocked.Increment(ref _generation);
    }

    /// <summary>The current engine (building it if it is missing or out of date).</summary>
    public async ValueTask<MatchingSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_current) is { } current)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_current) is { } built)
            {
                return built;
            }

            // A replaced engine is not disposed: a request may still be matching with it; the collector takes it.
            var generation = Volatile.Read(ref _generation);
            var snapshot = await BuildAsync(generation, cancellationToken);
            _current = snapshot;
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private MatchingSnapshot? Fresh(MatchingSnapshot? snapshot)
    {
        if (snapshot is null || snapshot.Generation != Volatile.Read(ref _generation))
        {
            return null;
        }

        var invalidatedAt = new DateTimeOffset(Interlocked.Read(ref _invalidatedAtTicks), TimeSpan.Zero);
        var trustedFor = snapshot.BuiltAt - invalidatedAt < Settle ? Settle : MaxAge;
        return clock.GetUtcNow() - snapshot.BuiltAt < trustedFor ? snapshot : null;
    }

    private async Task<MatchingSnapshot> BuildAsync(int generation, CancellationToken cancellationToken)
    {
        var builtAt = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var framework = await services.GetRequiredService<FrameworkStore>().ActiveAsync(cancellationToken);
        var data = _current is { } previous && previous.FrameworkName == $"{framework.Id} {framework.Version}"
            ? previous.Data
            : CollaborationData.Load(DataDirectory, services.GetRequiredService<HiTech.Core.Reference.ReferenceData>(), framework);
        var providers = await db.Providers.AsNoTracking().Where(p => p.Status == ProviderStatus.Verified).ToListAsync(cancellationToken);
        var figures = await ProviderResponsiveness.ForAsync(db, [.. providers.Select(p => p.Id)], cancellationToken);
        var profiles = providers.Select(p => MatchingProfiles.Of(p, figures[p.Id], data)).OfType<ProviderProfile>().ToList();
        var engine = new MatchingEngine(profiles, data, _weights.Value);
        return new MatchingSnapshot(engine, data, providers.ToDictionary(p => p.Id), data.FrameworkName, generation, builtAt);
    }

    private static MatchingWeights LoadWeights()
    {
        var shipped = MatchingWeightsLoader.Shipped(DataDirectory);
        if (shipped.Count == 0)
        {
            throw new InvalidOperationException($"No matching weights are shipped under {Path.Combine(DataDirectory, MatchingWeightsLoader.Folder)}.");
        }

        var path = shipped[^1].Path;
        var result = MatchingWeightsLoader.LoadFile(path);
        return result.Weights ?? throw new InvalidOperationException($"The matching weights {path} are not valid: {string.Join("; ", result.Errors)}");
    }
}

/// <summary>One built engine, the vocabulary it was built with, and the providers it holds (by id) for showing matches.</summary>
public sealed record MatchingSnapshot(MatchingEngine Engine, CollaborationData Data, IReadOnlyDictionary<Guid, Provider> Providers, string FrameworkName, int Generation, DateTimeOffset BuiltAt);
