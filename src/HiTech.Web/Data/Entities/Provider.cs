namespace HiTech.Web.Data.Entities;

/// <summary>
/// An ecosystem provider: an R&amp;D institute, TIC lab, design and engineering firm, GCC, a returning professional, or a
/// kind the department adds (data/collaboration/provider-kinds.csv). Capabilities are in the framework's vocabulary, as
/// ';'-separated ids, so that Core's matching engine reads them as they are (<see cref="Core.Collaboration.ProviderProfile"/>).
/// Matched only while verified and not expired; a professional's profile is erased on withdrawal (DPDP Act 2023).
/// </summary>
public sealed class Provider
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>A provider kind id: rnd-institute, tic-lab, design-engineering, gcc, professional, or one the department adds.</summary>
    public string Kind { get; set; } = "";

    /// <summary>Canonical district name (data/reference/districts.csv), or "" for a provider outside Kerala.</summary>
    public string District { get; set; } = "";

    /// <summary>Serves all Kerala or remotely: counts as near wherever the need is.</summary>
    public bool Remote { get; set; }

    /// <summary>NIC 2008 codes served, any level (2 to 5 digits), ';'-separated.</summary>
    public string NicCodes { get; set; } = "";

    /// <summary>Ids of the framework's value_chain_stage domain, ';'-separated.</summary>
    public string Stages { get; set; } = "";

    /// <summary>Ids of the framework's certification domain held or tested for, ';'-separated.</summary>
    public string Certifications { get; set; } = "";

    /// <summary>Ids of data/collaboration/technologies.csv, ';'-separated.</summary>
    public string Technologies { get; set; } = "";

    /// <summary>ISO 639-1 codes of the languages the provider works in, ';'-separated (en;ml).</summary>
    public string Languages { get; set; } = "en;ml";

    /// <summary>Technology readiness levels served (1 to 9), or null when not stated.</summary>
    public int? TrlFrom { get; set; }

    public int? TrlTo { get; set; }

    /// <summary>What the provider offers, in English; searched with the name.</summary>
    public string ServicesEn { get; set; } = "";

    /// <summary>What the provider offers, in Malayalam; searched with the name.</summary>
    public string ServicesMl { get; set; } = "";

    public string? Website { get; set; }

    /// <summary>Where introductions are announced; never shown to enterprises (contact goes through the platform).</summary>
    public string? ContactEmail { get; set; }

    /// <summary>The working days within which the provider promises a first answer to an introduction.</summary>
    public int ResponseDays { get; set; } = 5;

    public ProviderStatus Status { get; set; } = ProviderStatus.Draft;

    /// <summary>The day an admin or partnerships officer verified (or the provider last confirmed) the profile.</summary>
    public DateOnly? VerifiedOn { get; set; }

    public Guid? VerifiedBy { get; set; }

    /// <summary>Why the verifier refused the profile, shown to the provider; "" unless <see cref="ProviderStatus.Refused"/>.</summary>
    public string RefusalReason { get; set; } = "";

    /// <summary>The last day the profile is matched: 12 months after verification unless confirmed again.</summary>
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>When the last "confirm your profile" reminder was queued (reminders go before expiry).</summary>
    public DateTimeOffset? ReminderSentAt { get; set; }

    // A returning professional (Kind = professional) only; visible to signed-in verified enterprises only.
    public string Skills { get; set; } = "";

    /// <summary>Sectors of experience (priority sector ids), ';'-separated.</summary>
    public string Sectors { get; set; } = "";

    public int? YearsAbroad { get; set; }

    /// <summary>job;consulting;mentoring (any of them), ';'-separated.</summary>
    public string Availability { get; set; } = "";

    /// <summary>When the professional consented to the stated purpose (matching with verified enterprises).</summary>
    public DateTimeOffset? ConsentAt { get; set; }

    /// <summary>Invented demo data (the directory says so).</summary>
    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public List<ProviderEquipment> Equipment { get; set; } = [];

    /// <summary>Optimistic concurrency: incremented on every save; a stale save is refused, never lost.</summary>
    public int Version { get; set; }
}

/// <summary>Where a provider's profile is in its life: only <see cref="Verified"/> profiles (not expired) are matched or listed.</summary>
public enum ProviderStatus
{
    /// <summary>Being filled in by the provider; nobody else sees it.</summary>
    Draft,

    /// <summary>Sent for verification by an admin or partnerships officer.</summary>
    Submitted,

    Verified,

    /// <summary>Refused by the verifier, with a reason; the provider may correct and submit again.</summary>
    Refused,

    /// <summary>Taken off the directory by the provider or an admin.</summary>
    Withdrawn,
}
