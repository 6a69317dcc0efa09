using System.Text.Json;
using HiTech.Core.Frameworks;
using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Localization;
using HiTech.Web.Infrastructure.Security;
using HiTech.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

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
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetAssessment")
            .WithSummary("An assessment: status, version, and every input with its value, evidence level and documents")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}/inputs", SaveAsync)
            .WithName("SaveAssessmentInputs")
            .WithSummary("Set input values (only those given; null clears one), with the version you read")
            .WithDescription("Values in stored units: money in rupees (a number, or text like \"12,34,567\"), ratios 0-1, counts, true/false, a domain value, or an array of domain values. "
                + "400 lists each refused value under inputs.<id>; 409 when the assessment changed since your version (currentVersion in the problem) or is no longer editable.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/evidence", UploadAsync)
            .WithName("UploadAssessmentEvidence")
            .WithSummary("Upload a PDF, PNG or JPEG supporting one input (multipart: inputId, file)")
            .WithDescription("The type is decided by the file's content; the size limit is Uploads:MaxBytes. The input's evidence becomes document-backed.")
            .Accepts<EvidenceUpload>("multipart/form-data")
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}/evidence/{fileId:guid}", DownloadAsync)
            .WithName("DownloadAssessmentEvidence")
            .WithSummary("Download an evidence document")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/submit", SubmitAsync)
            .WithName("SubmitAssessment")
            .WithSummary("Submit for assessment: the engine checks the inputs and stores a provisional result")
            .WithDescription("400 lists what stops submission under inputs.<id> (or activities); 409 when the version is stale or the assessment is not editable.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}/result", ResultAsync)
            .WithName("GetAssessmentResult")
            .WithSummary("The latest result with its full explanation, the assessment's status and whether the result is final")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static string StatusId(AssessmentStatus status) => status.ToString().ToLowerInvariant();

    private static async Task<Ok<AssessmentList>> ListAsync(HttpContext http, ListAssessments list, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var size = Math.Clamp(pageSize ?? 50, 1, ListAssessments.MaxPageSize);
        var number = Math.Max(page ?? 1, 1);
        var (items, total) = await list.ExecuteAsync(user, number, size, cancellationToken);
        return TypedResults.Ok(new AssessmentList(
            [.. items.Select(a => new AssessmentListItem(
                a.Id, a.OrganisationId, a.OrganisationName, a.Year, Fmt.FinancialYear(a.Year), a.FrameworkId, a.FrameworkVersion, StatusId(a.Status), a.Version,
                a.UpdatedAt, a.SubmittedAt, a.Result is { } r ? new ResultSummaryDto(r.Index, r.Tier, r.IsFinal, r.ComputedAt) : null))],
            total,
            number,
            size));
    }

    private static async Task<Results<Created<AssessmentDto>, ValidationProblem, ProblemHttpResult>> StartAsync(
        StartRequest request, HttpContext http, StartAssessment start, GetAssessment get, AssessmentWords words, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.OrganisationId is null)
        {
            errors["organisationId"] = [words.L["Give the organisation’s id"]];
        }

        if (request.Year is null)
        {
            errors["year"] = [words.L["Give the financial year, like 2024 for 2024-25"]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!user.IsEnterprise)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: words.L["Only the enterprise can start its assessment"]);
        }

        var outcome = await start.ExecuteAsync(user, request.OrganisationId!.Value, request.Year!.Value, cancellationToken);
        switch (outcome.Status)
        {
            case StartStatus.NotFound:
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: words.L["No such organisation"]);
            case StartStatus.BadYear:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["year"] = [words.L["The financial year must be a completed one, from {0} to {1}", Fmt.FinancialYear(StartAssessment.FirstYear), Fmt.FinancialYear(start.LastCompletedYear)]],
                });
            case StartStatus.Exists:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict,
                    title: words.L["You already have an assessment for {0}", Fmt.FinancialYear(request.Year!.Value)],
                    extensions: new Dictionary<string, object?> { ["assessmentId"] = outcome.AssessmentId });
        }

        var created = await get.ExecuteAsync(user, outcome.AssessmentId!.Value, cancellationToken);
        return TypedResults.Created($"/api/v1/assessments/{outcome.AssessmentId}", ToDto(created.Value!));
    }

    private static async Task<Results<Ok<AssessmentDto>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, GetAssessment get, AssessmentWords words, CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(CurrentUser.From(http.User), id, cancellationToken);
        return found.Value is { } detail ? TypedResults.Ok(ToDto(detail)) : Refused(found.Access, words);
    }

    private static async Task<Results<Ok<SaveInputsResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        Guid id, SaveInputsRequest request, HttpContext http, SaveInputs save, AssessmentWords words, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Version is null)
        {
            errors["version"] = [words.L["Give the version you read (from GET /api/v1/assessments/{id})"]];
        }

        if (request.Inputs is null)
        {
            errors["inputs"] = [words.L["Give the inputs to save, by input id"]];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = CurrentUser.From(http.User);
        var entries = request.Inputs!.ToDictionary(p => p.Key, p => new InputEntry(Json: p.Value), StringComparer.Ordinal);
        var outcome = await save.ExecuteAsync(user, id, request.Version!.Value, entries, cancellationToken);
        switch (outcome.Status)
        {
            case SaveStatus.Saved:
                return TypedResults.Ok(new SaveInputsResponse(id, outcome.Version));
            case SaveStatus.Invalid:
                var framework = outcome.Framework!;
                return TypedResults.ValidationProblem(outcome.Problems.ToDictionary(
                    p => "inputs." + p.Key,
                    p => new[] { framework.InputsById.TryGetValue(p.Key, out var input) ? words.Describe(input, p.Value) : words.UnknownInput(p.Key) }));
            case SaveStatus.Stale:
                return Stale(words, outcome.Version);
            case SaveStatus.NotEditable:
                return NotEditable(words);
            case SaveStatus.Forbidden:
                return Refused(Access.Forbidden, words);
            default:
                return NotFound(words);
        }
    }

    private static async Task<Results<Created<EvidenceFileDto>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        Guid id, HttpRequest request, UploadEvidence upload, EvidenceStore store, AssessmentWords words, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [words.L["Send the file as multipart/form-data, with the input’s id in inputId"]] });
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            // Larger than the request limit: refused before it is all read.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [words.Refusal("too-large", store.MaxBytes)] });
        }

        var inputId = form["inputId"].ToString();
        if (inputId.Length == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["inputId"] = [words.L["Give the id of the input the document supports"]] });
        }

        var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        await using var content = file?.OpenReadStream();
        var outcome = await upload.ExecuteAsync(CurrentUser.From(request.HttpContext.User), id, inputId, content, file?.FileName, cancellationToken);
        return outcome.Status switch
        {
            EvidenceStatus.Done => TypedResults.Created($"/api/v1/assessments/{id}/evidence/{outcome.File!.Id}", ToDto(outcome.File)),
            EvidenceStatus.Refused => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [words.Refusal(outcome.Refusal, store.MaxBytes)] }),
            EvidenceStatus.UnknownInput => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["inputId"] = [words.UnknownInput(inputId)] }),
            EvidenceStatus.NotEditable => NotEditable(words),
            EvidenceStatus.Forbidden => Refused(Access.Forbidden, words),
            _ => NotFound(words),
        };
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, Guid fileId, HttpContext http, DownloadEvidence download, AssessmentWords words, CancellationToken cancellationToken)
    {
        var (access, file, content) = await download.ExecuteAsync(CurrentUser.From(http.User), id, fileId, cancellationToken);
        return content is null ? Refused(access == Access.Allowed ? Access.NotFound : access, words) : TypedResults.File(content, file!.ContentType, file.FileName);
    }

    private static async Task<Results<Ok<ResultDto>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        Guid id, SubmitRequest request, HttpContext http, SubmitAssessment submit, AssessmentWords words, CancellationToken cancellationToken)
    {
        if (request.Version is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = [words.L["Give the version you read (from GET /api/v1/assessments/{id})"]] });
        }

        var outcome = await submit.ExecuteAsync(CurrentUser.From(http.User), id, request.Version.Value, cancellationToken);
        switch (outcome.Status)
        {
            case SubmitStatus.Submitted:
                var result = outcome.Result!;
                return TypedResults.Ok(ToDto(result, AssessmentStatus.Submitted));
            case SubmitStatus.Invalid:
                var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                foreach (var issue in outcome.Issues)
                {
                    var message = words.Issue(outcome.Framework!, issue);
                    foreach (var field in issue.Field.Split(';'))
                    {
                        var key = field == "activities" ? "activities" : "inputs." + field;
                        if (!errors.TryGetValue(key, out var list))
                        {
                            errors[key] = list = [];
                        }

                        list.Add(message);
                    }
                }

                return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: words.L["The assessment cannot be submitted yet"]);
            case SubmitStatus.Stale:
                return Stale(words, outcome.Version);
            case SubmitStatus.NotEditable:
                return NotEditable(words);
            case SubmitStatus.Forbidden:
                return Refused(Access.Forbidden, words);
            default:
                return NotFound(words);
        }
    }

    private static async Task<Results<Ok<ResultDto>, ProblemHttpResult>> ResultAsync(Guid id, HttpContext http, GetResult get, AssessmentWords words, CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(CurrentUser.From(http.User), id, cancellationToken);
        if (found.Value is { } detail)
        {
            return TypedResults.Ok(ToDto(detail.Result, detail.Assessment.Status));
        }

        return found.Access == Access.Allowed
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: words.L["This assessment has no result yet: it has not been submitted"])
            : Refused(found.Access, words);
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

    private static ProblemHttpResult Refused(Access access, AssessmentWords words) => access == Access.Forbidden
        ? TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: words.L["Your account cannot see or change individual assessments"])
        : NotFound(words);

    private static ProblemHttpResult NotFound(AssessmentWords words) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: words.L["No such assessment"]);

    private static ProblemHttpResult Stale(AssessmentWords words, int currentVersion) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: words.L["The assessment was changed after you read it. Read it again and retry with the new version."],
        extensions: new Dictionary<string, object?> { ["currentVersion"] = currentVersion });

    private static ProblemHttpResult NotEditable(AssessmentWords words) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: words.L["The assessment has been submitted and cannot be changed now"]);
}
