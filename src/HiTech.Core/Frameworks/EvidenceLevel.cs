namespace HiTech.Core.Frameworks;

/// <summary>How far an input value can be trusted, lowest first.</summary>
public enum EvidenceLevel : byte
{
    SelfDeclared = 0,
    DocumentBacked = 1,
    Verified = 2,
}

public static class EvidenceLevels
{
    public static string ToId(EvidenceLevel level) => level switch
    {
        EvidenceLevel.SelfDeclared => "self-declared",
        EvidenceLevel.DocumentBacked => "document-backed",
        _ => "verified",
    };

    /// <summary>The level an id names, for ids already checked when stored.</summary>
    public static EvidenceLevel Parse(string id) =>
        TryParse(id, out var level) ? level : throw new FormatException($"Unknown evidence level '{id}'.");

    public static bool TryParse(ReadOnlySpan<char> id, out EvidenceLevel level)
    {
        switch (id)
        {
            case "self-declared":
                level = EvidenceLevel.SelfDeclared;
                return true;
            case "document-backed":
                level = EvidenceLevel.DocumentBacked;
                return true;
            case "verified":
                level = EvidenceLevel.Verified;
                return true;
            default:
                level = default;
                return false;
        }
    }
}
