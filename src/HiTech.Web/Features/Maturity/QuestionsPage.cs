using System.Collections.Immutable;
using System.Globalization;
using HiTech.Core.Maturity;

namespace HiTech.Web.Features.Maturity;

/// <summary>One question on a page, ready for <c>_Question.cshtml</c>: its options in the user's language, what is chosen, its error, and what is saved now after a conflict.</summary>
public sealed record QuestionField(
    MaturityQuestion Question,
    int Number,
    int Of,
    IReadOnlyList<(string Value, string Text, bool IsNone)> Options,
    IReadOnlyList<string> Chosen,
    string? Error,
    string? SavedNow)
{
    public const string Prefix = "Answers.";

    public string Name => Prefix + Question.Id;

    public string FieldId => Shared.FieldId.For(Name);

    public bool IsMulti => Question.Type == QuestionType.Multi;
}

/// <summary>
/// A page of questions (a screen step or a module) that saves on every submit: "Save and continue" needs every question
/// on the page answered and goes on; "Save and come back later" keeps what is there. Works without JavaScript; a save
/// from a stale page is refused with what is saved now under each question and what the person chose kept.
/// </summary>
public abstract class QuestionsPage(GetMaturity get, SaveMaturityAnswers save, MaturityWords words) : FormPage
{
    public MaturityCase Case { get; private set; } = null!;

    public IReadOnlyList<QuestionField> Fields { get; private set; } = [];

    /// <summary>The questions, in the order the page asks them.</summary>
    public override IReadOnlyList<string> FieldOrder => [.. Fields.Select(f => f.Name)];

    public int Version { get; private set; }

    protected MaturityWords Words => words;

    /// <summary>Loads the assessment; a refusal (404/403) or a redirect when it cannot be answered any more.</summary>
    protected async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await get.ExecuteAsync(Current, id, cancellationToken);
        if (this.Refusal(found) is { } refused)
        {
            return refused;
        }

        Case = found.Value!;
        Version = Case.Version;
        return Case.IsCompleted ? Redirect($"/maturity/{id}") : null;
    }

    protected void ShowSaved(IReadOnlyList<MaturityQuestion> questions, int first, int of) =>
        Fields = [.. questions.Select((q, i) => Field(q, first + i, of, Case.Answers.TryGet(q.Id, out var chosen) ? [.. chosen] : [], null, null))];

    /// <summary>Reads the page's answers, saves them, and says where to go next (or shows the page again with what went wrong).</summary>
    protected async Task<IActionResult> SaveAsync(IReadOnlyList<MaturityQuestion> questions, int first, int of, Func<MaturityCase, string, string> next, CancellationToken cancellationToken)
    {
        var form = Request.Form;
        var action = form["action"].ToString() == "later" ? "later" : "continue";
        var entries = questions.ToDictionary(q => q.Id, q => form[QuestionField.Prefix + q.Id].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToImmutableArray(), StringComparer.Ordinal);
        var version = int.TryParse(form["Version"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;

        // "Later" keeps earlier answers of questions left empty; "continue" has them all.
        var changes = entries.Where(e => !e.Value.IsEmpty).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (action == "continue")
        {
            foreach (var (question, number) in questions.Select((q, i) => (q, first + i)))
            {
                if (entries[question.Id].IsEmpty)
                {
                    errors[question.Id] = Missing(question, number);
                }
            }
        }

        if (errors.Count == 0)
        {
            // Worded for a person, next to the question (the handler's words are for API callers).
            foreach (var error in MaturityScorer.Validate(Case.Instrument, Case.Profile, MaturityAnswers.From(changes)))
            {
                errors.TryAdd(error.QuestionId, Refused(error, questions.FirstOrDefault(q => q.Id == error.QuestionId)));
            }
        }

        MaturityCase? current = null;
        if (errors.Count == 0)
        {
            var outcome = await save.ExecuteAsync(Current, Case.Id, version, changes, cancellationToken);
            if (this.Refusal(outcome) is { } refused)
            {
                return refused;
            }

            if (outcome.IsOk)
            {
                return Redirect(action == "later" ? "/maturity?saved=true" : next(outcome.Value!, action));
            }

            if (outcome.Value is { IsCompleted: true })
            {
                return Redirect($"/maturity/{Case.Id}");
            }

            if (outcome.Value is { } savedNow)
            {
                current = savedNow;
                Version = current.Version;
                ModelState.AddModelError("", words.L["This assessment was changed at {0}, after you opened this page. Your answers on this page are not saved yet: check what is saved now under each question, then save again.", Fmt.DateTime(current.Entity.UpdatedAt)]);
            }
            else
            {
                ModelState.AddErrors(outcome);
            }
        }

        Fields = [.. questions.Select((q, i) =>
        {
            var error = errors.GetValueOrDefault(q.Id);
            if (error is not null)
            {
                ModelState.AddModelError(QuestionField.Prefix + q.Id, error);
            }

            string? savedNow = null;
            if (current is not null)
            {
                var mine = entries[q.Id];
                var theirs = current.Answers.TryGet(q.Id, out var chosen) ? chosen : [];
                if (!mine.OrderBy(x => x, StringComparer.Ordinal).SequenceEqual(theirs.OrderBy(x => x, StringComparer.Ordinal)))
                {
                    savedNow = theirs.IsDefaultOrEmpty ? words.L["Not answered"] : string.Join("; ", theirs.Select(o => q.TryGetOption(o, out var option) ? MaturityWords.In(option.Text) : o));
                }
            }

            return Field(q, first + i, of, [.. entries[q.Id]], error, savedNow);
        })];
        return Page();
    }

    private string Missing(MaturityQuestion question, int number)
    {
        var n = number.ToString(CultureInfo.InvariantCulture);
        return question.Type == QuestionType.Multi && question.Options.FirstOrDefault(o => o.IsNone) is { } none
            ? words.L["Question {0}: tick every answer that applies, or ‘{1}’", n, MaturityWords.In(none.Text)]
            : words.L["Question {0}: choose one answer", n];
    }

    private string Refused(MaturityAnswerError error, MaturityQuestion? question) => error.Rule switch
    {
        "none-with-others" when question?.Options.FirstOrDefault(o => o.IsNone) is { } none => words.L["‘{0}’ cannot be ticked together with other answers", MaturityWords.In(none.Text)],
        "several-options" => words.L["Choose only one answer"],
        _ => words.L["Choose one of the answers shown"],
    };

    private static QuestionField Field(MaturityQuestion question, int number, int of, IReadOnlyList<string> chosen, string? error, string? savedNow) =>
        new(question, number, of, [.. question.Options.Select(o => (o.Id, MaturityWords.In(o.Text), o.IsNone))], chosen, error, savedNow);
}
