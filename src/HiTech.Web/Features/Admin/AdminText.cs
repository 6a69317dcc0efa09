namespace HiTech.Web.Features.Admin;

/// <summary>Marker for the administration strings: Resources/Features/Admin/AdminText.ml.resx (English is the key).</summary>
public sealed class AdminText
{
    /// <summary>A role's name in the user's language (a role id is not always a word: PartnershipsOfficer).</summary>
    public static string RoleName(IStringLocalizer<AdminText> a, string role) =>
        role == Roles.PartnershipsOfficer ? a["Partnerships officer"] : a[role];
}
