namespace HiTech.Web.Infrastructure;

/// <summary>The roles of the platform and the authorisation policies named after them.</summary>
public static class Roles
{
    public const string Enterprise = "Enterprise";
    public const string Assessor = "Assessor";
    public const string Analyst = "Analyst";
    public const string Admin = "Admin";

    /// <summary>A user who answers for an ecosystem provider's profile (a lab, an institute, a professional).</summary>
    public const string Provider = "Provider";

    /// <summary>Department staff who verify provider profiles and follow up unanswered introductions.</summary>
    public const string PartnershipsOfficer = "PartnershipsOfficer";

    public static readonly string[] All = [Enterprise, Assessor, Analyst, Admin, Provider, PartnershipsOfficer];

    /// <summary>Claim holding a Provider user's provider id.</summary>
    public const string ProviderClaim = "hitech:provider";

    /// <summary>Claim holding an Enterprise user's organisation id.</summary>
    public const string OrganisationClaim = "hitech:org";

    /// <summary>Claim present while the user still has a temporary password to replace.</summary>
    public const string MustChangePasswordClaim = "hitech:must-change-password";

    /// <summary>Claim holding the user's language.</summary>
    public const string LanguageClaim = "hitech:lang";
}
