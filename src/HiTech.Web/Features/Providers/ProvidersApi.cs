using System.Globalization;
using HiTech.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace HiTech.Web.Features.Providers;

/// <summary>
/// /api/v1/providers: the public directory (no sign-in; a returning professional only with the bearer token of a
/// verified enterprise, an officer or an admin), a Provider account's own profile under /mine (register, change with
/// the version read, 409 on a stale one; submit, confirm, withdraw and erase), and the verification queue and
/// decisions for partnerships officers and admins.
/// </summary>
public static class ProvidersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var open = api.MapGroup("/providers").WithTags("Providers").AllowAnonymous();
        open.MapGet("/", SearchAsync)
            .WithName("SearchProviders")
            .WithSummary("Search the public directory of verified institutional providers")
            .WithDescription("q finds words (English or Malayalam, word beginnings) in the name and services; kind, district (providers there and those that work anywhere), "
                + "nic (a 2-digit NIC division), certification and technology filter; page from 1, page_size up to 100 (default 20). "
                + "Only verified, unexpired institutions are listed, never returning professionals. X-Total-Count and a Link header (next, prev) tell the rest.")
            .Produces<DirectoryEntry[]>()
            .ProducesValidationProblem();
        open.MapGet("/{id:guid}", GetAsync)
            .WithName("GetProvider")
            .WithSummary("A listed provider's public profile")
            .WithDescription("404 for a provider that is not verified or has lapsed. A returning professional answers only to a verified enterprise (one with an approved assessment), a partnerships officer or an admin, with skills, sectors, years abroad and availability and never contact details.")
            .Produces<PublicProfile>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var mine = api.MapGroup("/providers").WithTags("Providers").RequireApi(Roles.Provider)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        mine.MapPost("/", CreateAsync)
            .WithName("RegisterProvider")
            .WithSummary("Register your provider profile (a Provider account without one)")
            .WithDescription("Saved as a draft; submit it for verification next. A professional must send consent: true (the purpose is stated on the registration page). 409 if the account has a profile already.")
            .Produces<ProviderView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        mine.MapGet("/mine", ReadOwnAsync)
            .WithName("GetOwnProvider")
            .WithSummary("Your provider profile, whatever its status (with the reason if it was refused)")
            .Produces<ProviderView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        mine.MapPut("/mine", SaveAsync)
            .WithName("UpdateOwnProvider")
            .WithSummary("Change your provider profile (send the version you read)")
            .WithDescription("The whole profile, as GET /mine answers it. 409 with currentVersion when someone saved it after you read it.")
            .Produces<ProviderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        mine.MapPost("/mine/submit", SubmitAsync)
            .WithName("SubmitOwnProvider")
            .WithSummary("Send your draft or refused profile for verification (?version= the version you read)")
            .Produces<ProviderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        mine.MapPost("/mine/confirm", ConfirmAsync)
            .WithName("ConfirmOwnProvider")
            .WithSummary("Confirm your verified profile is still right: listed for 12 months from today")
            .Produces<ProviderView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        mine.MapDelete("/mine", WithdrawAsync)
            .WithName("WithdrawOwnProvider")
            .WithSummary("Withdraw and delete your profile and your account's personal data (you can no longer sign in)")
            .WithDescription("Irreversible, so it must be asked for with ?confirm=erase; without it the answer is 400 and nothing changes.")
            .ProducesValidationProblem()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var officers = api.MapGroup("/providers").WithTags("Providers").RequireApi(Roles.PartnershipsOfficer, Roles.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        officers.MapGet("/verification", QueueAsync)
            .WithName("ProviderVerificationQueue")
            .WithSummary("Profiles waiting for verification, oldest first (page from 1, 25 a page; X-Total-Count)")
            .Produces<ProviderView[]>();
        officers.MapPost("/{id:guid}/verify", VerifyAsync)
            .WithName("VerifyProvider")
            .WithSummary("Verify a submitted profile: listed from today for 12 months")
            .Produces<ProviderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        officers.MapPost("/{id:guid}/refuse", RefuseAsync)
            .WithName("RefuseProvider")
            .WithSummary("Refuse a submitted profile with a reason (required) the provider reads")
            .Produces<ProviderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>An officer's decision: a version to guard against deciding on a changed profile, and a refusal's reason.</summary>
    public sealed record DecisionRequest(int? Version, string? Reason);

    private static async Task<Results<Ok<DirectoryEntry[]>, ProblemHttpResult>> SearchAsync(
        HttpContext context,
        SearchDirectory search,
        CancellationToken cancellationToken,
        string? q = null,
        string? kind = null,
        string? district = null,
        string? nic = null,
        string? certification = null,
        string? technology = null,
        int? page = null,
        [FromQuery(Name = "page_size")] int? pageSize = null)
    {
        var outcome = await search.ExecuteAsync(new DirectoryQuery(q, kind, district, nic, certification, technology, page, pageSize), cancellationToken);
        if (outcome.Value is { } found)
        {
            Paging(context.Response, found.Total, found.Page, found.Pages, p => found.Query.QueryString(p), pageSize);
        }

        return outcome.ToOk(found => found.Items.ToArray());
    }

    private static async Task<Results<Ok<PublicProfile>, ProblemHttpResult>> GetAsync(Guid id, HttpContext context, ReadDirectoryEntry read, CancellationToken cancellationToken)
    {
        // The group allows anyone; a bearer token, when sent, says whether a professional may be shown.
        var bearer = await context.AuthenticateAsync(IdentityConstants.BearerScheme);
        var user = bearer.Succeeded ? CurrentUser.From(bearer.Principal) : CurrentUser.Anonymous;
        return (await read.ExecuteAsync(user, id, cancellationToken)).ToOk(profile => profile);
    }

    private static async Task<Results<Created<ProviderView>, ProblemHttpResult>> CreateAsync(ProviderForm form, HttpContext context, CreateOwnProfile create, CancellationToken cancellationToken) =>
        (await create.ExecuteAsync(CurrentUser.From(context.User), form, cancellationToken)).ToCreated(view => $"/api/v1/providers/mine", view => view);

    private static async Task<Results<Ok<ProviderView>, ProblemHttpResult>> ReadOwnAsync(HttpContext context, ReadOwnProfile read, CancellationToken cancellationToken) =>
        (await read.ExecuteAsync(CurrentUser.From(context.User), cancellationToken)).ToOk(view => view);

    private static async Task<Results<Ok<ProviderView>, ProblemHttpResult>> SaveAsync(ProviderForm form, HttpContext context, SaveProfile save, CancellationToken cancellationToken) =>
        (await save.ExecuteAsync(CurrentUser.From(context.User), form, cancellationToken)).ToOk(view => view);

    private static async Task<Results<Ok<ProviderView>, ProblemHttpResult>> SubmitAsync(HttpContext context, SubmitProfile submit, int? version, CancellationToken cancellationToken) =>
        (await submit.ExecuteAsync(CurrentUser.From(context.User), version, cancellationToken)).ToOk(view => view);

    private static async Task<Results<Ok<ProviderView>, ProblemHttpResult>> ConfirmAsync(HttpContext context, ConfirmProfile confirm, CancellationToken cancellationToken) =>
        (await confirm.ExecuteAsync(CurrentUser.From(context.User), cancellationToken)).ToOk(view => view);

    private static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(
        HttpContext context, WithdrawProfile withdraw, IStringLocalizer<ProvidersText> l, string? confirm, CancellationToken cancellationToken) =>
        confirm == "erase"
            ? (await withdraw.ExecuteAsync(CurrentUser.From(context.User), cancellationToken)).ToNoContent()
            : Outcome.Invalid<Guid>("confirm", l["Erasing your profile cannot be undone: ask for it with confirm=erase"]).ToNoContent();

    private static async Task<Results<Ok<ProviderView[]>, ProblemHttpResult>> QueueAsync(HttpContext context, VerificationQueue queue, int? page, CancellationToken cancellationToken)
    {
        var outcome = await queue.ExecuteAsync(CurrentUser.From(context.User), page ?? 1, cancellationToken);
        if (outcome.Value is { } found)
        {
            Paging(context.Response, found.Total, found.Page, found.Pages, p => p == 1 ? "" : "?page=" + p.ToString(CultureInfo.InvariantCulture), null, "/api/v1/providers/verification");
        }

        return outcome.ToOk(found => found.Items.ToArray());
    }

    private static async Task<Results<Ok<ProviderView>, ProblemHttpResult>> VerifyAsync(Guid id, DecisionRequest? request, HttpContext context, DecideVerification decide, CancellationToken cancellationToken) =>
        (await decide.ExecuteAsync(CurrentUser.From(context.User), id, new VerificationDecision(true, null, request?.Version), cancellationToken)).ToOk(view => view);

    private static async Task<Results<Ok<ProviderView>, ProblemHttpResult>> RefuseAsync(Guid id, DecisionRequest request, HttpContext context, DecideVerification decide, CancellationToken cancellationToken) =>
        (await decide.ExecuteAsync(CurrentUser.From(context.User), id, new VerificationDecision(false, request.Reason, request.Version), cancellationToken)).ToOk(view => view);

    /// <summary>X-Total-Count and RFC 8288 links to the neighbouring pages.</summary>
    private static void Paging(HttpResponse response, int total, int page, int pages, Func<int, string> query, int? pageSize, string path = "/api/v1/providers")
    {
        response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        var size = pageSize is { } s ? "page_size=" + s.ToString(CultureInfo.InvariantCulture) : "";
        string Link(int to, string rel)
        {
            var q = query(to);
            return $"<{path}{q}{(size.Length == 0 ? "" : (q.Length == 0 ? "?" : "&") + size)}>; rel=\"{rel}\"";
        }

        var links = new List<string>();
        if (page < pages)
        {
            links.Add(Link(page + 1, "next"));
        }

        if (page > 1)
        {
            links.Add(Link(page - 1, "prev"));
        }

        if (links.Count > 0)
        {
            response.Headers.Link = string.Join(", ", links);
        }
    }
}
