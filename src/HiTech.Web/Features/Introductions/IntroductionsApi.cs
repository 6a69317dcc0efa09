using System.Text.Json.Serialization;
using HiTech.Web.Infrastructure.Security;

namespace HiTech.Web.Features.Introductions;

/// <summary>
/// /api/v1/introductions for enterprise and provider users (bearer token): send, the inbox, one introduction, accept,
/// decline, withdraw and messages; partnerships officers and admins may read one. Another side's introduction answers 404.
/// </summary>
public static class IntroductionsApi
{
    public sealed record SendRequest(
        [property: JsonPropertyName("need_id")] Guid? NeedId,
        [property: JsonPropertyName("provider_id")] Guid? ProviderId,
        [property: JsonPropertyName("note")] string? Note);

    public sealed record DeclineRequest(
        [property: JsonPropertyName("reason")] string? Reason,
        [property: JsonPropertyName("version")] int? Version);

    /// <summary>An accept or a withdrawal: the version of the introduction as read.</summary>
    public sealed record VersionRequest([property: JsonPropertyName("version")] int? Version);

    public sealed record MessageRequest([property: JsonPropertyName("body")] string? Body);

    public sealed record IntroductionEntry(
        [property: JsonPropertyName("id")] Guid Id,
        [property: JsonPropertyName("need_id")] Guid NeedId,
        [property: JsonPropertyName("provider_id")] Guid ProviderId,
        [property: JsonPropertyName("organisation_id")] Guid OrganisationId,
        [property: JsonPropertyName("sent_by")] string SentBy,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("note")] string Note,
        [property: JsonPropertyName("sent_at")] DateTimeOffset SentAt,
        [property: JsonPropertyName("due_at")] DateTimeOffset DueAt,
        [property: JsonPropertyName("answered_at")] DateTimeOffset? AnsweredAt,
        [property: JsonPropertyName("decline_reason")] string? DeclineReason,
        [property: JsonPropertyName("version")] int Version)
    {
        public static IntroductionEntry Of(Introduction i) => new(
            i.Id, i.NeedId, i.ProviderId, i.OrganisationId, Wire(i.SentBy), Wire(i.Status), i.Note, i.SentAt, i.DueAt, i.AnsweredAt,
            i.Status == IntroductionStatus.Declined ? i.DeclineReason : null, i.Version);
    }

    public sealed record LineEntry(
        [property: JsonPropertyName("id")] Guid Id,
        [property: JsonPropertyName("direction")] string Direction,
        [property: JsonPropertyName("need")] string Need,
        [property: JsonPropertyName("other_side")] string OtherSide,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("sent_at")] DateTimeOffset SentAt,
        [property: JsonPropertyName("due_at")] DateTimeOffset DueAt);

    public sealed record MessageEntry(
        [property: JsonPropertyName("id")] Guid Id,
        [property: JsonPropertyName("side")] string Side,
        [property: JsonPropertyName("body")] string Body,
        [property: JsonPropertyName("sent_at")] DateTimeOffset SentAt)
    {
        public static MessageEntry Of(IntroductionMessage m) => new(m.Id, Wire(m.Side), m.Body, m.SentAt);
    }

    public sealed record DetailEntry(
        [property: JsonPropertyName("introduction")] IntroductionEntry Introduction,
        [property: JsonPropertyName("need")] string Need,
        [property: JsonPropertyName("need_private_details")] string? NeedPrivateDetails,
        [property: JsonPropertyName("organisation")] string Organisation,
        [property: JsonPropertyName("provider")] string Provider,
        [property: JsonPropertyName("messages")] IReadOnlyList<MessageEntry> Messages);

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/introductions").WithTags("Introductions")
            .RequireApi(Roles.Enterprise, Roles.Provider, Roles.PartnershipsOfficer, Roles.Admin);
        group.MapPost("/", async (SendRequest body, HttpContext http, SendIntroduction send, CancellationToken ct) =>
                (await send.ExecuteAsync(CurrentUser.From(http.User), new IntroductionRequest(body.NeedId ?? Guid.Empty, body.ProviderId, body.Note), ct))
                    .ToCreated(i => $"/api/v1/introductions/{i.Id}", IntroductionEntry.Of))
            .WithName("SendIntroduction")
            .WithSummary("Send an expression of interest: an enterprise for its need to a provider, or a provider on an open need (provider_id is then its own)")
            .WithDescription("One per need and provider: a second answers 409 with introduction_id of the first. The answer is due in the provider's promised working days.")
            .Produces<IntroductionEntry>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", async (string? status, HttpContext http, ListIntroductions list, IStringLocalizer<IntroductionsText> l, CancellationToken ct) =>
            {
                IntroductionStatus? only = null;
                if (!string.IsNullOrEmpty(status))
                {
                    if (!Enum.TryParse<IntroductionStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(status, out _))
                    {
                        return Outcome.Invalid<IReadOnlyList<IntroductionLine>>("status", l["Status is one of sent, accepted, declined, expired, withdrawn"]).ToOk(_ => Array.Empty<LineEntry>());
                    }

                    only = parsed;
                }

                return (await list.ExecuteAsync(CurrentUser.From(http.User), only, ct)).ToOk(lines => lines.Select(r =>
                    new LineEntry(r.Id, r.Received ? "received" : "sent", r.Need, r.OtherSide, Wire(r.Status), r.SentAt, r.DueAt)).ToArray());
            })
            .WithName("ListIntroductions")
            .WithSummary("My side's introductions (my enterprise's or my provider's), received and sent, newest first; status filters")
            .Produces<LineEntry[]>()
            .ProducesValidationProblem();
        group.MapGet("/{id:guid}", async (Guid id, HttpContext http, GetIntroduction get, CancellationToken ct) =>
                (await get.ExecuteAsync(CurrentUser.From(http.User), id, ct)).ToOk(v => new DetailEntry(
                    IntroductionEntry.Of(v.Introduction), v.Names.Need, v.PrivateDetails, v.Names.Organisation, v.Names.Provider, [.. v.Messages.Select(MessageEntry.Of)])))
            .WithName("GetIntroduction")
            .WithSummary("One introduction with its messages; the need's private details once accepted (the enterprise always sees its own)")
            .Produces<DetailEntry>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/accept", async (Guid id, VersionRequest body, HttpContext http, AnswerIntroduction answer, CancellationToken ct) =>
                (await answer.ExecuteAsync(CurrentUser.From(http.User), id, body.Version, accept: true, null, ct)).ToOk(IntroductionEntry.Of))
            .WithName("AcceptIntroduction")
            .WithSummary("Accept (the receiving side): messages open, and the need's private details to the provider")
            .WithDescription("version is the introduction's version as read; a stale one answers 409 with currentVersion.")
            .Produces<IntroductionEntry>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/decline", async (Guid id, DeclineRequest body, HttpContext http, AnswerIntroduction answer, CancellationToken ct) =>
                (await answer.ExecuteAsync(CurrentUser.From(http.User), id, body.Version, accept: false, body.Reason, ct)).ToOk(IntroductionEntry.Of))
            .WithName("DeclineIntroduction")
            .WithSummary("Decline (the receiving side), with a reason the sender reads (required)")
            .Produces<IntroductionEntry>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/withdraw", async (Guid id, VersionRequest body, HttpContext http, WithdrawIntroduction withdraw, CancellationToken ct) =>
                (await withdraw.ExecuteAsync(CurrentUser.From(http.User), id, body.Version, ct)).ToOk(IntroductionEntry.Of))
            .WithName("WithdrawIntroduction")
            .WithSummary("Withdraw (the sending side) before an answer; version as read")
            .Produces<IntroductionEntry>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/messages", async (Guid id, HttpContext http, GetIntroduction get, CancellationToken ct) =>
                (await get.ExecuteAsync(CurrentUser.From(http.User), id, ct)).ToOk(v => v.Messages.Select(MessageEntry.Of).ToArray()))
            .WithName("ListIntroductionMessages")
            .WithSummary("The messages between the two sides, oldest first")
            .Produces<MessageEntry[]>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/messages", async (Guid id, MessageRequest body, HttpContext http, PostIntroductionMessage post, CancellationToken ct) =>
                (await post.ExecuteAsync(CurrentUser.From(http.User), id, body.Body, ct)).ToCreated(m => $"/api/v1/introductions/{id}/messages", MessageEntry.Of))
            .WithName("PostIntroductionMessage")
            .WithSummary("Write to the other side of an accepted introduction; they are notified")
            .Produces<MessageEntry>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>A status or side as the API writes it: lower case, stable.</summary>
    public static string Wire<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
