namespace HiTech.Web.Features.Notifications;

/// <summary>GET/POST /account/settings: notifications by e-mail as well, or in the app only.</summary>
[Authorize]
public sealed class SettingsModel(ChooseNotifyByEmail choose, IStringLocalizer<NotificationsText> n) : FormPage
{
    [BindProperty]
    public string? Delivery { get; set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Delivery = await choose.CurrentAsync(Current.RequiredId, cancellationToken) ? "email" : "app";
        Saved = Request.Query.ContainsKey("saved");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Delivery is not ("email" or "app"))
        {
            ModelState.AddModelError(nameof(Delivery), n["Choose how you want to get notifications"]);
            return Page();
        }

        var outcome = await choose.ExecuteAsync(Current, Delivery == "email", cancellationToken);
        return this.Refusal(outcome) ?? Redirect("/account/settings?saved=1");
    }
}
