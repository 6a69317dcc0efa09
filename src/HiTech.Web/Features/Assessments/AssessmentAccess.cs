using HiTech.Web.Data.Entities;
using HiTech.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Features.Assessments;

/// <summary>What a handler concluded about a request for one assessment.</summary>
public enum Access
{
    Allowed,

    /// <summary>Not there, or another organisation's: answered as 404, never a hint that it exists.</summary>
    NotFound,

    /// <summary>The user's role does not see individual assessments (analysts), or may read but not change this one.</summary>
    Forbidden,
}

/// <summary>Whether the user may change an assessment now, and why not.</summary>
public enum EditCheck
{
    Editable,

    /// <summary>Not there, or another organisation's (404).</summary>
    NotFound,

    /// <summary>A role that may not change assessments, or one that may only read this one (403).</summary>
    Forbidden,

    /// <summary>Submitted or decided: the enterprise does not hold it now.</summary>
    NotEditable,
}

/// <summary>
/// Who may see and change an assessment. The owning organisation's Enterprise users read and (while Draft or
/// Returned) change it; an assessor reads the assessments assigned to them and the open queue; admins read all;
/// analysts see aggregates only, never an individual assessment.
/// </summary>
public static class AssessmentAccess
{
    /// <summary>Analysts (who are not also admins) are refused before anything is looked up.</summary>
    public static bool IsRefusedRole(CurrentUser user) => !user.IsAdmin && !user.IsEnterprise && !user.IsAssessor;

    public static Access Read(CurrentUser user, Guid organisationId, AssessmentStatus status, Guid? assessorId)
    {
        if (IsRefusedRole(user))
        {
            return Access.Forbidden;
        }

        if (user.IsAdmin || user.OwnsOrganisation(organisationId))
        {
            return Access.Allowed;
        }

        if (user.IsAssessor && (assessorId == user.Id || (assessorId is null && status == AssessmentStatus.Submitted)))
        {
            return Access.Allowed;
        }

        return Access.NotFound;
    }

    public static Access Read(CurrentUser user, Assessment assessment) => Read(user, assessment.OrganisationId, assessment.Status, assessment.AssessorId);

    /// <summary>May the user change inputs and evidence? Only the owner; others who may read get 403, the rest 404.</summary>
    public static Access Edit(CurrentUser user, Assessment assessment)
    {
        var read = Read(user, assessment);
        return read != Access.Allowed ? read : user.OwnsOrganisation(assessment.OrganisationId) ? Access.Allowed : Access.Forbidden;
    }

    /// <summary>Inputs and evidence change only while the enterprise holds the assessment.</summary>
    public static bool IsEditable(AssessmentStatus status) => status is AssessmentStatus.Draft or AssessmentStatus.Returned;

    /// <summary>
    /// The checks every change to an assessment makes first, in order: the role, the assessment's existence and owner,
    /// then its status. <paramref name="assessments"/> says how to load it (tracked, with its inputs, ...). The
    /// assessment comes back only when the user may see it (also when it is <see cref="EditCheck.NotEditable"/>).
    /// </summary>
    public static async Task<(EditCheck Check, Assessment? Assessment)> FindEditableAsync(
        IQueryable<Assessment> assessments, CurrentUser user, Guid id, CancellationToken cancellationToken)
    {
        if (IsRefusedRole(user))
        {
            return (EditCheck.Forbidden, null);
        }

        var assessment = await assessments.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return (EditCheck.NotFound, null);
        }

        return Edit(user, assessment) switch
        {
            Access.NotFound => (EditCheck.NotFound, null),
            Access.Forbidden => (EditCheck.Forbidden, null),
            _ => (IsEditable(assessment.Status) ? EditCheck.Editable : EditCheck.NotEditable, assessment),
        };
    }

    /// <summary>The financial year most recently completed (April to March, in India): in November 2026 that is 2025 (FY 2025-26).</summary>
    public static int LastCompletedYear(DateTimeOffset now)
    {
        var ist = now.ToOffset(TimeSpan.FromHours(5.5));
        return (ist.Month >= 4 ? ist.Year : ist.Year - 1) - 1;
    }
}

/// <summary>A handler's answer: whether the user may have it, and the thing when they may.</summary>
public readonly record struct Found<T>(Access Access, T? Value)
    where T : class;

public static class Found
{
    public static Found<T> Refused<T>(Access access)
        where T : class => new(access, null);

    public static Found<T> Of<T>(T value)
        where T : class => new(Access.Allowed, value);
}
