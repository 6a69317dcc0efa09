using HiTech.Web.Features.Shared;
using HiTech.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace HiTech.Web.Features.Enterprises;

/// <summary>A page of the Enterprises feature: for Enterprise users, with helpers for handler outcomes and success messages.</summary>
[Authorize(Policy = Roles.Enterprise)]
public abstract class EnterprisePage : FormPage
{
    public const string FlashKey = "enterprise.flash";

    /// <summary>The success message to show once, set by the page that redirected here.</summary>
    public string? Flash { get; private set; }

    /// <summary>What is saved now, when a save was refused because someone else saved first.</summary>
    public string? ConflictMessage { get; protected set; }

    /// <summary>Adds a handler's errors (keyed by API field names, e.g. udyamNumber) to the page's fields (UdyamNumber).</summary>
    protected void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(PropertyName(field), message);
        }
    }

    protected void SetFlash(string message) => TempData[FlashKey] = message;

    protected void ReadFlash() => Flash = TempData[FlashKey] as string;

    /// <summary>udyamNumber → UdyamNumber: page properties are the API's field names in Pascal case.</summary>
    protected static string PropertyName(string field) =>
        field.Length == 0 ? field : string.Concat(char.ToUpperInvariant(field[0]).ToString(), field.AsSpan(1));
}
