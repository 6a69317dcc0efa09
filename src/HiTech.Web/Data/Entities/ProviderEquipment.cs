namespace HiTech.Web.Data.Entities;

/// <summary>A piece of equipment a provider offers time on (as India's I-STEM lists it): what it is and on what terms.</summary>
public sealed class ProviderEquipment
{
    public Guid Id { get; set; }

    public Guid ProviderId { get; set; }

    public string Name { get; set; } = "";

    public string Make { get; set; } = "";

    /// <summary>What it measures or makes.</summary>
    public string Purpose { get; set; } = "";

    public string BookingTerms { get; set; } = "";

    /// <summary>A fee band id (data/collaboration/fee-bands.csv), or "" when not stated.</summary>
    public string FeeBand { get; set; } = "";
}
