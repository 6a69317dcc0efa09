namespace HiTech.Web.Features.Home;

[AllowAnonymous]
public sealed class IndexModel : PageModel
{
    public new CurrentUser User => CurrentUser.From(base.User);
}
