using HiTech.Core.Reference;

namespace HiTech.Web.Features.Enterprises;

/// <summary>
/// Adds or changes a unit of the user's organisation. The MSME size class is computed on every save from the
/// investment in plant and machinery and the turnover, with the limits in force that day.
/// </summary>
public sealed class SaveUnit(
    AppDbContext db,
    EnterpriseOutcomes outcomes,
    EnterpriseRules rules,
    ReadOrganisation read,
    AuditLog audit,
    TimeProvider clock)
{
    public const string AuditEntity = "Unit";

    /// <summary>A size class and the limits that gave it.</summary>
    public static (string SizeClass, MsmeLimits Limits) Classify(MsmeClassifier msme, decimal investmentInr, decimal turnoverInr, DateOnly asOf) =>
        (MsmeSizes.ToId(msme.Classify(investmentInr, turnoverInr, asOf)), msme.LimitsOn(asOf));

    /// <summary>Adds a unit (<paramref name="unitId"/> null) or changes one against the version read.</summary>
    public async Task<Outcome<UnitView>> ExecuteAsync(CurrentUser user, Guid organisationId, Guid? unitId, UnitRequest request, CancellationToken cancellationToken) =>
        await outcomes.RefuseChangeAsync<UnitView>(user, organisationId, cancellationToken) is { } refused ? refused
        : unitId is { } id ? await UpdateAsync(user, organisationId, id, request, cancellationToken)
        : await AddAsync(user, organisationId, request, cancellationToken);

    private async Task<Outcome<UnitView>> AddAsync(CurrentUser user, Guid organisationId, UnitRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Check(errors, request) is not { } fields)
        {
            return outcomes.Invalid<UnitView>(errors);
        }

        var unit = new Unit { Id = Guid.NewGuid(), OrganisationId = organisationId };
        Apply(unit, fields);
        db.Units.Add(unit);
        audit.Record(user, AuditEntity, unit.Id.ToString(), AuditAction.Create, null, UnitSnapshot.Of(unit));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(read.ToView(unit));
    }

    private async Task<Outcome<UnitView>> UpdateAsync(CurrentUser user, Guid organisationId, Guid unitId, UnitRequest request, CancellationToken cancellationToken)
    {
        var unit = await db.Units.FindAsync([unitId], cancellationToken);
        if (unit is null || unit.OrganisationId != organisationId)
        {
            return outcomes.NotFound<UnitView>();
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var fields = Check(errors, request);
        if (request.Version is null)
        {
            EnterpriseRules.Add(errors, "version", outcomes.VersionMissing);
        }

        if (fields is null || errors.Count > 0)
        {
            return outcomes.Invalid<UnitView>(errors);
        }

        if (unit.Version != request.Version)
        {
            return await outcomes.StaleAsync(AuditEntity, unitId, read.ToView(unit), cancellationToken);
        }

        var before = UnitSnapshot.Of(unit);
        Apply(unit, fields.Value);
        Saving.ExpectVersion(db, unit, request.Version!.Value);
        audit.Record(user, AuditEntity, unit.Id.ToString(), AuditAction.Update, before, UnitSnapshot.Of(unit) with { Version = before.Version + 1 });
        return await Saving.TrySaveAsync(db, cancellationToken)
            ? Outcome.Ok(read.ToView(unit))
            : await outcomes.SavedMeanwhileAsync(AuditEntity, unitId, await read.LoadUnitAsync(organisationId, unitId, cancellationToken), cancellationToken);
    }

    private (string Name, District District, string Address, decimal Investment, decimal Turnover)? Check(Dictionary<string, string> errors, UnitRequest request)
    {
        var name = rules.Name(errors, request.Name, unit: true);
        var district = rules.District(errors, request.District);
        var address = rules.Address(errors, request.Address);
        var investment = rules.Investment(errors, request.InvestmentInr);
        var turnover = rules.Turnover(errors, request.TurnoverInr);
        return errors.Count > 0 ? null : (name!, district!, address!, investment!.Value, turnover!.Value);
    }

    private void Apply(Unit unit, (string Name, District District, string Address, decimal Investment, decimal Turnover) fields)
    {
        var asOf = Saving.TodayInIndia(clock);
        unit.Name = fields.Name;
        unit.District = fields.District.Name;
        unit.Address = fields.Address;
        unit.InvestmentInr = fields.Investment;
        unit.TurnoverInr = fields.Turnover;
        unit.SizeClass = Classify(rules.Reference.Msme, fields.Investment, fields.Turnover, asOf).SizeClass;
        unit.SizeClassAsOf = asOf;
    }
}
