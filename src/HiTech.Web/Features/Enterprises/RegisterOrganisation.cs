using HiTech.Core.Reference;

namespace HiTech.Web.Features.Enterprises;

/// <summary>
/// An Enterprise user registers their organisation with its main unit and becomes its owner
/// (<see cref="AppUser.OrganisationId"/>). One organisation per user; a Udyam number registers once.
/// The page then refreshes the sign-in so the organisation claim appears.
/// </summary>
public sealed class RegisterOrganisation(
    AppDbContext db,
    EnterpriseRules rules,
    ReadOrganisation read,
    EnterpriseOutcomes outcomes,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<EnterprisesText> l)
{
    public const string AuditEntity = "Organisation";

    /// <summary>The checked and cleaned registration, ready to save.</summary>
    public sealed record Checked(string Name, string UdyamNumber, string? Gstin, District District, string Address, decimal InvestmentInr, decimal TurnoverInr, string UnitName)
    {
        public (string SizeClass, MsmeLimits Limits) Size(MsmeClassifier msme, DateOnly asOf) => SaveUnit.Classify(msme, InvestmentInr, TurnoverInr, asOf);
    }

    /// <summary>Checks everything, including that the Udyam number is not registered already; errors keyed by field.</summary>
    public async Task<(Checked? Value, Dictionary<string, string> Errors, bool UdyamTaken)> CheckAsync(RegistrationRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = rules.Name(errors, request.Name);
        var udyam = rules.Udyam(errors, request.UdyamNumber);
        var gstin = rules.GstinOrNone(errors, request.Gstin);
        var district = rules.District(errors, request.District);
        var address = rules.Address(errors, request.Address);
        var investment = rules.Investment(errors, request.InvestmentInr);
        var turnover = rules.Turnover(errors, request.TurnoverInr);
        var unitName = string.IsNullOrWhiteSpace(request.UnitName) ? l["Main unit"].Value : rules.Name(errors, request.UnitName, "unitName", unit: true);
        var taken = udyam is not null && await UdyamTakenAsync(udyam, null, cancellationToken);
        if (taken)
        {
            EnterpriseRules.Add(errors, "udyamNumber", UdyamTakenMessage());
        }

        return errors.Count > 0
            ? (null, errors, taken)
            : (new Checked(name!, udyam!, gstin, district!, address!, investment!.Value, turnover!.Value, unitName!), errors, false);
    }

    public Task<bool> UdyamTakenAsync(string udyam, Guid? except, CancellationToken cancellationToken) =>
        db.Organisations.AnyAsync(o => o.UdyamNumber == udyam && o.Id != except, cancellationToken);

    public string UdyamTakenMessage() =>
        l["This Udyam registration number is already registered on the platform. If the enterprise is yours, sign in with the account that registered it."];

    /// <summary>The Udyam number is registered already: a conflict with what is saved (409), naming the field.</summary>
    public Outcome<T> UdyamTaken<T>() => EnterpriseOutcomes.Duplicate<T>("udyamNumber", UdyamTakenMessage());

    public async Task<Outcome<OrganisationView>> ExecuteAsync(CurrentUser user, RegistrationRequest request, CancellationToken cancellationToken)
    {
        if (!user.IsEnterprise || user.Id is not { } userId)
        {
            return outcomes.Forbidden<OrganisationView>();
        }

        var account = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (account is null)
        {
            return outcomes.Forbidden<OrganisationView>();
        }

        if (account.OrganisationId is not null)
        {
            return Outcome.Conflict<OrganisationView>(l["You have already registered your enterprise. An account can register one enterprise."]);
        }

        var (value, errors, taken) = await CheckAsync(request, cancellationToken);
        if (value is null)
        {
            // A Udyam number registered already is a conflict with what is saved (409); anything else is a mistake to correct (400).
            return taken && errors.Count == 1 ? UdyamTaken<OrganisationView>() : outcomes.Invalid<OrganisationView>(errors);
        }

        var now = clock.GetUtcNow();
        var asOf = Saving.TodayInIndia(clock);
        var organisation = new Organisation
        {
            Id = Guid.NewGuid(),
            Name = value.Name,
            UdyamNumber = value.UdyamNumber,
            Gstin = value.Gstin,
            District = value.District.Name,
            Address = value.Address,
            CreatedAt = now,
        };
        var unit = new Unit
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisation.Id,
            Name = value.UnitName,
            District = value.District.Name,
            Address = value.Address,
            InvestmentInr = value.InvestmentInr,
            TurnoverInr = value.TurnoverInr,
            SizeClass = value.Size(rules.Reference.Msme, asOf).SizeClass,
            SizeClassAsOf = asOf,
        };
        organisation.Units.Add(unit);
        db.Organisations.Add(organisation);
        account.OrganisationId = organisation.Id;
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
        audit.Record(user, AuditEntity, organisation.Id.ToString(), AuditAction.Create, null, OrganisationSnapshot.Of(organisation));
        audit.Record(user, SaveUnit.AuditEntity, unit.Id.ToString(), AuditAction.Create, null, UnitSnapshot.Of(unit));
        audit.Record(user, "User", userId.ToString(), AuditAction.OwnOrganisation, new { OrganisationId = (Guid?)null }, new { OrganisationId = organisation.Id });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two registrations of the same Udyam number at once: the unique index lets one through.
            db.ChangeTracker.Clear();
            if (await UdyamTakenAsync(value.UdyamNumber, null, cancellationToken))
            {
                return UdyamTaken<OrganisationView>();
            }

            throw;
        }

        return Outcome.Ok(read.ToView(organisation));
    }
}
