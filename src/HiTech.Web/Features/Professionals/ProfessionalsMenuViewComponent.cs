using HiTech.Web.Features.Providers;

namespace HiTech.Web.Features.Professionals;

/// <summary>
/// The header's link to /professionals, for those who may see returning professionals (partnerships officers and
/// admins; enterprise users with an approved assessment). The layout shows it with <c>Component.InvokeAsync("ProfessionalsMenu")</c>.
/// </summary>
[ViewComponent(Name = "ProfessionalsMenu")]
public sealed class ProfessionalsMenuViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = CurrentUser.From(HttpContext.User);
        var shown = (user.IsEnterprise || user.IsPartnershipsOfficer) && await ReadDirectoryEntry.MaySeeProfessionalsAsync(db, user, HttpContext.RequestAborted);
        return shown ? View("/Features/Professionals/_Menu.cshtml") : Content("");
    }
}
