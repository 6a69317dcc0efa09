using Microsoft.AspNetCore.Identity;

namespace HiTech.Web.Data.Entities;

/// <summary>A person who signs in. Enterprise users belong to exactly one organisation.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>The organisation an Enterprise user owns or manages; null for assessors, analysts and admins.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>"en" or "ml": the language the user chose, remembered across devices.</summary>
    public string Language { get; set; } = "en";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when an admin creates the account with a temporary password: the first sign-in asks for a new one.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The provider profile a Provider user answers for; null for everyone else.</summary>
    public Guid? ProviderId { get; set; }

    /// <summary>Notifications also by e-mail (true) or in the app only (false).</summary>
    public bool NotifyByEmail { get; set; } = true;
}
