namespace HiTech.Web.Features.Notifications;

/// <summary>
/// The header's links for a signed-in user: introductions (enterprises, providers; the overdue queue for officers) and
/// notifications with the unread count. The layout shows it with <c>Component.InvokeAsync("NotificationsMenu")</c>.
/// </summary>
[ViewComponent(Name = "NotificationsMenu")]
public sealed class NotificationsMenuViewComponent(ListNotifications list) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = CurrentUser.From(HttpContext.User);
        if (user.Id is not { } id)
        {
            return Content("");
        }

        var unread = await list.UnreadAsync(id, HttpContext.RequestAborted);
        return View("/Features/Notifications/_Menu.cshtml", new NotificationsMenu(user, unread));
    }
}

public sealed record NotificationsMenu(CurrentUser User, int Unread);
