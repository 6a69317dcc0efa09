namespace HiTech.Web.Data.Entities;

/// <summary>What an organisation makes or does: a classified activity with its value-chain stages and revenue share.</summary>
public sealed class Activity
{
    public Guid Id { get; set; }

    public Guid OrganisationId { get; set; }

    /// <summary>The classification the code belongs to ("nic2008"; NIC 2025 later without a schema change).</summary>
    public string Classification { get; set; } = "nic2008";

    public string Code { get; set; } = "";

    /// <summary>Share of revenue, 0-1.</summary>
    public decimal RevenueShare { get; set; }

    /// <summary>Value-chain stage ids separated by ';' (ids of the framework's value_chain_stage domain).</summary>
    public string Stages { get; set; } = "";

    public int Version { get; set; }
}
