namespace HiTech.Core.Collaboration;

/// <summary>
/// Where the named columns of a providers or needs file sit, from its header row. Names are matched ignoring case and
/// surrounding spaces; a file missing a required column, or naming one twice, cannot be read.
/// </summary>
public sealed class ColumnLayout
{
    private readonly Dictionary<string, int> _positions;

    private ColumnLayout(Dictionary<string, int> positions, IReadOnlyList<string> missing, IReadOnlyList<string> repeated, IReadOnlyList<string> ignored)
    {
        _positions = positions;
        Missing = missing;
        Repeated = repeated;
        Ignored = ignored;
    }

    public IReadOnlyList<string> Missing { get; }

    public IReadOnlyList<string> Repeated { get; }

    /// <summary>Columns the reader does not know: reported, never an error.</summary>
    public IReadOnlyList<string> Ignored { get; }

    public bool IsUsable => Missing.Count == 0 && Repeated.Count == 0;

    /// <summary>The column's position, or -1 when the file has none.</summary>
    public int this[string name] => _positions.GetValueOrDefault(name, -1);

    public static ColumnLayout From(IReadOnlyList<string> header, IReadOnlyList<string> required, IReadOnlyList<string> optional)
    {
        ArgumentNullException.ThrowIfNull(header);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var repeated = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            if (!positions.TryAdd(name, i))
            {
                repeated.Add(name);
            }
        }

        var missing = required.Where(c => !positions.ContainsKey(c)).ToList();
        var ignored = positions.Keys.Where(k => k.Length > 0 && !required.Contains(k) && !optional.Contains(k)).Order(StringComparer.Ordinal).ToList();
        return new ColumnLayout(positions, missing, repeated, ignored);
    }
}
