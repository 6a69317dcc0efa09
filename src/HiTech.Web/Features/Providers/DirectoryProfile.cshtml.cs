namespace HiTech.Web.Features.Providers;

/// <summary>
/// GET /directory/{id}: a listed provider's public profile (a professional's only for verified enterprises and officers),
/// with its record on the platform: responsiveness, acceptance, completed partnerships and ratings, as aggregates only.
/// </summary>
[AllowAnonymous]
public sealed class DirectoryProfileModel(ReadDirectoryEntry read, CollaborationVocabulary vocabulary, FrameworkStore frameworks) : PageModel
{
    public PublicProfile Profile { get; private set; } = null!;

    public ProfileOptions Options { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await read.ExecuteAsync(CurrentUser.From(User), id, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        Profile = outcome.Value!;
        Options = await ProfileOptions.LoadAsync(vocabulary, frameworks, cancellationToken);
        return Page();
    }
}
