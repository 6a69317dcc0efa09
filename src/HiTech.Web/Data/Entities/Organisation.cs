namespace HiTech.Web.Data.Entities;

/// <summary>An enterprise registered on the platform, with its statutory identifiers.</summary>
public sealed class Organisation
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Udyam registration number, e.g. UDYAM-KL-08-0012345 (format checked).</summary>
    public string UdyamNumber { get; set; } = "";

    /// <summary>GSTIN, 15 characters with a check digit; optional for units below the GST threshold.</summary>
    public string? Gstin { get; set; }

    /// <summary>Canonical district name (see data/reference/districts.csv).</summary>
    public string District { get; set; } = "";

    public string Address { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Optimistic concurrency: incremented on every save; a stale save is refused, never lost.</summary>
    public int Version { get; set; }

    public List<Unit> Units { get; set; } = [];

    public List<Activity> Activities { get; set; } = [];
}
