namespace HiTech.Web.Data.Entities;

/// <summary>
/// An enterprise's request for help. The summary is public to matched providers; the private details open to a
/// provider only once the enterprise has accepted an introduction with it.
/// </summary>
public sealed class Need
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid PostedBy { get; set; }

    /// <summary>rnd-collaboration, testing-certification, design, prototyping, equipment-time, talent, digital-transformation.</summary>
    public string HelpKind { get; set; } = "";

    /// <summary>Acceptable provider kind ids, ';'-separated; empty for any.</summary>
    public string ProviderKinds { get; set; } = "";

    /// <summary>The activity, NIC 2008 at any level.</summary>
    public string NicCode { get; set; } = "";

    /// <summary>A value_chain_stage id, or "" for any.</summary>
    public string Stage { get; set; } = "";

    /// <summary>Certification ids a provider must all hold, ';'-separated.</summary>
    public string Certifications { get; set; } = "";

    /// <summary>A budget band id, or "" when not stated.</summary>
    public string BudgetBand { get; set; } = "";

    public DateOnly? Deadline { get; set; }

    /// <summary>The district the help is needed in (canonical name); the organisation's by default.</summary>
    public string District { get; set; } = "";

    public string Summary { get; set; } = "";

    public string PrivateDetails { get; set; } = "";

    /// <summary>Where the need came from: "" (typed), "roadmap:{maturity id}:{step}" or "plan:{assessment id}:{plan}".</summary>
    public string Source { get; set; } = "";

    public NeedStatus Status { get; set; } = NeedStatus.Open;

    public DateTimeOffset PostedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public int Version { get; set; }
}

public enum NeedStatus
{
    Open,

    /// <summary>Met (a partnership was agreed) or closed by the enterprise.</summary>
    Closed,

    Withdrawn,
}
