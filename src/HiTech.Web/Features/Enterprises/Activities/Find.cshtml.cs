using HiTech.Core.Reference;

namespace HiTech.Web.Features.Enterprises.Activities;

/// <summary>
/// /enterprise/activities/find: find the NIC code of an activity by words or digits. Works without JavaScript
/// (search, then choose from the list); nic-search.js searches as you type with /api/v1/classify.
/// </summary>
public sealed class FindModel(ReadOrganisation read, SaveActivity save, ReferenceData reference, IStringLocalizer<EnterprisesText> l) : EnterprisePage
{
    public const int MaxResults = 30;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Classes and sub-classes: precise enough to be an activity.</summary>
    public IReadOnlyList<NicEntry> Choices { get; private set; } = [];

    /// <summary>Sections, divisions and groups that matched: too broad, but a way to narrow down.</summary>
    public IReadOnlyList<NicEntry> Broader { get; private set; } = [];

    public bool Searched => !string.IsNullOrWhiteSpace(Query);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await read.OwnAsync(Current, cancellationToken) is null)
        {
            return LocalRedirect("/enterprise/register");
        }

        Search();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var organisation = await read.OwnAsync(Current, cancellationToken);
        if (organisation is null)
        {
            return LocalRedirect("/enterprise/register");
        }

        var code = Code?.Trim();
        if (save.CodeProblem(code) is { } problem)
        {
            ModelState.AddModelError(nameof(Code), problem);
        }
        else if (organisation.Activities.FirstOrDefault(a => a.Code == code) is { } existing)
        {
            ModelState.AddModelError(nameof(Code), l["You have already added NIC code {0}. Change that activity instead.", existing.Code]);
        }
        else
        {
            return LocalRedirect($"/enterprise/activities/add/{Uri.EscapeDataString(code!)}");
        }

        Search();
        return Page();
    }

    private void Search()
    {
        if (!Searched)
        {
            return;
        }

        var found = reference.Nic.Search(Query!.Trim(), MaxResults);
        Choices = [.. found.Where(e => e.Level is NicLevel.Class or NicLevel.SubClass)];
        Broader = [.. found.Where(e => e.Level is not (NicLevel.Class or NicLevel.SubClass))];
    }
}
