namespace HiTech.Web.Features.Maturity;

/// <summary>
/// The short screen, one dimension (two questions) a page, six short pages. After the last page the first estimate
/// follows at once. Saved on every page; a page out of range goes to the first one with something left to answer.
/// </summary>
[Authorize(Policy = Roles.Enterprise)]
public sealed class ScreenModel(GetMaturity get, SaveMaturityAnswers save, MaturityWords words) : QuestionsPage(get, save, words)
{
    public ScreenStep Step { get; private set; } = null!;

    public int QuestionCount => Case.Steps.Sum(s => s.Questions.Length);

    public string BackUrl => Step.Number == 1 ? "/maturity" : $"/maturity/{Case.Id}/screen/{Step.Number - 1}";

    public async Task<IActionResult> OnGetAsync(Guid id, int step, CancellationToken cancellationToken)
    {
        if (await LoadStepAsync(id, step, cancellationToken) is { } other)
        {
            return other;
        }

        ShowSaved(Step.Questions, FirstNumber, QuestionCount);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int step, CancellationToken cancellationToken)
    {
        if (await LoadStepAsync(id, step, cancellationToken) is { } other)
        {
            return other;
        }

        return await SaveAsync(Step.Questions, FirstNumber, QuestionCount, (saved, _) => saved.Step(Step.Number + 1) is { } next ? $"/maturity/{id}/screen/{next.Number}" : $"/maturity/{id}", cancellationToken);
    }

    private int FirstNumber => 1 + Case.Steps.TakeWhile(s => s.Number < Step.Number).Sum(s => s.Questions.Length);

    private async Task<IActionResult?> LoadStepAsync(Guid id, int step, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Case.Step(step) is not { } found)
        {
            return Redirect($"/maturity/{id}/screen/{(Case.FirstIncompleteStep ?? Case.Steps[0]).Number}");
        }

        Step = found;
        return null;
    }
}
