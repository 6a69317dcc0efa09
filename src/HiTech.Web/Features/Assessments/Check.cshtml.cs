using HiTech.Core.Reference;
using HiTech.Core.Scoring;
using HiTech.Web.Data.Entities;
using HiTech.Web.Features.Shared;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiTech.Web.Features.Assessments;

/// <summary>
/// Check your answers, then submit. What stops submission (a required answer missing, figures that do not agree,
/// no activities) is listed in an error summary whose links go to the question on its own page.
/// </summary>
[Authorize(Policy = Roles.Enterprise)]
public sealed class CheckModel(GetAssessment get, SubmitAssessment submit, AssessmentWords words, ReferenceData reference) : FormPage
{
    public AssessmentDetail Detail { get; private set; } = null!;

    public IReadOnlyList<Activity> Activities { get; private set; } = [];

    /// <summary>Why it could not be submitted, each with the link to the question concerned.</summary>
    public IReadOnlyList<(string Message, string Href)> Problems { get; private set; } = [];

    public string ActivityTitle(string code) => reference.Nic.Find(code)?.Title ?? code;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var version = int.TryParse(Request.Form["Version"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1;
        var outcome = await submit.ExecuteAsync(Current, id, version, cancellationToken);
        switch (outcome.Status)
        {
            case SubmitStatus.Submitted:
                return Redirect($"/assessments/{id}/result");
            case SubmitStatus.NotEditable:
                return Redirect($"/assessments/{id}");
            case SubmitStatus.Forbidden:
                return Forbid();
            case SubmitStatus.NotFound:
                return NotFound();
            case SubmitStatus.Stale:
                Problems = [(words.L["This assessment was changed at {0}, after you opened this page. Check the answers below, then submit again.", Fmt.DateTime(Detail.Assessment.UpdatedAt)], "#answers")];
                break;
            default:
                Problems = [.. outcome.Issues.Select(issue => (words.Issue(Detail.Framework, issue), Href(issue)))];
                break;
        }

        foreach (var (message, _) in Problems)
        {
            ModelState.AddModelError("", message);
        }

        return Page();
    }

    private string Href(InputIssue issue)
    {
        var field = issue.Field.Split(';')[0];
        return Detail.Framework.InputsById.ContainsKey(field) ? InputFieldIds.Url(Detail, field) : issue.Field == "activities" ? "/enterprise" : "#answers";
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(Current, id, cancellationToken);
        if (found.Value is null || !Current.OwnsOrganisation(found.Value.Assessment.OrganisationId))
        {
            return found.Access == Access.Forbidden ? Forbid() : NotFound();
        }

        Detail = found.Value;
        if (!Detail.IsEditable)
        {
            return Redirect($"/assessments/{id}");
        }

        Activities = await get.ActivitiesAsync(Detail.Assessment.OrganisationId, cancellationToken);
        return null;
    }
}
