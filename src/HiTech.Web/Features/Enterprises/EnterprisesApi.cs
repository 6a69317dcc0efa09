using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

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
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetOrganisation")
            .WithSummary("An organisation with its units and activities")
            .Produces<OrganisationView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateAsync)
            .WithName("UpdateOrganisation")
            .WithSummary("Change your organisation's details")
            .WithDescription("Send the version you read; 409 with what is saved now if someone saved a change meanwhile.")
            .Produces<OrganisationView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}/units", ListUnitsAsync)
            .WithName("ListUnits")
            .WithSummary("An organisation's units with their MSME size class and the limits that gave it")
            .Produces<IReadOnlyList<UnitView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/units", AddUnitAsync)
            .WithName("AddUnit")
            .WithSummary("Add a unit to your organisation")
            .Produces<UnitView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}/units/{unitId:guid}", UpdateUnitAsync)
            .WithName("UpdateUnit")
            .WithSummary("Change a unit (send the version you read)")
            .Produces<UnitView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}/units/{unitId:guid}", RemoveUnitAsync)
            .WithName("RemoveUnit")
            .WithSummary("Remove a unit (?version= the version you read); the last unit cannot be removed")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}/activities", ListActivitiesAsync)
            .WithName("ListActivities")
            .WithSummary("An organisation's activities: NIC code, title, OECD group, priority sectors, value-chain stages, revenue share")
            .Produces<IReadOnlyList<ActivityView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/activities", AddActivityAsync)
            .WithName("AddActivity")
            .WithSummary("Add an activity: a 4-digit NIC class or 5-digit sub-class, its stages and share of revenue")
            .WithDescription("Stages are ids of the framework's value_chain_stage domain. Shares are percentages; all activities' shares must add up to 100%, so a share that takes the total over 100% is refused.")
            .Produces<ActivityView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id:guid}/activities/{activityId:guid}", UpdateActivityAsync)
            .WithName("UpdateActivity")
            .WithSummary("Change an activity's stages and share (send the version you read)")
            .Produces<ActivityView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}/activities/{activityId:guid}", RemoveActivityAsync)
            .WithName("RemoveActivity")
            .WithSummary("Remove an activity (?version= the version you read)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<IReadOnlyList<OrganisationSummary>>> ListAsync(
        HttpContext context, ReadOrganisation read, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await read.ListAsync(CurrentUser.From(context.User), page ?? 1, pageSize ?? ReadOrganisation.DefaultPageSize, cancellationToken));

    private static async Task<IResult> RegisterAsync(
        RegistrationRequest request, HttpContext context, RegisterOrganisation register, IStringLocalizer<EnterprisesText> l, CancellationToken cancellationToken)
    {
        var outcome = await register.RegisterAsync(CurrentUser.From(context.User), request, cancellationToken);
        return ToResult(outcome, l, view => TypedResults.Created($"/api/v1/organisations/{view.Id}", view));
    }

    private static async Task<IResult> GetAsync(
        Guid id, HttpContext context, ReadOrganisation read, IStringLocalizer<EnterprisesText> l, CancellationToken cancellationToken) =>
        ToResult(await read.GetAsync(CurrentUser.From(context.User), id, cancellationToken), l, TypedResults.Ok);

    private static async Task<IResult> UpdateAsync(
        Guid id, OrganisationRequest request, HttpContext context, UpdateOrganisation update, IStringLocalizer<EnterprisesText> l, CancellationToken cancellationToken) =>
        ToResult(await update.UpdateAsync(CurrentUser.From(context.User), id, request, cancellationToken), l, TypedResults.Ok);

    private static async Task<IResult> ListUnitsAsync(
        Guid id, HttpContext context, ReadOrganisation read, IStringLocalizer<EnterprisesText> l, CancellationToken cancellationToken) =>
        ToResult(await read.GetAsync(CurrentUser.From(context.User), id, cancellationToken), l, view => TypedResults.Ok(view.Units));

    private static async Task<IResult> AddUnitAsync(
        Guid id, UnitRequest request, HttpContext context, SaveUnit save, IStringLocalizer<EnterprisesText> l, CancellationToken cancellationToken) =>
        ToResult(await save.AddAsync(CurrentUser.From(context.User), id, request, cancellationToken), l, unit => TypedResults.Created($"/api/v1/organisations/{id}/units/{unit.Id}", unit));

    private static async Task<IResult> UpdateUnitAsync(
        Guid id, Guid unitId, UnitRequest request, HttpContext context, SaveUnit save, IStringLocalizer<EnterprisesText> l, CancellationToken cancellationToken) =>
        ToResult(await save.UpdateAsync(CurrentUser.From(context.User), id, unitId, request, cancellationToken), l, TypedResults.Ok);

    private static async Task<IResult> RemoveUnitAsync(
        Guid id, Guid unitId, int? version, HttpContext context, RemoveUnit remove, IStringLocalizer<EnterprisesText> l, CancellationToken cancellationToken) =>
        ToResult(await remove.RemoveAsync(CurrentUser.From(context.User), id, unitId, version, cancellationToken), l, _ => TypedResults.NoContent());

    private static async Task<IResult> ListActivitiesAsync(
        Guid id, HttpContext context, ReadOrganisation read, IStringLocalizer<EnterprisesText> l, CancellationToken cancellationToken) =>
        ToResult(await read.GetAsync(CurrentUser.From(context.User), id, cancellationToken), l, view => TypedResults.Ok(view.Activities));

    private static async Task<IResult> AddActivityAsync(
        Guid id, ActivityRequest request, HttpContext context, SaveActivity save, IStringLocalizer<EnterprisesText> l, CancellationToken cancellationToken) =>
        ToResult(await save.AddAsync(CurrentUser.From(context.User), id, request, cancellationToken), l, activity => TypedResults.Created($"/api/v1/organisations/{id}/activities/{activity.Id}", activity));

    private static async Task<IResult> UpdateActivityAsync(
        Guid id, Guid activityId, ActivityRequest request, HttpContext context, SaveActivity save, IStringLocalizer<EnterprisesText> l, CancellationToken cancellationToken) =>
        ToResult(await save.UpdateAsync(CurrentUser.From(context.User), id, activityId, request, cancellationToken), l, TypedResults.Ok);

    private static async Task<IResult> RemoveActivityAsync(
        Guid id, Guid activityId, int? version, HttpContext context, RemoveActivity remove, IStringLocalizer<EnterprisesText> l, CancellationToken cancellationToken) =>
        ToResult(await remove.RemoveAsync(CurrentUser.From(context.User), id, activityId, version, cancellationToken), l, _ => TypedResults.NoContent());

    /// <summary>
    /// A handler's outcome as HTTP: 400 ValidationProblem keyed by the JSON field name, 404 with no hint that the
    /// thing exists, 403, or 409 with the reason, the field (for duplicates) and what is saved now (<c>current</c>).
    /// </summary>
    internal static IResult ToResult<T>(Outcome<T> outcome, IStringLocalizer<EnterprisesText> l, Func<T, IResult> ok) => outcome.Status switch
    {
        OutcomeStatus.Ok => ok(outcome.Value!),
        OutcomeStatus.Invalid => TypedResults.ValidationProblem(Errors(outcome), title: l["Some of the values are not right"]),
        OutcomeStatus.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: l["Not found"]),
        OutcomeStatus.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: l["You may read this organisation but not change it"]),
        _ => TypedResults.Problem(Conflict(outcome)),
    };

    private static Dictionary<string, string[]> Errors<T>(Outcome<T> outcome) =>
        outcome.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal);

    private static ProblemDetails Conflict<T>(Outcome<T> outcome)
    {
        ProblemDetails problem = outcome.Errors.Count > 0 ? new HttpValidationProblemDetails(Errors(outcome)) : new ProblemDetails();
        problem.Status = StatusCodes.Status409Conflict;
        problem.Title = outcome.Message;
        problem.Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10";
        if (outcome.Value is not null)
        {
            problem.Extensions["current"] = outcome.Value;
        }

        return problem;
    }
}
