namespace HiTech.Web.Features.Providers;

/// <summary>
/// The provider's profile editor: every field of the profile, its equipment, and where it stands (draft, waiting,
/// verified until a date, refused with the reason, lapsed), with the next step: submit, or confirm it is still right.
/// </summary>
[Authorize(Policy = Roles.Provider)]
public sealed class ProfileModel(
    ReadOwnProfile read,
    SaveProfile save,
    CreateOwnProfile create,
    SubmitProfile submit,
    ConfirmProfile confirm,
    ProviderAccess access,
    CollaborationVocabulary vocabulary,
    FrameworkStore frameworks,
    IStringLocalizer<ProvidersText> l) : FormPage
{
    [BindProperty]
    public ProviderForm Form { get; set; } = new() { Languages = ["en", "ml"], ResponseDays = 5 };

    /// <summary>The saved profile; null for an account that has none yet.</summary>
    public ProviderView? Saved { get; private set; }

    public ProfileOptions Options { get; private set; } = null!;

    public DateOnly Today => access.Today;

    [TempData]
    public string? Flash { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Saved is not null)
        {
            var tracked = await access.OwnAsync(Current, cancellationToken);
            Form = ProviderForm.Of(tracked!);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var exists = await access.OwnIdAsync(Current, cancellationToken) is not null;
        var outcome = exists ? await save.ExecuteAsync(Current, Form, cancellationToken) : await create.ExecuteAsync(Current, Form, cancellationToken);
        return await AfterAsync(outcome, l["Your profile is saved."], cancellationToken);
    }

    public async Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await submit.ExecuteAsync(Current, Form.Version, cancellationToken), l["Your profile is sent for verification. A partnerships officer will check it; you will see the decision here."], cancellationToken, keepForm: false);

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await confirm.ExecuteAsync(Current, cancellationToken), l["Thank you. Your profile is listed for another 12 months."], cancellationToken, keepForm: false);

    /// <summary>The field an API name stands for on this page: equipment[0].name is Form.Equipment[0].Name.</summary>
    public static string FieldOf(string field) =>
        "Form." + string.Join('.', field.Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    private async Task<IActionResult> AfterAsync(Outcome<ProviderView> outcome, string done, CancellationToken cancellationToken, bool keepForm = true)
    {
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        if (outcome.IsOk)
        {
            Flash = done;
            return RedirectToPage();
        }

        ModelState.AddErrors(outcome, FieldOf);
        if (outcome.Message is { } message && outcome.Kind == OutcomeKind.Invalid)
        {
            ModelState.AddModelError("", message);
        }

        await LoadAsync(cancellationToken);
        if (!keepForm && Saved is not null)
        {
            // Submit and confirm post only the version: show the saved profile with the fields to correct.
            Form = ProviderForm.Of((await access.OwnAsync(Current, cancellationToken))!);
        }
        else if (outcome.CurrentVersion is { } current)
        {
            // What the user typed stays on the page; saving again now goes against what is saved.
            Form.Version = current;
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Options = await ProfileOptions.LoadAsync(vocabulary, frameworks, cancellationToken);
        var outcome = await read.ExecuteAsync(Current, cancellationToken);
        Saved = outcome.IsOk ? outcome.Value : null;
    }
}
