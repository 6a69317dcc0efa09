using HiTech.Core.Frameworks;
using HiTech.Web.Features.Shared;
using HiTech.Web.Infrastructure;
using HiTech.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiTech.Web.Features.Assessments;

/// <summary>
/// One page of inputs (a pillar, or "About your business"). Every button saves: "Save and continue" goes to the
/// next page (check your answers after the last), "Save and come back later" to the assessment, and each
/// input's documents button to its evidence page. A save from a stale version is refused with what is saved now
/// beside what the person typed, which stays in the fields.
/// </summary>
[Authorize(Policy = Roles.Enterprise)]
public sealed class InputsModel(GetAssessment get, SaveInputs save, AssessmentWords words) : FormPage
{
    public AssessmentDetail Detail { get; private set; } = null!;

    public InputGroup Group { get; private set; } = null!;

    public IReadOnlyList<InputField> Fields { get; private set; } = [];

    public int Version { get; private set; }

    public string? StaleMessage { get; private set; }

    public string GroupTitle => words.GroupTitle(Group);

    public string BackUrl => Group.Number == 1 ? $"/assessments/{Detail.Id}" : $"/assessments/{Detail.Id}/inputs/{Detail.Groups[Group.Number - 2].Id}";

    public async Task<IActionResult> OnGetAsync(Guid id, string group, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, group, cancellationToken) is { } refused)
        {
            return refused;
        }

        Fields = [.. Group.Inputs.Select(i => InputField.Saved(Detail, i, words))];
        Version = Detail.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string group, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, group, cancellationToken) is { } refused)
        {
            return refused;
        }

        var form = Request.Form;
        var entries = Group.Inputs.ToDictionary(
            i => i.Id,
            i => i.Type == InputType.Codes
                ? new InputEntry(Choices: [.. form[InputField.Prefix + i.Id].OfType<string>()])
                : new InputEntry(Text: form[InputField.Prefix + i.Id].ToString()),
            StringComparer.Ordinal);
        var version = int.TryParse(form["Version"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1;
        var action = form["action"].ToString();
        var outcome = await save.ExecuteAsync(Current, id, version, entries, cancellationToken);
        switch (outcome.Status)
        {
            case SaveStatus.Saved:
                return Redirect(Next(action));
            case SaveStatus.NotEditable:
                return Redirect($"/assessments/{id}");
            case SaveStatus.NotFound:
                return NotFound();
            case SaveStatus.Forbidden:
                return Forbid();
        }

        AssessmentDetail? current = null;
        if (outcome.Status == SaveStatus.Stale)
        {
            current = outcome.Current!;
            StaleMessage = words.L["This assessment was changed at {0}, after you opened this page. Your changes are not saved yet: check what is saved now under each question, then save again.", Fmt.DateTime(current.Assessment.UpdatedAt)];
            ModelState.AddModelError("", StaleMessage);
        }

        var fields = new List<InputField>();
        foreach (var input in Group.Inputs)
        {
            string? error = null;
            if (outcome.Problems.TryGetValue(input.Id, out var problem))
            {
                error = words.Describe(input, problem);
                ModelState.AddModelError(InputField.Prefix + input.Id, error);
            }

            fields.Add(InputField.Entered(Detail, input, words, entries[input.Id], error, current));
        }

        Fields = fields;
        Version = outcome.Version;
        return Page();
    }

    private string Next(string action)
    {
        if (action.StartsWith("evidence:", StringComparison.Ordinal) && Group.Inputs.FirstOrDefault(i => i.Id == action["evidence:".Length..]) is { } input)
        {
            return $"/assessments/{Detail.Id}/evidence/{input.Id}";
        }

        if (action == "later")
        {
            return $"/assessments/{Detail.Id}?saved=true";
        }

        return InputGroups.Next(Detail.Framework, Group) is { } next ? $"/assessments/{Detail.Id}/inputs/{next.Id}" : $"/assessments/{Detail.Id}/check";
    }

    private async Task<IActionResult?> LoadAsync(Guid id, string group, CancellationToken cancellationToken)
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

        if (InputGroups.Find(Detail.Framework, group) is not { } page)
        {
            return NotFound();
        }

        Group = page;
        return null;
    }
}
