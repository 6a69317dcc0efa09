namespace HiTech.Core.Scoring;

/// <summary>
/// The positions a cheapest-first search over one lever set has already queued, numbered in mixed radix by the sizes of
/// the set's ladders. A bit per position while they fit in <see cref="DenseLimit"/> (every set of the reference
/// framework does), so starting the next set clears a few words rather than a hash table; a hash set beyond that.
/// </summary>
internal sealed class VisitedPositions
{
    private const long DenseLimit = 1 << 16;

    private readonly ulong[] _bits = new ulong[DenseLimit / 64];
    private readonly HashSet<long> _sparse = [];
    private bool _dense;

    /// <summary>Forgets every position, for a set with <paramref name="count"/> positions in all.</summary>
    public void Reset(long count)
    {
        _dense = count <= DenseLimit;
        if (_dense)
        {
            Array.Clear(_bits, 0, (int)((count + 63) / 64));
        }
        else
        {
            _sparse.Clear();
        }
    }

    /// <summary>Marks the position; false when it was already marked.</summary>
    public bool Add(long position)
    {
        if (!_dense)
        {
            return _sparse.Add(position);
        }

        ref var word = ref _bits[position >> 6];
        var bit = 1UL << (int)(position & 63);
        var added = (word & bit) == 0;
        word |= bit;
        return added;
    }
}
