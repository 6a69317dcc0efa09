using HiTech.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Antiforgery;

namespace HiTech.Web.Features.ProviderImport;

/// <summary>
/// GET/POST /provider-import: a partnerships officer uploads a department's list of providers and sees what became
/// of every row ("N imported, M updated, K rejected"), with the rejects on the page and as a CSV to download. The form
/// is read by hand (<see cref="UploadBody"/>) before the antiforgery check, so a file over the limit gets a plain
/// message instead of a reset connection; the size is also checked in the browser first.
/// </summary>
[Authorize(Policy = Roles.PartnershipsOfficer)]
[IgnoreAntiforgeryToken]
[UploadPastLimit("import")]
public sealed class IndexModel(ImportProviders import, ImportFiles files, ImportWords words, IAntiforgery antiforgery) : FormPage
{
    /// <summary>How many rejects the page lists (all of them are in the download).</summary>
    public const int RejectsShown = 100;

    public const string FileField = "File";

    public ImportSummary? Summary { get; private set; }

    public long MaxBytes => files.MaxBytes;

    public ImportWords Words => words;

    public override IReadOnlyList<string> FieldOrder => [FileField];

    public void OnGet()
    {
    }

    /// <summary>The rejects file of one of the officer's own imports (a week at most).</summary>
    public IActionResult OnGetRejects(Guid id) =>
        files.FindRejects(Current.RequiredId, id) is { } path
            ? PhysicalFile(path, "text/csv; charset=utf-8", $"provider-import-rejects-{id:N}.csv")
            : NotFound();

    /// <summary>Takes no bound parameters: binding would read the form before its size is checked.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        var form = await UploadBody.ReadFormAsync(Request, files.MaxBytes, cancellationToken);
        if (form is not null && !await ValidAntiforgeryAsync())
        {
            return BadRequest();
        }

        if (form is null)
        {
            ModelState.Clear();
            ModelState.AddModelError(FileField, words.Refusal("too-large", files.MaxBytes));
            return Page();
        }

        var file = form.Files.GetFile(FileField);
        await using var content = file is { Length: > 0 } ? file.OpenReadStream() : null;
        var outcome = await import.ExecuteAsync(Current, content, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        if (!outcome.IsOk)
        {
            ModelState.AddErrors(outcome, _ => FileField);
            return Page();
        }

        Summary = outcome.Value;
        return Page();
    }

    private async Task<bool> ValidAntiforgeryAsync()
    {
        try
        {
            await antiforgery.ValidateRequestAsync(HttpContext);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }
}
