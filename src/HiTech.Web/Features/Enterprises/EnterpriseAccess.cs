namespace HiTech.Web.Features.Enterprises;

/// <summary>
/// Who may see and change which organisation. An Enterprise user reaches only its own organisation; an
/// admin may read any; an assessor may read the organisations of the assessments it reaches (as
/// <see cref="AssessmentPolicy.Listed"/> says); an analyst sees aggregates only. Only the owner changes its data.
/// </summary>
public sealed class EnterpriseAccess(AppDbContext db)
{
    /// <summary>
    /// The organisation an Enterprise user owns: the sign-in's claim, else the account (a bearer token issued
    /// before the organisation was registered has no claim yet). Null when there is none.
    /// </summary>
    public async Task<Guid?> OwnOrganisationAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        if (!user.IsEnterprise || user.Id is not { } id)
        {
            return null;
        }

        if (user.OrganisationId is { } claimed)
        {
            return claimed;
        }

        return await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.OrganisationId).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The organisations this user may read: all for an admin, its own for an owner, those of its assessments for an assessor.</summary>
    public async Task<IQueryable<Organisation>> ReadableAsync(CurrentUser user, CancellationToken cancellationToken)
    {
        if (user.IsAdmin)
        {
            return db.Organisations;
        }

        if (await OwnOrganisationAsync(user, cancellationToken) is { } own)
        {
            return db.Organisations.Where(o => o.Id == own);
        }

        var reached = AssessmentPolicy.Listed(db.Assessments, user);
        return db.Organisations.Where(o => reached.Any(a => a.OrganisationId == o.Id));
    }

    /// <summary>May this user read this organisation's details? False means 404.</summary>
    public async Task<bool> MayReadAsync(CurrentUser user, Guid organisationId, CancellationToken cancellationToken) =>
        user.IsAdmin
        || await OwnOrganisationAsync(user, cancellationToken) == organisationId
        || await AssessmentPolicy.Listed(db.Assessments, user).AnyAsync(a => a.OrganisationId == organisationId, cancellationToken);

    /// <summary>
    /// May this user change this organisation (its details, units, activities)? Only its owner: otherwise
    /// <see cref="OutcomeKind.Forbidden"/> if they may read it, <see cref="OutcomeKind.NotFound"/> if not.
    /// </summary>
    public async Task<OutcomeKind> ChangeAsync(CurrentUser user, Guid organisationId, CancellationToken cancellationToken) =>
        await OwnOrganisationAsync(user, cancellationToken) == organisationId ? OutcomeKind.Ok
        : await MayReadAsync(user, organisationId, cancellationToken) ? OutcomeKind.Forbidden
        : OutcomeKind.NotFound;
}
