namespace HiTech.Web.Data.Entities;

/// <summary>A plant or office of an organisation, with the figures that fix its MSME size class.</summary>
public sealed class Unit
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    public string Name { get; set; } = "";

    public string District { get; set; } = "";

    public string Address { get; set; } = "";

    /// <summary>Investment in plant and machinery, INR.</summary>
    public decimal InvestmentInr { get; set; }

    /// <summary>Annual turnover, INR.</summary>
    public decimal TurnoverInr { get; set; }

    /// <summary>micro, small, medium or large, computed with the limits in force on <see cref="SizeClassAsOf"/>.</summary>
    public string SizeClass { get; set; } = "";

    public DateOnly SizeClassAsOf { get; set; }

    public int Version { get; set; }
}
