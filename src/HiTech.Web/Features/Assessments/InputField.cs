namespace HiTech.Web.Features.Assessments;

/// <summary>
/// One question on an input page, ready to render with <c>_InputField.cshtml</c>: what to show in the field (the saved
/// value, or what the person typed after a refused save), its error, what is saved now after a conflict, its documents.
/// </summary>
public sealed record InputField(
    Guid AssessmentId,
    CompiledInput Input,
    string Title,
    string? Help,
    string Text,
    IReadOnlyList<string> Checked,
    string? Error,
    string? SavedNow,
    IReadOnlyList<(string Value, string Label)> Options,
    IReadOnlyList<EvidenceFile> Files,
    EvidenceLevel Evidence,
    bool Editable)
{
    public const string Prefix = "Values.";

    public string Name => Prefix + Input.Id;

    public string FieldId => Shared.FieldId.For(Name);

    public bool Required => Input.Definition.Required;

    public InputType Type => Input.Type;

    /// <summary>A field showing the saved value.</summary>
    public static InputField Saved(AssessmentDetail detail, CompiledInput input, AssessmentWords words) =>
        Build(detail, input, words, detail.Value(input.Id), null, null, null);

    /// <summary>A field showing what was typed, with its error, and after a conflict what is saved now when it differs.</summary>
    public static InputField Entered(AssessmentDetail detail, CompiledInput input, AssessmentWords words, InputEntry entry, string? error, AssessmentDetail? current)
    {
        string? savedNow = null;
        if (current is not null)
        {
            var saved = current.Value(input.Id);
            var typed = entry.Parse(input);
            if (!typed.Ok || typed.Value != saved)
            {
                savedNow = words.Display(current.Framework, input, saved);
            }
        }

        return Build(current ?? detail, input, words, null, entry, error, savedNow);
    }

    private static InputField Build(AssessmentDetail detail, CompiledInput input, AssessmentWords words, StoredValue? saved, InputEntry? entry, string? error, string? savedNow)
    {
        var text = entry is not null ? entry.Text ?? "" : InputParser.FormText(input, saved!);
        var ticked = entry is not null ? entry.Choices ?? [] : input.Type == InputType.Codes ? InputParser.FormChoices(saved!) : [];
        IReadOnlyList<(string, string)> options = input.Domain is { } domain
            ? [.. domain.Values.Select(v => (v, AssessmentWords.Label(detail.Framework, AssessmentWords.DomainId(input), v)))]
            : [];
        return new InputField(
            detail.Id,
            input,
            AssessmentWords.Title(input),
            AssessmentWords.Help(input),
            text,
            ticked,
            error,
            savedNow,
            options,
            detail.FilesFor(input.Id),
            detail.EvidenceLevel(input.Id),
            detail.IsEditable);
    }
}
