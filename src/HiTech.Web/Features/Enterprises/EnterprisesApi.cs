using HiTech.Web.Infrastructure.Security;

namespace HiTech.Web.Features.Enterprises;

/// <summary>
/// /api/v1/organisations: organisations, their units and activities. Bearer tokens only. An Enterprise user
/// reaches its own organisation; an admin reads all; an assessor reads those whose assessments are assigned to
/// them; analysts see aggregates elsewhere, never these details (403). Only the owner changes anything.
/// Another organisation's id answers 404. Changes carry the version read; a stale one answers 409 with what
/// is saved now in <c>current</c>.
/// </summary>
public static class EnterprisesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organisations")
            .WithTags("Organisations")
            .RequireApi(Roles.Enterprise, Roles.Admin, Roles.Assessor)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", ListAsync)
            .WithName("ListOrganisations")
            .WithSummary("List the organisations you may read")
            .WithDescription("An Enterprise user gets its own organisation (a list of one, or empty before it registers); an admin all of them; an assessor those whose assessments are assigned to them. Paged with page and pageSize (at most 200).")
            .Produces<IReadOnlyList<OrganisationSummary>>();
        group.MapPost("/", RegisterAsync)
            .RequireApi(Roles.Enterprise)
            .WithName("RegisterOrganisation")
            .WithSummary("Register your organisation with its main unit")
            .WithDescription("For an Enterprise user without an organisation. The Udyam number's format and the GSTIN's check digit are checked; the MSME size class is computed from investmentInr and turnoverInr with the limits in force today. 409 if you already registered one or the Udyam number is registered already.")
            .Produces<OrganisationView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        // Everything under an organisation's id answers 404 when the user may not read it; every change there may be refused (400).
        var organisation = group.MapGroup("/{id:guid}").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}", Read(view => view))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetOrganisation")
            .WithSummary("An organisation with its units and activities")
            .Produces<OrganisationView>();
        Change(group.MapPut("/{id:guid}", UpdateAsync), conflicts: true)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("UpdateOrganisation")
            .WithSummary("Change your organisation's details")
            .WithDescription("Send the version you read; 409 with what is saved now if someone saved a change meanwhile.")
            .Produces<OrganisationView>();

        organisation.MapGet("/units", Read(view => view.Units))
            .WithName("ListUnits")
            .WithSummary("An organisation's units with their MSME size class and the limits that gave it")
            .Produces<IReadOnlyList<UnitView>>();
        Change(organisation.MapPost("/units", AddUnitAsync), conflicts: false)
            .WithName("AddUnit")
            .WithSummary("Add a unit to your organisation")
            .Produces<UnitView>(StatusCodes.Status201Created);
        Change(organisation.MapPut("/units/{unitId:guid}", UpdateUnitAsync), conflicts: true)
            .WithName("UpdateUnit")
            .WithSummary("Change a unit (send the version you read)")
            .Produces<UnitView>();
        Change(organisation.MapDelete("/units/{unitId:guid}", RemoveUnitAsync), conflicts: true)
            .WithName("RemoveUnit")
            .WithSummary("Remove a unit (?version= the version you read); the last unit cannot be removed")
            .Produces(StatusCodes.Status204NoContent);

        organisation.MapGet("/activities", Read(view => view.Activities))
            .WithName("ListActivities")
            .WithSummary("An organisation's activities: NIC code, title, OECD group, priority sectors, value-chain stages, revenue share")
            .Produces<IReadOnlyList<ActivityView>>();
        Change(organisation.MapPost("/activities", AddActivityAsync), conflicts: true)
            .WithName("AddActivity")
            .WithSummary("Add an activity: a 4-digit NIC class or 5-digit sub-class, its stages and share of revenue")
            .WithDescription("Stages are ids of the framework's value_chain_stage domain. Shares are percentages; all activities' shares must add up to 100%, so a share that takes the total over 100% is refused.")
            .Produces<ActivityView>(StatusCodes.Status201Created);
        Change(organisation.MapPut("/activities/{activityId:guid}", UpdateActivityAsync), conflicts: true)
            .WithName("UpdateActivity")
            .WithSummary("Change an activity's stages and share (send the version you read)")
            .Produces<ActivityView>();
        Change(organisation.MapDelete("/activities/{activityId:guid}", RemoveActivityAsync), conflicts: true)
            .WithName("RemoveActivity")
            .WithSummary("Remove an activity (?version= the version you read)")
            .Produces(StatusCodes.Status204NoContent);
    }

    /// <summary>A change may be refused (400) and, when <paramref name="conflicts"/>, conflict with what is saved (409).</summary>
    private static RouteHandlerBuilder Change(RouteHandlerBuilder endpoint, bool conflicts) =>
        conflicts ? endpoint.ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict) : endpoint.ProducesValidationProblem();

    private static async Task<Ok<IReadOnlyList<OrganisationSummary>>> ListAsync(
        HttpContext context, ListOrganisations list, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.ExecuteAsync(CurrentUser.From(context.User), page ?? 1, pageSize ?? ListOrganisations.DefaultPageSize, cancellationToken));

    private static async Task<Results<Created<OrganisationView>, ProblemHttpResult>> RegisterAsync(
        RegistrationRequest request, HttpContext context, RegisterOrganisation register, CancellationToken cancellationToken) =>
        (await register.ExecuteAsync(CurrentUser.From(context.User), request, cancellationToken)).ToCreated(view => $"/api/v1/organisations/{view.Id}", view => view);

    /// <summary>Reading an organisation, answering with the whole or a part of it.</summary>
    private static Func<Guid, HttpContext, ReadOrganisation, CancellationToken, Task<Results<Ok<T>, ProblemHttpResult>>> Read<T>(Func<OrganisationView, T> part) =>
        async (id, context, read, cancellationToken) => (await read.ExecuteAsync(CurrentUser.From(context.User), id, cancellationToken)).ToOk(part);

    private static async Task<Results<Ok<OrganisationView>, ProblemHttpResult>> UpdateAsync(
        Guid id, OrganisationRequest request, HttpContext context, UpdateOrganisation update, CancellationToken cancellationToken) =>
        (await update.ExecuteAsync(CurrentUser.From(context.User), id, request, cancellationToken)).ToOk(view => view);

    private static async Task<Results<Created<UnitView>, ProblemHttpResult>> AddUnitAsync(
        Guid id, UnitRequest request, HttpContext context, SaveUnit save, CancellationToken cancellationToken) =>
        (await save.ExecuteAsync(CurrentUser.From(context.User), id, null, request, cancellationToken)).ToCreated(unit => $"/api/v1/organisations/{id}/units/{unit.Id}", unit => unit);

    private static async Task<Results<Ok<UnitView>, ProblemHttpResult>> UpdateUnitAsync(
        Guid id, Guid unitId, UnitRequest request, HttpContext context, SaveUnit save, CancellationToken cancellationToken) =>
        (await save.ExecuteAsync(CurrentUser.From(context.User), id, unitId, request, cancellationToken)).ToOk(unit => unit);

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveUnitAsync(
        Guid id, Guid unitId, int? version, HttpContext context, RemoveUnit remove, CancellationToken cancellationToken) =>
        (await remove.ExecuteAsync(CurrentUser.From(context.User), id, unitId, version, cancellationToken)).ToNoContent();

    private static async Task<Results<Created<ActivityView>, ProblemHttpResult>> AddActivityAsync(
        Guid id, ActivityRequest request, HttpContext context, SaveActivity save, CancellationToken cancellationToken) =>
        (await save.ExecuteAsync(CurrentUser.From(context.User), id, null, request, cancellationToken)).ToCreated(activity => $"/api/v1/organisations/{id}/activities/{activity.Id}", activity => activity);

    private static async Task<Results<Ok<ActivityView>, ProblemHttpResult>> UpdateActivityAsync(
        Guid id, Guid activityId, ActivityRequest request, HttpContext context, SaveActivity save, CancellationToken cancellationToken) =>
        (await save.ExecuteAsync(CurrentUser.From(context.User), id, activityId, request, cancellationToken)).ToOk(activity => activity);

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveActivityAsync(
        Guid id, Guid activityId, int? version, HttpContext context, RemoveActivity remove, CancellationToken cancellationToken) =>
        (await remove.ExecuteAsync(CurrentUser.From(context.User), id, activityId, version, cancellationToken)).ToNoContent();
}
