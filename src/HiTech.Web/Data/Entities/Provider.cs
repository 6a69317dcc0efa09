namespace HiTech.Web.Data.Entities;

/// <summary>
/// An ecosystem provider: R&amp;D institute, TIC lab, design and engineering firm, GCC or professional.
/// Seeded for the demo now; the collaboration features (directory, matching, partnerships) build on it.
/// </summary>
public sealed class Provider
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>rnd-institute, tic-lab, design-engineering, gcc or professional.</summary>
    public string Kind { get; set; } = "";

    public string District { get; set; } = "";

    /// <summary>Capability keywords separated by ';' (NIC codes, value-chain stages, certifications it can test for).</summary>
    public string Capabilities { get; set; } = "";

    public string? Website { get; set; }

    public int Version { get; set; }
}
