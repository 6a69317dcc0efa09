using System.Text.Json;
using HiTech.Web.Infrastructure.Security;
using HiTech.Web.Infrastructure.Storage;

namespace HiTech.Web.Features.Assessments;

/// <summary>
/// /api/v1/assessments: list, start, read, save inputs, upload evidence, submit, read the result. Bearer tokens
/// only. Enterprise users reach their organisation's assessments, assessors those assigned to them, admins all;
/// analysts are refused (403). Another organisation's assessment answers 404. Messages follow Accept-Language.
/// </summary>
public static class AssessmentsApi
{
    public sealed record ResultSummaryDto(double Index, string Tier, bool IsFinal, DateTimeOffset ComputedAt);

    public sealed record AssessmentListItem(
        Guid Id,
        Guid OrganisationId,
        string OrganisationName,
        int Year,
        string FinancialYear,
        string FrameworkId,
        string FrameworkVersion,
        string Status,
        int Version,
        DateTimeOffset UpdatedAt,
        DateTimeOffset? SubmittedAt,
        ResultSummaryDto? Result);

    public sealed record AssessmentList(IReadOnlyList<AssessmentListItem> Items, int Total, int Page, int PageSize);

    public sealed record StartRequest(Guid? OrganisationId, int? Year);

    public sealed record EvidenceFileDto(Guid Id, string InputId, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

    /// <summary>An input with its value in stored units: rupees, counts, ratios 0-1, true/false, a domain value or a list of them.</summary>
    public sealed record InputDto(string Id, string Type, bool Required, string? Pillar, object? Value, string Evidence, string Review, IReadOnlyList<EvidenceFileDto> Files);

    public sealed record AssessmentDto(
        Guid Id,
        Guid OrganisationId,
        int Year,
        string FinancialYear,
        string FrameworkId,
        string FrameworkVersion,
        string Status,
        int Version,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt,
        DateTimeOffset? SubmittedAt,
        DateTimeOffset? DecidedAt,
        string? ReviewComments,
        IReadOnlyList<InputDto> Inputs);

    /// <summary>The version read, and the values to set by input id (null clears a value).</summary>
    public sealed record SaveInputsRequest(int? Version, Dictionary<string, JsonElement>? Inputs);

    public sealed record SaveInputsResponse(Guid Id, int Version);

    public sealed record SubmitRequest(int? Version);

    /// <summary>The result: <see cref="Explanation"/> is the engine's explanation JSON (snake_case) exactly as stored.</summary>
    public sealed record ResultDto(
        Guid AssessmentId,
        string Status,
        bool IsFinal,
        double Index,
        string Tier,
        string FrameworkId,
        string FrameworkVersion,
        DateTimeOffset ComputedAt,
        JsonElement Explanation);

    /// <summary>The multipart form of an evidence upload (for the API description).</summary>
    public sealed class EvidenceUpload
    {
        public string InputId { get; set; } = "";

        public IFormFile? File { get; set; }
    }

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/assessments")
            .WithTags("Assessments")
            .RequireApi(Roles.Enterprise, Roles.Assessor, Roles.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", ListAsync)
            .WithName("ListAssessments")
            .WithSummary("List assessments: your organisation's; an assessor's assigned ones; all for admins")
            .WithDescription("Newest financial year first. page starts at 1; pageSize is at most 200 (default 50).");

        group.MapPost("/", StartAsync)
            .WithName("StartAssessment")
            .WithSummary("Start an assessment for a completed financial year (one per year) under the active framework version")
            .WithDescription("year is the financial year's first calendar year: 2024 means 2024-25. 409 when one exists (its id is in the problem's assessmentId).")
            .ProducesChangeProblems();

        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetAssessment")
            .WithSummary("An assessment: status, version, and every input with its value, evidence level and documents")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}/inputs", SaveAsync)
            .WithName("SaveAssessmentInputs")
            .WithSummary("Set input values (only those given; null clears one), with the version you read")
            .WithDescription("Values in stored units: money in rupees (a number, or text like \"12,34,567\"), ratios 0-1, counts, true/false, a domain value, or an array of domain values. "
                + "400 lists each refused value under inputs.<id>; 409 when the assessment changed since your version (currentVersion in the problem) or is no longer editable.")
            .ProducesChangeProblems();

        group.MapPost("/{id:guid}/evidence", UploadAsync)
            .WithName("UploadAssessmentEvidence")
            .WithSummary("Upload a PDF, PNG or JPEG supporting one input (multipart: inputId, file)")
            .WithDescription("The type is decided by the file's content; the size limit is Uploads:MaxBytes. The input's evidence becomes document-backed.")
            .Accepts<EvidenceUpload>("multipart/form-data")
            .DisableAntiforgery()
            .ProducesChangeProblems();

        group.MapGet("/{id:guid}/evidence/{fileId:guid}", DownloadAsync)
            .WithName("DownloadAssessmentEvidence")
            .WithSummary("Download an evidence document")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/submit", SubmitAsync)
            .WithName("SubmitAssessment")
            .WithSummary("Submit for assessment: the engine checks the inputs and stores a provisional result")
            .WithDescription("400 lists what stops submission under inputs.<id> (or activities); 409 when the version is stale or the assessment is not editable.")
            .ProducesChangeProblems();

        group.MapGet("/{id:guid}/result", ResultAsync)
            .WithName("GetAssessmentResult")
            .WithSummary("The latest result with its full explanation, the assessment's status and whether the result is final")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>What a change can be refused with: values (400), not there (404), in conflict with what is saved (409).</summary>
    private static RouteHandlerBuilder ProducesChangeProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict);

