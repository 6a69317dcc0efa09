using HiTech.Web.Infrastructure.Security;

namespace HiTech.Web.Features.Needs;

/// <summary>
/// /api/v1/needs: an enterprise posts, lists, reads and closes or withdraws its needs and reads a need's top 10 matches
/// (reasons as codes and values, and worded in the Accept-Language); /api/v1/provider/needs: a provider's open needs
/// it could serve (public summaries only). Bearer tokens only; another organisation's need answers 404.
/// </summary>
public static class NeedsApi
{
    public sealed record StatusRequest(string? Status, int? Version);

    public sealed record NeedDto(
        Guid Id,
        string Status,
        string HelpKind,
        IReadOnlyList<string> ProviderKinds,
        string NicCode,
        string? Stage,
        IReadOnlyList<string> Certifications,
        string? BudgetBand,
        DateOnly? Deadline,
        string District,
        string Summary,
        string PrivateDetails,
        string? From,
        DateTimeOffset PostedAt,
        DateTimeOffset? ClosedAt,
        int Introductions,
        int Version);

    public sealed record ReasonDto(string Code, string Value, string Text);

    public sealed record MatchDto(int Rank, Guid ProviderId, string Name, string Kind, string District, bool Remote, double Score, IReadOnlyList<ReasonDto> Reasons, string Profile, string ExpressInterest);

    public sealed record MatchesDto(Guid NeedId, int Providers, IReadOnlyList<MatchDto> Matches);

    public sealed record OpenNeedDto(int Rank, Guid NeedId, string HelpKind, string NicCode, string? Stage, string District, string? BudgetBand, DateOnly? Deadline, string Summary, DateTimeOffset PostedAt, double Score, IReadOnlyList<ReasonDto> Reasons, string OfferHelp);

