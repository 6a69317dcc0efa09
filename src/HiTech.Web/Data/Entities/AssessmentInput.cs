namespace HiTech.Web.Data.Entities;

/// <summary>
/// One input value of an assessment, as entered, with how far it is trusted and what the assessor made of it.
/// Exactly one value column is used, per the input's type in the framework.
/// </summary>
public sealed class AssessmentInput
{
    public Guid Id { get; set; }

    public Guid AssessmentId { get; set; }

    /// <summary>The framework input id, e.g. rd_spend.</summary>
    public string InputId { get; set; } = "";

    /// <summary>Money (INR), counts, ratios and numbers.</summary>
    public decimal? Number { get; set; }

    public bool? Flag { get; set; }

    /// <summary>An enum value, or code-list values separated by ';'.</summary>
    public string? Text { get; set; }

    /// <summary>How far the value is trusted; stored as its id (self-declared, document-backed, verified).</summary>
    public EvidenceLevel Evidence { get; set; }

    public ReviewState Review { get; set; }

    public string? ReviewNote { get; set; }
}

public enum ReviewState
{
    Pending,
    Verified,
    Adjusted,
    Rejected,
}
