namespace HiTech.Core.Reference;

/// <summary>The ids used for <see cref="OecdGroup"/> in data files and reports.</summary>
public static class OecdGroups
{
    // Indexed by the enum value, so Ids[(int)g] == ToId(g).
    private static readonly string[] IdTable = ["low", "medium-low", "medium", "medium-high", "high"];

    /// <summary>All ids from low to high intensity.</summary>
    public static IReadOnlyList<string> Ids { get; } = Array.AsReadOnly(IdTable);

    public static string ToId(OecdGroup g) =>
        (uint)g < (uint)IdTable.Length ? IdTable[(int)g] : throw new ArgumentOutOfRangeException(nameof(g), g, "Not an OECD group.");

    /// <summary>Parses an id exactly as written in the data ("medium-high"); ordinal, case-sensitive.</summary>
    public static bool TryParse(ReadOnlySpan<char> id, out OecdGroup g)
    {
        for (var i = 0; i < IdTable.Length; i++)
        {
            if (id.SequenceEqual(IdTable[i]))
            {
                g = (OecdGroup)i;
                return true;
            }
        }

        g = default;
        return false;
    }
}
