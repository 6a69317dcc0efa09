using HiTech.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Antiforgery;

namespace HiTech.Web.Features.Assessments;

/// <summary>
/// The documents behind one input: list, upload (multipart, no script needed) and remove. The form is read by
/// hand (<see cref="UploadBody"/>), before the antiforgery check, so that a file over the limit still gets a plain
/// "too large" message instead of an error page or a reset connection; the antiforgery token is then checked on
/// every post that changes anything. A small script checks the size in the browser before sending.
/// </summary>
[Authorize(Policy = Roles.Enterprise)]
[IgnoreAntiforgeryToken]
[UploadPastLimit("upload")]
public sealed class EvidenceModel(
    GetAssessment get,
    UploadEvidence upload,
    RemoveEvidence remove,
    EvidenceStore store,
    AssessmentWords words,
    IAntiforgery antiforgery) : OwnAssessmentPage(get)
{
    public const string FileField = "File";

    public CompiledInput Input { get; private set; } = null!;

    public InputGroup Group { get; private set; } = null!;

    public IReadOnlyList<EvidenceFile> Files => Detail.FilesFor(Input.Id);

    public string Title => AssessmentWords.Title(Input);

    public long MaxBytes => store.MaxBytes;

    /// <summary>The name of the file just uploaded or removed, for the confirmation banner.</summary>
    public string? Added { get; private set; }

    public string? Removed { get; private set; }

    public string GroupUrl => $"/assessments/{Detail.Id}/inputs/{Group.Id}#{InputFieldIds.For(Input.Id)}";

    public async Task<IActionResult> OnGetAsync(Guid id, string inputId, [FromQuery] Guid? added, [FromQuery] string? removed, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, inputId, cancellationToken) is { } refused)
        {
            return refused;
        }

        Added = added is { } fileId ? Files.FirstOrDefault(f => f.Id == fileId)?.FileName : null;
        Removed = removed;
        return Page();
    }

    /// <summary>Takes no bound parameters: binding would read the form first, and a form over the limit would then lose the route values too.</summary>
    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellationToken)
    {
        var id = Guid.TryParse(RouteData.Values["id"]?.ToString(), out var routeId) ? routeId : Guid.Empty;
        var inputId = RouteData.Values["inputId"]?.ToString() ?? "";
        var form = await UploadBody.ReadFormAsync(Request, store.MaxBytes, cancellationToken);

        if (form is not null && !await ValidAntiforgeryAsync())
        {
            return BadRequest();
        }

        if (await LoadAsync(id, inputId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (form is null)
        {
            // Model binding also failed to read the form and said so in its own words; ours is the one to show.
            ModelState.Clear();
            ModelState.AddModelError(FileField, words.Refusal("too-large", store.MaxBytes));
            return Page();
        }

        var file = form.Files.GetFile(FileField);
        await using var content = file?.OpenReadStream();
        var outcome = await upload.ExecuteAsync(Current, id, Input.Id, content, file?.FileName, cancellationToken);
        if (outcome.IsOk)
        {
            return Redirect($"/assessments/{id}/evidence/{Input.Id}?added={outcome.Value!.Id}");
        }

        if (TurnedAway(outcome) is { } away)
        {
            return away;
        }

        ModelState.AddErrors(outcome, field => field == "file" ? FileField : field);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, string inputId, CancellationToken cancellationToken)
    {
        if (!await ValidAntiforgeryAsync())
        {
            return BadRequest();
        }

        if (await LoadAsync(id, inputId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Guid.TryParse(Request.Form["fileId"], out var fileId))
        {
            return NotFound();
        }

        var outcome = await remove.ExecuteAsync(Current, id, fileId, cancellationToken);
        return outcome.IsOk
            ? Redirect($"/assessments/{id}/evidence/{Input.Id}?removed={Uri.EscapeDataString(outcome.Value!.FileName)}")
            : TurnedAway(outcome) ?? NotFound();
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

    private async Task<IActionResult?> LoadAsync(Guid id, string inputId, CancellationToken cancellationToken)
    {
        if (await LoadDetailAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Detail.Framework.InputsById.TryGetValue(inputId, out var input))
        {
            return NotFound();
        }

        Input = input;
        Group = InputGroups.Of(Detail.Framework, input.Id);
        return null;
    }
}
