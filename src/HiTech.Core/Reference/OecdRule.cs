namespace HiTech.Core.Reference;

/// <summary>One row of oecd-rd-intensity.csv: an ISIC Rev.4 prefix and the OECD 2016 group it falls in.</summary>
internal sealed record OecdRule(int Line, string Prefix, OecdGroup Group, decimal? IntensityPct, string Basis, string Label)
{
    public const string Published = "oecd-2016";
    public const string Recalled = "recalled-oecd-2016";
    public const string ProjectDefault = "not-covered-project-default";

    /// <summary>How this kind of rule came about, in words.</summary>
    public string Provenance => Basis switch
    {
        Published => "OECD 2016",
        Recalled => "OECD 2016 as recalled, unverified",
        _ => "not covered by OECD 2016, project default",
    };

    /// <summary>The basis text a class carries, e.g. "OECD 2016: exception 303 (Air and spacecraft ...)".</summary>
    public string Describe(bool isException) => Basis == ProjectDefault
        ? $"not covered by OECD 2016: project default {OecdGroups.ToId(Group)} ({Label})"
        : $"{Provenance}: {(isException ? "exception" : LevelWord)} {Prefix} ({Label})";

    private string LevelWord => Prefix.Length switch
    {
        2 => "division",
        3 => "group",
        4 => "class",
        _ => "sub-class",
    };
}
