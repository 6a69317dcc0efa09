namespace HiTech.Web.Features.Needs;

/// <summary>A page of an enterprise's needs: Enterprise users only, each reaching only its organisation's needs.</summary>
[Authorize(Policy = Roles.Enterprise)]
public abstract class NeedsPage : FormPage
{
    public const string FlashKey = "needs.flash";

    /// <summary>The success message set by the page that redirected here, shown once.</summary>
    [TempData(Key = FlashKey)]
    public string? Flash { get; set; }
}
