namespace HiTech.Web.Features.Assessments;

/// <summary>
/// One page of inputs (a pillar, or "About your business"). Every button saves: "Save and continue" goes to the
/// next page (check your answers after the last), "Save and come back later" to the assessment, and each
/// input's documents button to its evidence page. A save from a stale version is refused with what is saved now
/// beside what the person typed, which stays in the fields.
/// </summary>
[Authorize(Policy = Roles.Enterprise)]
public sealed class InputsModel(GetAssessment get, SaveInputs save, AssessmentWords words) : OwnAssessmentPage(get)
{
    public InputGroup Group { get; private set; } = null!;

    public IReadOnlyList<InputField> Fields { get; private set; } = [];

    /// <summary>The inputs, in the order the page shows them.</summary>
    public override IReadOnlyList<string> FieldOrder => [.. Fields.Select(f => f.Name)];

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
        var action = form["action"].ToString();
        var outcome = await save.ExecuteAsync(Current, id, PostedVersion, entries, cancellationToken);
        if (outcome.IsOk)
        {
            return Redirect(Next(action));
        }

        if (TurnedAway(outcome) is { } away)
        {
            return away;
        }

        // Stale: what is saved now goes beside what the person typed, which stays in the fields.
        var current = outcome.IsStale() ? (await Get.ExecuteAsync(Current, id, cancellationToken)).Value : null;
        if (current is not null)
        {
            StaleMessage = words.L["This assessment was changed at {0}, after you opened this page. Your changes are not saved yet: check what is saved now under each question, then save again.", Fmt.DateTime(current.Assessment.UpdatedAt)];
            ModelState.AddModelError("", StaleMessage);
        }
        else
        {
            ModelState.AddErrors(outcome, field => InputField.Prefix + field[SaveInputs.FieldPrefix.Length..]);
        }

        Fields = [.. Group.Inputs.Select(i => InputField.Entered(Detail, i, words, entries[i.Id], outcome.Errors.GetValueOrDefault(SaveInputs.Field(i.Id))?[0], current))];
        Version = current?.Version ?? Detail.Version;
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
        if (await LoadEditableAsync(id, cancellationToken) is { } away)
        {
            return away;
        }

        if (InputGroups.Find(Detail.Framework, group) is not { } page)
        {
            return NotFound();
        }

        Group = page;
        return null;
    }
}
