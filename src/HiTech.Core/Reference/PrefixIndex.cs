namespace HiTech.Core.Reference;

/// <summary>Longest-prefix lookup over digit codes: the most specific rule wins (303 before 30).</summary>
internal sealed class PrefixIndex<T>
    where T : class
{
    private readonly Dictionary<string, T> _byPrefix;
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _longest;

    public PrefixIndex(Dictionary<string, T> byPrefix)
    {
        _byPrefix = byPrefix;
        _lookup = byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var prefix in byPrefix.Keys)
        {
            _longest = Math.Max(_longest, prefix.Length);
        }
    }

    public IReadOnlyCollection<T> Rules => _byPrefix.Values;

    public T? Find(ReadOnlySpan<char> code)
    {
        for (var length = Math.Min(code.Length, _longest); length > 0; length--)
        {
            if (_lookup.TryGetValue(code[..length], out var value))
            {
                return value;
            }
        }

        return null;
    }
}