    public static string StatusId(AssessmentStatus status) => status.ToString().ToLowerInvariant();

    private static async Task<Results<Ok<AssessmentList>, ProblemHttpResult>> ListAsync(HttpContext http, ListAssessments list, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize ?? 50, 1, ListAssessments.MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        var listed = await list.ExecuteAsync(CurrentUser.From(http.User), number, size, cancellationToken);
        return listed.ToOk(found => new AssessmentList(
            [.. found.Items.Select(a => new AssessmentListItem(
                a.Id, a.OrganisationId, a.OrganisationName, a.Year, Fmt.FinancialYear(a.Year), a.FrameworkId, a.FrameworkVersion, StatusId(a.Status), a.Version,
                a.UpdatedAt, a.SubmittedAt, a.Result is { } r ? new ResultSummaryDto(r.Index, r.Tier, r.IsFinal, r.ComputedAt) : null))],
            found.Total,
            number,
            size));
    }

    private static async Task<Results<Created<AssessmentDto>, ProblemHttpResult>> StartAsync(
        StartRequest request, HttpContext http, StartAssessment start, GetAssessment get, AssessmentWords words, CancellationToken cancellationToken)
    {
        if (Missing(("organisationId", request.OrganisationId, words.L["Give the organisation’s id"]), ("year", request.Year, words.L["Give the financial year, like 2024 for 2024-25"])) is { } missing)
        {
            return missing;
        }

        var user = CurrentUser.From(http.User);
        var started = await start.ExecuteAsync(user, request.OrganisationId!.Value, request.Year!.Value, cancellationToken);
        if (!started.IsOk)
        {
            return started.Problem();
        }

        var created = await get.ExecuteAsync(user, started.Value, cancellationToken);
        return created.ToCreated(detail => $"/api/v1/assessments/{detail.Id}", ToDto);
    }

