namespace HiTech.Core.Reference;

/// <summary>The ids used for <see cref="MsmeSize"/> in data and reports.</summary>
public static class MsmeSizes
{
    private static readonly string[] IdTable = ["micro", "small", "medium", "large"];

    public static IReadOnlyList<string> Ids { get; } = Array.AsReadOnly(IdTable);

    public static string ToId(MsmeSize s) =>
        (uint)s < (uint)IdTable.Length ? IdTable[(int)s] : throw new ArgumentOutOfRangeException(nameof(s), s, "Not an MSME size.");

    public static bool TryParse(ReadOnlySpan<char> id, out MsmeSize s)
    {
        for (var i = 0; i < IdTable.Length; i++)
        {
            if (id.SequenceEqual(IdTable[i]))
            {
                s = (MsmeSize)i;
                return true;
            }
        }

        s = default;
        return false;
    }
}
