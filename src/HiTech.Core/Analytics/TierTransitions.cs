namespace HiTech.Core.Analytics;

/// <summary>
/// How enterprises moved between tiers from one set of facts to another: two years, or the same enterprises under
/// two framework versions. Enterprises are matched by id; those in only one set are counted as entered or left.
/// </summary>
public sealed record TierTransitions(IReadOnlyDictionary<(string From, string To), int> Moves, int Entered, int Left)
{
    public int Count(string from, string to) => Moves.TryGetValue((from, to), out var n) ? n : 0;

    /// <summary>Enterprises in both sets whose tier changed.</summary>
    public int Changed => Moves.Where(m => m.Key.From != m.Key.To).Sum(m => m.Value);

    public static TierTransitions Between(IEnumerable<EnterpriseFacts> before, IEnumerable<EnterpriseFacts> after)
    {
        var earlier = ById(before, nameof(before));
        var later = ById(after, nameof(after));
        var moves = new Dictionary<(string, string), int>();
        foreach (var (id, facts) in later)
        {
            if (earlier.TryGetValue(id, out var was))
            {
                var key = (was.TierId, facts.TierId);
                moves[key] = moves.GetValueOrDefault(key) + 1;
            }
        }

        return new TierTransitions(
            moves,
            later.Keys.Count(id => !earlier.ContainsKey(id)),
            earlier.Keys.Count(id => !later.ContainsKey(id)));
    }

    private static Dictionary<string, EnterpriseFacts> ById(IEnumerable<EnterpriseFacts> facts, string name)
    {
        var byId = new Dictionary<string, EnterpriseFacts>(StringComparer.Ordinal);
        foreach (var f in facts)
        {
            if (!byId.TryAdd(f.EnterpriseId, f))
            {
                throw new ArgumentException($"enterprise '{f.EnterpriseId}' appears twice in one set of facts; give one row per enterprise", name);
            }
        }

        return byId;
    }
}