    private static async Task<Results<Ok<AssessmentDto>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, GetAssessment get, CancellationToken cancellationToken) =>
        (await get.ExecuteAsync(CurrentUser.From(http.User), id, cancellationToken)).ToOk(ToDto);

    private static async Task<Results<Ok<SaveInputsResponse>, ProblemHttpResult>> SaveAsync(
        Guid id, SaveInputsRequest request, HttpContext http, SaveInputs save, AssessmentWords words, CancellationToken cancellationToken)
    {
        if (Missing(("version", request.Version, VersionMissing(words)), ("inputs", request.Inputs, words.L["Give the inputs to save, by input id"])) is { } missing)
        {
            return missing;
        }

        var entries = request.Inputs!.ToDictionary(p => p.Key, p => new InputEntry(Json: p.Value), StringComparer.Ordinal);
        var saved = await save.ExecuteAsync(CurrentUser.From(http.User), id, request.Version!.Value, entries, cancellationToken);
        return saved.ToOk(version => new SaveInputsResponse(id, version));
    }

    private static async Task<Results<Created<EvidenceFileDto>, ProblemHttpResult>> UploadAsync(
        Guid id, HttpRequest request, UploadEvidence upload, EvidenceStore store, AssessmentWords words, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Invalid("file", words.L["Send the file as multipart/form-data, with the input’s id in inputId"]);
        }

        if (await UploadBody.ReadFormAsync(request, store.MaxBytes, cancellationToken) is not { } form)
        {
            // Larger than the limit: refused with a problem, the body read through so the client gets it.
            return Invalid("file", words.Refusal("too-large", store.MaxBytes));
        }

        var inputId = form["inputId"].ToString();
        if (inputId.Length == 0)
        {
            return Invalid("inputId", words.L["Give the id of the input the document supports"]);
        }

        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        await using var content = file?.OpenReadStream();
        var uploaded = await upload.ExecuteAsync(CurrentUser.From(request.HttpContext.User), id, inputId, content, file?.FileName, cancellationToken);
        return uploaded.ToCreated(kept => $"/api/v1/assessments/{id}/evidence/{kept.Id}", ToDto);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, Guid fileId, HttpContext http, DownloadEvidence download, CancellationToken cancellationToken)
    {
        var found = await download.ExecuteAsync(CurrentUser.From(http.User), id, fileId, cancellationToken);
        return found.IsOk ? TypedResults.File(found.Value.Content, found.Value.File.ContentType, found.Value.File.FileName) : found.Problem();
    }

    private static async Task<Results<Ok<ResultDto>, ProblemHttpResult>> SubmitAsync(
        Guid id, SubmitRequest request, HttpContext http, SubmitAssessment submit, AssessmentWords words, CancellationToken cancellationToken)
    {
        if (Missing(("version", request.Version, VersionMissing(words))) is { } missing)
        {
            return missing;
        }

        var submitted = await submit.ExecuteAsync(CurrentUser.From(http.User), id, request.Version!.Value, cancellationToken);
        return submitted.ToOk(result => ToDto(result, AssessmentStatus.Submitted));
    }

    private static async Task<Results<Ok<ResultDto>, ProblemHttpResult>> ResultAsync(Guid id, HttpContext http, GetResult get, AssessmentWords words, CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(CurrentUser.From(http.User), id, cancellationToken);
        return found is { IsOk: true, Value: null }
            ? Outcome.NotFound<ResultDetail>(words.L["This assessment has no result yet: it has not been submitted"]).Problem()
            : found.ToOk(detail => ToDto(detail!.Result, detail.Assessment.Status));
    }

    private static ResultDto ToDto(AssessmentResult result, AssessmentStatus status)
    {
        using var document = JsonDocument.Parse(result.ExplanationJson);
        return new ResultDto(result.AssessmentId, StatusId(status), result.IsFinal, result.Index, result.Tier, result.FrameworkId, result.FrameworkVersion, result.ComputedAt, document.RootElement.Clone());
    }

    private static EvidenceFileDto ToDto(EvidenceFile file) => new(file.Id, file.InputId, file.FileName, file.ContentType, file.Size, file.UploadedAt);

    private static AssessmentDto ToDto(AssessmentDetail detail)
    {
        var a = detail.Assessment;
        var inputs = detail.Framework.Inputs.Select(input =>
        {
            var row = detail.Row(input.Id);
            return new InputDto(
                input.Id,
                InputTypes.ToId(input.Type),
                input.Definition.Required,
                input.Definition.Pillar,
                StoredValue.Of(row).ToPlain(input),
                EvidenceLevels.ToId(row?.Evidence ?? EvidenceLevel.SelfDeclared),
                (row?.Review ?? ReviewState.Pending).ToString().ToLowerInvariant(),
                [.. detail.FilesFor(input.Id).Select(ToDto)]);
        }).ToList();
        return new AssessmentDto(a.Id, a.OrganisationId, a.Year, Fmt.FinancialYear(a.Year), a.FrameworkId, a.FrameworkVersion, StatusId(a.Status), a.Version,
            a.CreatedAt, a.UpdatedAt, a.SubmittedAt, a.DecidedAt, a.ReviewComments, inputs);
    }

    private static string VersionMissing(AssessmentWords words) => words.L["Give the version you read (from GET /api/v1/assessments/{id})"];

    private static ProblemHttpResult Invalid(string field, string message) => Outcome.Invalid<object>(field, message).Problem();

    /// <summary>400 naming each field the request left out, in order; null when it gave them all.</summary>
    private static ProblemHttpResult? Missing(params (string Field, object? Value, string Message)[] fields)
    {
        var errors = fields.Where(f => f.Value is null).ToDictionary(f => f.Field, f => new[] { f.Message }, StringComparer.Ordinal);
        return errors.Count > 0 ? Outcome.Invalid<object>(errors).Problem() : null;
    }
}
