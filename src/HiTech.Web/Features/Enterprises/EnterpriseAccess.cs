using HiTech.Web.Data;
using HiTech.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Features.Enterprises;

/// <summary>
/// Who may see and change which organisation. An Enterprise user reaches only its own organisation; an
/// admin may read any; an assessor may read the organisations whose assessments are assigned to them;
/// an analyst sees aggregates only, never an organisation's details. Only the owner changes its data.
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

    /// <summary>May this user read this organisation's details? False means 404 (or 403 for an analyst, who reads none).</summary>
    public async Task<bool> CanReadAsync(CurrentUser user, Guid organisationId, CancellationToken cancellationToken)
    {
        if (user.IsEnterprise && await OwnOrganisationAsync(user, cancellationToken) == organisationId)
        {
            return true;
        }

        if (user.IsAdmin)
        {
            return true;
        }

        return user.IsAssessor && user.Id is { } assessor
            && await db.Assessments.AsNoTracking().AnyAsync(a => a.OrganisationId == organisationId && a.AssessorId == assessor, cancellationToken);
    }

    /// <summary>
    /// May this user change this organisation (its details, units, activities)? Only its owner.
    /// Otherwise <see cref="OutcomeStatus.Forbidden"/> if they may read it, <see cref="OutcomeStatus.NotFound"/> if not.
    /// </summary>
    public async Task<OutcomeStatus> CanChangeAsync(CurrentUser user, Guid organisationId, CancellationToken cancellationToken)
    {
        if (user.IsEnterprise && await OwnOrganisationAsync(user, cancellationToken) == organisationId)
        {
            return OutcomeStatus.Ok;
        }

        return await CanReadAsync(user, organisationId, cancellationToken) ? OutcomeStatus.Forbidden : OutcomeStatus.NotFound;
    }
}
