using System.Text.Json;
using System.Text.Json.Serialization;
using HiTech.Web.Features.Certificates;
using HiTech.Web.Infrastructure.Security;

namespace HiTech.Web.Features.Reviews;

/// <summary>
/// /api/v1/reviews for assessors (bearer token, role Assessor): the queue, one assessment's review, a decision per
/// input, approve, return. Another assessor's assessment answers 404; a stale version answers 409.
/// </summary>
public static class ReviewsApi
{
    public sealed record QueueEntry(
        [property: JsonPropertyName("assessment_id")] Guid AssessmentId,
        [property: JsonPropertyName("organisation")] string Organisation,
        [property: JsonPropertyName("udyam")] string Udyam,
        [property: JsonPropertyName("district")] string District,
        [property: JsonPropertyName("year")] int Year,
        [property: JsonPropertyName("financial_year")] string FinancialYear,
        [property: JsonPropertyName("submitted_at")] DateTimeOffset? SubmittedAt,
        [property: JsonPropertyName("assigned_to_me")] bool AssignedToMe,
        [property: JsonPropertyName("provisional_tier")] string? ProvisionalTier,
        [property: JsonPropertyName("provisional_index")] double? ProvisionalIndex,
        [property: JsonPropertyName("version")] int Version);

    public sealed record FileEntry(
        [property: JsonPropertyName("id")] Guid Id,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("content_type")] string ContentType,
        [property: JsonPropertyName("size")] long Size,
        [property: JsonPropertyName("url")] string Url);

    public sealed record InputEntry(
        [property: JsonPropertyName("id")] Guid Id,
        [property: JsonPropertyName("input_id")] string InputId,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("type")] string? Type,
        [property: JsonPropertyName("number")] decimal? Number,
        [property: JsonPropertyName("flag")] bool? Flag,
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("evidence")] string Evidence,
        [property: JsonPropertyName("review")] string Review,
        [property: JsonPropertyName("review_note")] string? ReviewNote,
        [property: JsonPropertyName("files")] IReadOnlyList<FileEntry> Files);

    public sealed record ResultEntry(
        [property: JsonPropertyName("tier")] string Tier,
        [property: JsonPropertyName("index")] double Index,
        [property: JsonPropertyName("computed_at")] DateTimeOffset? ComputedAt);

    public sealed record PreviewEntry(
        [property: JsonPropertyName("tier")] string? Tier,
        [property: JsonPropertyName("certifiable_tier")] string? CertifiableTier,
        [property: JsonPropertyName("index")] double? Index,
        [property: JsonPropertyName("issues")] IReadOnlyList<string> Issues);

    public sealed record CertificateEntry(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("issued_at")] DateTimeOffset IssuedAt,
        [property: JsonPropertyName("verify_url")] string VerifyUrl);

    public sealed record AuditRow(
        [property: JsonPropertyName("at")] DateTimeOffset At,
        [property: JsonPropertyName("who")] string Who,
        [property: JsonPropertyName("entity")] string Entity,
        [property: JsonPropertyName("action")] string Action,
        [property: JsonPropertyName("before")] JsonElement? Before,
        [property: JsonPropertyName("after")] JsonElement? After);

    public sealed record ReviewResponse(
        [property: JsonPropertyName("assessment_id")] Guid AssessmentId,
        [property: JsonPropertyName("organisation")] string Organisation,
        [property: JsonPropertyName("udyam")] string Udyam,
        [property: JsonPropertyName("district")] string District,
        [property: JsonPropertyName("year")] int Year,
        [property: JsonPropertyName("framework")] string Framework,
        [property: JsonPropertyName("framework_version")] string FrameworkVersion,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("assigned_to_me")] bool AssignedToMe,
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("submitted_at")] DateTimeOffset? SubmittedAt,
        [property: JsonPropertyName("decided_at")] DateTimeOffset? DecidedAt,
        [property: JsonPropertyName("review_comments")] string? ReviewComments,
        [property: JsonPropertyName("inputs")] IReadOnlyList<InputEntry> Inputs,
        [property: JsonPropertyName("provisional")] ResultEntry? Provisional,
        [property: JsonPropertyName("final")] ResultEntry? Final,
        [property: JsonPropertyName("preview")] PreviewEntry Preview,
        [property: JsonPropertyName("certificates")] IReadOnlyList<CertificateEntry> Certificates,
        [property: JsonPropertyName("audit")] IReadOnlyList<AuditRow> Audit);

    /// <summary>A decision on one input. <c>value</c> (for adjusted) may be a number, text, true/false or a list of codes.</summary>
    public sealed record DecisionRequest(
        [property: JsonPropertyName("decision")] string? Decision,
        [property: JsonPropertyName("value")] JsonElement? Value,
        [property: JsonPropertyName("reason")] string? Reason,
        [property: JsonPropertyName("version")] int? Version);

    public sealed record DecideRequest(
        [property: JsonPropertyName("version")] int? Version,
        [property: JsonPropertyName("comments")] string? Comments);

    public sealed record DecisionResponse(
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("version")] int Version,
        [property: JsonPropertyName("certificate_id")] string? CertificateId);

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reviews").WithTags("Reviews").RequireApi(Roles.Assessor);
        group.MapGet("/", QueueAsync)
            .WithSummary("The review queue: submitted assessments not yet taken, then those assigned to me")
            .WithDescription("q finds a name, Udyam number or district; show is all, open or mine; district is a district id; sort is oldest (default) or newest; "
                + "page from 1, page_size up to 500 (default 25). The body is one page; X-Total-Count and a Link header (next, prev) tell the rest.")
            .Produces<QueueEntry[]>()
            .ProducesValidationProblem();
        group.MapGet("/{assessmentId:guid}", GetAsync)
            .WithSummary("One assessment to review: inputs with evidence files, results, certificates and the audit trail")
            .Produces<ReviewResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{assessmentId:guid}/take", TakeAsync)
            .WithSummary("Take an unassigned submitted assessment (deciding on one also takes it)")
            .Produces<DecisionResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{assessmentId:guid}/inputs/{inputId:guid}", DecideAsync)
            .WithSummary("Mark one input verified, adjusted (value and reason) or rejected (reason)")
            .WithDescription("inputId is the input row's id from GET /reviews/{assessmentId}. version is the assessment's version as read; a stale one answers 409.")
            .Produces<DecisionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{assessmentId:guid}/approve", ApproveAsync)
            .WithSummary("Approve: a final result with the reviewed inputs under the assessment's framework version, and a signed certificate")
            .Produces<DecisionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{assessmentId:guid}/return", ReturnAsync)
            .WithSummary("Return to the enterprise with comments (required), which the enterprise sees")
            .Produces<DecisionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<QueueEntry[]>, ProblemHttpResult>> QueueAsync(
        HttpContext context,
        GetReviewQueue queue,
        CancellationToken cancellationToken,
        string? q = null,
        string? show = null,
        string? district = null,
        string? sort = null,
        int? page = null,
        [FromQuery(Name = "page_size")] int? pageSize = null)
    {
        var outcome = await queue.ExecuteAsync(CurrentUser.From(context.User), new QueueQuery(q, show, district, sort, page, pageSize), cancellationToken);
        if (outcome.IsOk)
        {
            PagingHeaders(context.Response, outcome.Value!);
        }

        return outcome.ToOk(found => found.Items.Select(i => new QueueEntry(
            i.AssessmentId, i.Organisation, i.UdyamNumber, i.District, i.Year, Fmt.FinancialYear(i.Year), i.SubmittedAt, i.AssignedToMe, i.ProvisionalTier, i.ProvisionalIndex, i.Version)).ToArray());
    }

    /// <summary>The total and the neighbouring pages (RFC 8288 links), keeping the body the plain list it always was.</summary>
    private static void PagingHeaders(HttpResponse response, QueuePage found)
    {
        response.Headers["X-Total-Count"] = found.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var size = found.Query.PageSize is { } s ? "page_size=" + s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        string Link(int page, string rel)
        {
            var query = found.Query.QueryString(page);
            var separator = query.Length == 0 ? "?" : "&";
            return $"</api/v1/reviews{query}{(size.Length == 0 ? "" : separator + size)}>; rel=\"{rel}\"";
        }

        var links = new List<string>();
        if (found.Page < found.Pages)
        {
            links.Add(Link(found.Page + 1, "next"));
        }

        if (found.Page > 1)
        {
            links.Add(Link(found.Page - 1, "prev"));
        }

        if (links.Count > 0)
        {
            response.Headers.Link = string.Join(", ", links);
        }
    }

    private static async Task<Results<Ok<ReviewResponse>, ProblemHttpResult>> GetAsync(
        Guid assessmentId, HttpContext context, GetReview review, CertificateDocument documents, CancellationToken cancellationToken) =>
        (await review.ExecuteAsync(assessmentId, CurrentUser.From(context.User), cancellationToken)).ToOk(view => Response(view, context, documents));

    private static ReviewResponse Response(ReviewView view, HttpContext context, CertificateDocument documents)
    {
        var a = view.Assessment;
        var o = view.Organisation;
        return new ReviewResponse(
            a.Id,
            o.Name,
            o.UdyamNumber,
            o.District,
            a.Year,
            a.FrameworkId,
            a.FrameworkVersion,
            a.Status.ToString().ToLowerInvariant(),
            view.IsMine,
            a.Version,
            a.SubmittedAt,
            a.DecidedAt,
            a.ReviewComments,
            [.. view.Inputs.Select(i => new InputEntry(
                i.Row.Id,
                i.Row.InputId,
                i.Title.En,
                i.Input?.Type.ToString().ToLowerInvariant(),
                i.Row.Number,
                i.Row.Flag,
                i.Row.Text,
                EvidenceLevels.ToId(i.Row.Evidence),
                i.Row.Review.ToString().ToLowerInvariant(),
                i.Row.ReviewNote,
                [.. i.Files.Select(f => new FileEntry(f.Id, f.FileName, f.ContentType, f.Size, $"/reviews/evidence/{f.Id}"))]))],
            view.Provisional is { } p ? new ResultEntry(p.Tier, p.Index, p.ComputedAt) : null,
            view.Final is { } f ? new ResultEntry(f.Tier, f.Index, f.ComputedAt) : null,
            new PreviewEntry(view.Preview?.Tier.Id, view.Preview?.Certification.CertifiableTier, view.Preview?.Index, [.. view.PreviewIssues.Select(i => $"{i.Field} {i.Reason}")]),
            [.. view.Certificates.Select(c => new CertificateEntry(c.Id, CertificatesApi.StatusOf(c), c.IssuedAt, documents.VerifyUrl(context.Request, c.Id)))],
            [.. view.Trail.Select(t => new AuditRow(t.At, t.Who, t.Entity, AuditActions.Id(t.Action), Parse(t.Before), Parse(t.After)))]);
    }

    private static async Task<Results<Ok<DecisionResponse>, ProblemHttpResult>> TakeAsync(
        Guid assessmentId, HttpContext context, TakeAssessment take, CancellationToken cancellationToken, int? version = null) =>
        Answer(await take.ExecuteAsync(assessmentId, version, CurrentUser.From(context.User), cancellationToken));

    private static async Task<Results<Ok<DecisionResponse>, ProblemHttpResult>> DecideAsync(
        Guid assessmentId, Guid inputId, DecisionRequest body, HttpContext context, DecideInput decide, CancellationToken cancellationToken)
    {
        var value = body.Value switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
            { ValueKind: JsonValueKind.True } => "yes",
            { ValueKind: JsonValueKind.False } => "no",
            { ValueKind: JsonValueKind.Array } list => string.Join(';', list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
            _ => null,
        };
        var outcome = await decide.ExecuteAsync(assessmentId, inputId, new InputDecision(body.Decision, value, body.Reason, body.Version), CurrentUser.From(context.User), cancellationToken);
        return Answer(outcome);
    }

    private static async Task<Results<Ok<DecisionResponse>, ProblemHttpResult>> ApproveAsync(
        Guid assessmentId, DecideRequest body, HttpContext context, ApproveAssessment approve, CancellationToken cancellationToken) =>
        Answer(await approve.ExecuteAsync(assessmentId, body.Version, body.Comments, CurrentUser.From(context.User), cancellationToken));

    private static async Task<Results<Ok<DecisionResponse>, ProblemHttpResult>> ReturnAsync(
        Guid assessmentId, DecideRequest body, HttpContext context, ReturnAssessment @return, CancellationToken cancellationToken) =>
        Answer(await @return.ExecuteAsync(assessmentId, body.Version, body.Comments, CurrentUser.From(context.User), cancellationToken));

    private static Results<Ok<DecisionResponse>, ProblemHttpResult> Answer(Outcome<ReviewSaved> outcome) =>
        outcome.ToOk(saved => new DecisionResponse("done", saved.Version, saved.CertificateId));

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The review state as the API spells it.</summary>
    public static string Word(ReviewState state) => state.ToString().ToLowerInvariant();
}
