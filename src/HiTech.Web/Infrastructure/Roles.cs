namespace HiTech.Web.Infrastructure;

/// <summary>The four roles of the platform and the authorisation policies named after them.</summary>
public static class Roles
{
    public const string Enterprise = "Enterprise";
    public const string Assessor = "Assessor";
    public const string Analyst = "Analyst";
    public const string Admin = "Admin";

    public static readonly string[] All = [Enterprise, Assessor, Analyst, Admin];

    /// <summary>Claim holding an Enterprise user's organisation id.</summary>
    public const string OrganisationClaim = "hitech:org";

    /// <summary>Claim present while the user still has a temporary password to replace.</summary>
    public const string MustChangePasswordClaim = "hitech:must-change-password";

    /// <summary>Claim holding the user's language.</summary>
    public const string LanguageClaim = "hitech:lang";
}