    public static void Map(RouteGroupBuilder api)
    {
        var needs = api.MapGroup("/needs")
            .WithTags("Needs and matching")
            .RequireApi(Roles.Enterprise)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        needs.MapPost("/", PostAsync)
            .WithName("PostNeed")
            .WithSummary("Post a need of your organisation")
            .WithDescription("helpKind, providerKinds, budgetBand: ids of data/collaboration (help-kinds.csv, provider-kinds.csv, budget-bands.csv); stage and certifications: "
                + "ids of the framework's value_chain_stage and certification domains; nicCode: NIC 2008, 2 to 5 digits; deadline: yyyy-MM-dd; district: a name or id "
                + "(your organisation's when empty); summary is shown to matched providers, privateDetails only to a provider whose introduction you accept; "
                + "from: roadmap:{maturityAssessmentId}:{stepId} or plan:{assessmentId}:{planIndex}. 400 names each field refused.")
            .ProducesValidationProblem();

        needs.MapGet("/", MineAsync)
            .WithName("ListNeeds")
            .WithSummary("Your organisation's needs, newest first, with how many introductions each has had");

        needs.MapGet("/{id:guid}", GetAsync)
            .WithName("GetNeed")
            .WithSummary("One of your needs")
            .ProducesProblem(StatusCodes.Status404NotFound);

        needs.MapPatch("/{id:guid}", PatchAsync)
            .WithName("ChangeNeedStatus")
            .WithSummary("Close or withdraw an open need: {status: closed | withdrawn, version}")
            .WithDescription("409 when the need changed since your version (currentVersion in the problem) or is not open any more.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        needs.MapGet("/{id:guid}/matches", MatchesAsync)
            .WithName("MatchNeed")
            .WithSummary("The top 10 providers for one of your needs, best first, each with its reasons")
            .WithDescription("Hard filters (kind, required certifications, verified, not expired), then the weights of data/collaboration/matching. "
                + "Each reason has a code (docs/collaboration-formats.md), its value and its words in your language. Contact details are never given: "
                + "send an expression of interest (expressInterest) instead.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/provider/needs", ForProviderAsync)
            .WithTags("Needs and matching")
            .RequireApi(Roles.Provider)
            .WithName("OpenNeedsForProvider")
            .WithSummary("The open needs your verified profile could serve, best first, public summaries only")
            .WithDescription("409 while your profile is not verified or has expired.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Created<NeedDto>, ProblemHttpResult>> PostAsync(NeedForm form, HttpContext http, PostNeed post, CancellationToken cancellationToken) =>
        (await post.ExecuteAsync(CurrentUser.From(http.User), form, cancellationToken)).ToCreated(n => $"/api/v1/needs/{n.Id}", n => ToDto(new NeedView(n, 0)));

    private static async Task<Results<Ok<IReadOnlyList<NeedDto>>, ProblemHttpResult>> MineAsync(HttpContext http, ReadNeeds read, CancellationToken cancellationToken) =>
        (await read.MineAsync(CurrentUser.From(http.User), cancellationToken)).ToOk<IReadOnlyList<NeedView>, IReadOnlyList<NeedDto>>(list => [.. list.Select(ToDto)]);

    private static async Task<Results<Ok<NeedDto>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, ReadNeeds read, CancellationToken cancellationToken) =>
        (await read.OneAsync(CurrentUser.From(http.User), id, cancellationToken)).ToOk(ToDto);

    private static async Task<Results<Ok<NeedDto>, ProblemHttpResult>> PatchAsync(Guid id, StatusRequest request, HttpContext http, ChangeNeedStatus change, AppDbContext db, CancellationToken cancellationToken)
    {
        var outcome = await change.ExecuteAsync(CurrentUser.From(http.User), id, request.Status, request.Version, cancellationToken);
        var introductions = outcome.IsOk ? await db.Introductions.CountAsync(i => i.NeedId == id, cancellationToken) : 0;
        return outcome.ToOk(n => ToDto(new NeedView(n, introductions)));
    }

    private static async Task<Results<Ok<MatchesDto>, ProblemHttpResult>> MatchesAsync(Guid id, HttpContext http, MatchNeed match, MatchingIndex index, NeedWords words, CancellationToken cancellationToken)
    {
        var outcome = await match.ExecuteAsync(CurrentUser.From(http.User), id, cancellationToken);
        if (!outcome.IsOk)
        {
            return outcome.Problem();
        }

        await words.LoadAsync(cancellationToken);
        var (need, matches) = outcome.Value;
        var providers = (await index.CurrentAsync(cancellationToken)).Engine.ProviderCount;
        return TypedResults.Ok(new MatchesDto(need.Need.Id, providers, [.. matches.Select(m => new MatchDto(
            m.Match.Rank,
            m.Provider.Id,
            m.Provider.Name,
            m.Provider.Kind,
            m.Provider.District,
            m.Provider.Remote,
            Math.Round(m.Match.Score, 2),
            Reasons(m.Match.Reasons, words),
            $"/directory/{m.Provider.Id}",
            $"/introductions/send?need={need.Need.Id}&provider={m.Provider.Id}"))]));
    }

    private static async Task<Results<Ok<IReadOnlyList<OpenNeedDto>>, ProblemHttpResult>> ForProviderAsync(HttpContext http, OpenNeedsForProvider open, NeedWords words, CancellationToken cancellationToken)
    {
        var outcome = await open.ExecuteAsync(CurrentUser.From(http.User), cancellationToken);
        if (!outcome.IsOk)
        {
            return outcome.Problem();
        }

        await words.LoadAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<OpenNeedDto>>([.. outcome.Value!.Select(n => new OpenNeedDto(
            n.Match.Rank, n.Id, n.HelpKind, n.NicCode, Empty(n.Stage), n.District, Empty(n.BudgetBand), n.Deadline, n.Summary, n.PostedAt,
            Math.Round(n.Match.Score, 2), Reasons(n.Match.Reasons, words), $"/introductions/send?need={n.Id}"))]);
    }

    private static List<ReasonDto> Reasons(IEnumerable<HiTech.Core.Collaboration.MatchReason> reasons, NeedWords words) =>
        [.. reasons.Select(r => new ReasonDto(r.Code.ToString(), r.Value, words.Reason(r)))];

    private static NeedDto ToDto(NeedView view)
    {
        var n = view.Need;
        return new NeedDto(
            n.Id,
            NeedWords.StatusKey(n.Status),
            n.HelpKind,
            MatchingProfiles.Ids(n.ProviderKinds),
            n.NicCode,
            Empty(n.Stage),
            MatchingProfiles.Ids(n.Certifications),
            Empty(n.BudgetBand),
            n.Deadline,
            n.District,
            n.Summary,
            n.PrivateDetails,
            Empty(n.Source),
            n.PostedAt,
            n.ClosedAt,
            view.Introductions,
            n.Version);
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;
}
