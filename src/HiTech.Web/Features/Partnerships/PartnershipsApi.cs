using System.Text.Json.Serialization;
using HiTech.Web.Features.Introductions;
using HiTech.Web.Infrastructure.Security;

namespace HiTech.Web.Features.Partnerships;

/// <summary>
/// /api/v1/partnerships for the two sides of an accepted introduction (bearer token): record, list mine, read one,
/// tick milestones, record the outcome, answer a follow-up, rate once. Officers and admins may read one. Another
/// side's partnership answers 404; changes carry the version read (stale: 409).
/// </summary>
public static class PartnershipsApi
{
    public sealed record MilestoneBody(
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("due_on")] DateOnly? DueOn);

    public sealed record CreateRequest(
        [property: JsonPropertyName("introduction_id")] Guid? IntroductionId,
        [property: JsonPropertyName("model")] string? Model,
        [property: JsonPropertyName("scope")] string? Scope,
        [property: JsonPropertyName("value_band")] string? ValueBand,
        [property: JsonPropertyName("start_on")] DateOnly? StartOn,
        [property: JsonPropertyName("milestones")] IReadOnlyList<MilestoneBody>? Milestones);

    public sealed record MilestoneRequestBody(
        [property: JsonPropertyName("done")] bool? Done,
        [property: JsonPropertyName("version")] int? Version);

    public sealed record OutcomeBody(
        [property: JsonPropertyName("status")] string? Status,
        [property: JsonPropertyName("ended_on")] DateOnly? EndedOn,
        [property: JsonPropertyName("products_launched")] int? ProductsLaunched,
        [property: JsonPropertyName("patents_or_designs_filed")] int? PatentsOrDesignsFiled,
        [property: JsonPropertyName("certification_obtained")] string? CertificationObtained,
        [property: JsonPropertyName("jobs_created")] int? JobsCreated,
        [property: JsonPropertyName("note")] string? Note,
        [property: JsonPropertyName("version")] int? Version);

    public sealed record FollowUpBody(
        [property: JsonPropertyName("progress")] string? Progress,
        [property: JsonPropertyName("note")] string? Note);

    public sealed record RatingBody([property: JsonPropertyName("stars")] int? Stars);

    public sealed record MilestoneEntry(
        [property: JsonPropertyName("id")] Guid Id,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("due_on")] DateOnly? DueOn,
        [property: JsonPropertyName("done_on")] DateOnly? DoneOn);

    public sealed record PartnershipEntry(
        [property: JsonPropertyName("id")] Guid Id,
        [property: JsonPropertyName("introduction_id")] Guid IntroductionId,
        [property: JsonPropertyName("organisation_id")] Guid OrganisationId,
        [property: JsonPropertyName("provider_id")] Guid ProviderId,
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("scope")] string Scope,
        [property: JsonPropertyName("value_band")] string ValueBand,
        [property: JsonPropertyName("start_on")] DateOnly StartOn,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("ended_on")] DateOnly? EndedOn,
        [property: JsonPropertyName("products_launched")] int ProductsLaunched,
        [property: JsonPropertyName("patents_or_designs_filed")] int PatentsOrDesignsFiled,
        [property: JsonPropertyName("certification_obtained")] string CertificationObtained,
        [property: JsonPropertyName("jobs_created")] int JobsCreated,
        [property: JsonPropertyName("outcome_note")] string OutcomeNote,
        [property: JsonPropertyName("milestones")] IReadOnlyList<MilestoneEntry> Milestones,
        [property: JsonPropertyName("version")] int Version)
    {
        public static PartnershipEntry Of(Partnership p) => new(
            p.Id, p.IntroductionId, p.OrganisationId, p.ProviderId, p.Model, p.Scope, p.ValueBand, p.StartOn, IntroductionsApi.Wire(p.Status), p.EndedOn,
            p.ProductsLaunched, p.PatentsOrDesignsFiled, p.CertificationObtained, p.JobsCreated, p.OutcomeNote,
            [.. p.Milestones.Select(m => new MilestoneEntry(m.Id, m.Title, m.DueOn, m.DoneOn))], p.Version);
    }

    public sealed record FollowUpEntry(
        [property: JsonPropertyName("id")] Guid Id,
        [property: JsonPropertyName("day")] int Day,
        [property: JsonPropertyName("due_on")] DateOnly DueOn,
        [property: JsonPropertyName("answered_at")] DateTimeOffset? AnsweredAt,
        [property: JsonPropertyName("progress")] string Progress,
        [property: JsonPropertyName("note")] string Note)
    {
        public static FollowUpEntry Of(PartnershipFollowUp f) => new(f.Id, f.Day, f.DueOn, f.AnsweredAt, f.Progress, f.Note);
    }

    public sealed record DetailEntry(
        [property: JsonPropertyName("partnership")] PartnershipEntry Partnership,
        [property: JsonPropertyName("organisation")] string Organisation,
        [property: JsonPropertyName("provider")] string Provider,
        [property: JsonPropertyName("my_follow_ups")] IReadOnlyList<FollowUpEntry> MyFollowUps,
        [property: JsonPropertyName("rated_by_me")] bool RatedByMe);

    public sealed record LineEntry(
        [property: JsonPropertyName("id")] Guid Id,
        [property: JsonPropertyName("need")] string Need,
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("organisation")] string Organisation,
        [property: JsonPropertyName("provider")] string Provider,
        [property: JsonPropertyName("other_side")] string OtherSide,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("start_on")] DateOnly StartOn,
        [property: JsonPropertyName("next_follow_up_on")] DateOnly? NextFollowUpOn,
        [property: JsonPropertyName("follow_up_waiting")] bool FollowUpWaiting);

    public sealed record RatingEntry(
        [property: JsonPropertyName("side")] string Side,
        [property: JsonPropertyName("stars")] int Stars);

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/partnerships").WithTags("Partnerships")
            .RequireApi(Roles.Enterprise, Roles.Provider, Roles.PartnershipsOfficer, Roles.Admin);
        group.MapPost("/", async (CreateRequest body, HttpContext http, CreatePartnership create, CancellationToken ct) =>
                (await create.ExecuteAsync(CurrentUser.From(http.User), new PartnershipRequest(
                    body.IntroductionId, body.Model, body.Scope, body.ValueBand, body.StartOn,
                    body.Milestones?.Select(m => new MilestoneRequest(m.Title, m.DueOn)).ToList()), ct))
                    .ToCreated(p => $"/api/v1/partnerships/{p.Id}", PartnershipEntry.Of))
            .WithName("CreatePartnership")
            .WithSummary("Record what an accepted introduction became (either side): model, scope, value band, start, up to 5 milestones")
            .WithDescription("model is an id of data/collaboration/partnership-models.csv, value_band of value-bands.csv (or empty). One per introduction: a second answers 409. The other side is notified.")
            .Produces<PartnershipEntry>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", async (HttpContext http, ListPartnerships list, CancellationToken ct, int? page) =>
            {
                var outcome = await list.ExecuteAsync(CurrentUser.From(http.User), page, ct);
                if (outcome.Value is { } found)
                {
                    PagingHeaders(http.Response, found);
                }

                return outcome.ToOk(list => list.Lines.Select(r => new LineEntry(
                    r.Id, r.Need, r.Model, r.Organisation, r.Provider, r.OtherSide, IntroductionsApi.Wire(r.Status), r.StartOn, r.NextFollowUpOn, r.FollowUpWaiting)).ToArray());
            })
            .WithName("ListPartnerships")
            .WithSummary("My side's partnerships (my enterprise's or my provider's; an officer's or admin's: all), newest start first, 50 a page")
            .WithDescription("page from 1. next_follow_up_on is the 30- or 90-day question waiting for my side's answer (follow_up_waiting true), else the next to come. X-Total-Count and a Link header (next, prev) tell the rest.")
            .Produces<LineEntry[]>();
        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, GetPartnership get, CancellationToken ct) =>
                (await get.ExecuteAsync(CurrentUser.From(http.User), id, ct)).ToOk(v => new DetailEntry(
                    PartnershipEntry.Of(v.Partnership), v.Names.Organisation, v.Names.Provider, [.. v.MyFollowUps.Select(FollowUpEntry.Of)], v.RatedByMe)))
            .WithName("GetPartnership")
            .WithSummary("One partnership with its milestones, the follow-up questions put to my side, and whether my side has rated it (never the other side's rating)")
            .Produces<DetailEntry>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/milestones/{milestoneId:guid}", async (Guid id, Guid milestoneId, MilestoneRequestBody body, HttpContext http, TickMilestone tick, CancellationToken ct) =>
                (await tick.ExecuteAsync(CurrentUser.From(http.User), id, milestoneId, body.Done ?? true, body.Version, ct)).ToOk(PartnershipEntry.Of))
            .WithName("TickPartnershipMilestone")
            .WithSummary("Mark a milestone done (today) or, with done false, not done; version as read")
            .Produces<PartnershipEntry>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/outcome", async (Guid id, OutcomeBody body, HttpContext http, RecordOutcome record, CancellationToken ct) =>
                (await record.ExecuteAsync(CurrentUser.From(http.User), id, new OutcomeRequest(
                    body.Status, body.EndedOn, body.ProductsLaunched, body.PatentsOrDesignsFiled, body.CertificationObtained, body.JobsCreated, body.Note, body.Version), ct))
                    .ToOk(PartnershipEntry.Of))
            .WithName("RecordPartnershipOutcome")
            .WithSummary("Record how it ended (status completed or ended, ended_on, products, patents or designs, a framework certification id or empty, jobs, note); version as read")
            .Produces<PartnershipEntry>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/follow-ups/{followUpId:guid}", async (Guid id, Guid followUpId, FollowUpBody body, HttpContext http, AnswerFollowUp answer, CancellationToken ct) =>
                (await answer.ExecuteAsync(CurrentUser.From(http.User), id, followUpId, body.Progress, body.Note, ct)).ToOk(FollowUpEntry.Of))
            .WithName("AnswerPartnershipFollowUp")
            .WithSummary("Answer the 30- or 90-day question put to my side: progress on-track, delayed, completed or stopped, and a note; once")
            .Produces<FollowUpEntry>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/rating", async (Guid id, RatingBody body, HttpContext http, RatePartnership rate, CancellationToken ct) =>
                (await rate.ExecuteAsync(CurrentUser.From(http.User), id, body.Stars, ct))
                    .ToCreated(_ => $"/api/v1/partnerships/{id}", r => new RatingEntry(IntroductionsApi.Wire(r.Side), r.Stars)))
            .WithName("RatePartnership")
            .WithSummary("Rate the other side 1 to 5, once, after completion; shown only in aggregates")
            .Produces<RatingEntry>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>X-Total-Count and RFC 8288 links to the neighbouring pages.</summary>
    private static void PagingHeaders(HttpResponse response, PartnershipList found)
    {
        response.Headers["X-Total-Count"] = found.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var links = new List<string>();
        if (found.Page < found.Pages)
        {
            links.Add($"</api/v1/partnerships?page={(found.Page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}>; rel=\"next\"");
        }

        if (found.Page > 1)
        {
            links.Add($"</api/v1/partnerships?page={(found.Page - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}>; rel=\"prev\"");
        }

        if (links.Count > 0)
        {
            response.Headers.Link = string.Join(", ", links);
        }
    }
}
