namespace HiTech.Web.Features.Notifications;

/// <summary>GET /notifications: what happened for the signed-in user, newest first; opening the list marks them read.</summary>
[Authorize]
public sealed class IndexModel(ListNotifications list) : FormPage
{
    public IReadOnlyList<NotificationLine> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Lines = await list.ExecuteAsync(Current, cancellationToken);
        return Page();
    }
}
