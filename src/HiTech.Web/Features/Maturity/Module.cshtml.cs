using HiTech.Core.Maturity;

namespace HiTech.Web.Features.Maturity;

/// <summary>
/// One deeper module (or the technology inventory) per page, offered after the short screen and only where it opens
/// for the firm (<see cref="MaturityScorer.OpenModules"/>); only its questions that apply are asked. A module that does
/// not open, or is not one, goes back to the result.
/// </summary>
[Authorize(Policy = Roles.Enterprise)]
public sealed class ModuleModel(GetMaturity get, SaveMaturityAnswers save, MaturityWords words) : QuestionsPage(get, save, words)
{
    public MaturityModule Module { get; private set; } = null!;

    public int Part => Case.Modules.IndexOf(Module) + 1;

    public string BackUrl => Part > 1 ? $"/maturity/{Case.Id}/modules/{Case.Modules[Part - 2].Id}" : $"/maturity/{Case.Id}";

    public async Task<IActionResult> OnGetAsync(Guid id, string module, CancellationToken cancellationToken)
    {
        if (await LoadModuleAsync(id, module, cancellationToken) is { } other)
        {
            return other;
        }

        var questions = Case.QuestionsOf(Module);
        ShowSaved(questions, 1, questions.Count);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string module, CancellationToken cancellationToken)
    {
        if (await LoadModuleAsync(id, module, cancellationToken) is { } other)
        {
            return other;
        }

        var questions = Case.QuestionsOf(Module);
        return await SaveAsync(questions, 1, questions.Count, (saved, _) => saved.NextModule(Module.Id) is { } next ? $"/maturity/{id}/modules/{next.Id}" : $"/maturity/{id}", cancellationToken);
    }

    private async Task<IActionResult?> LoadModuleAsync(Guid id, string module, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!Case.ScreenComplete)
        {
            return Redirect($"/maturity/{id}/screen/{(Case.FirstIncompleteStep ?? Case.Steps[0]).Number}");
        }

        if (Case.Module(module) is not { } found)
        {
            return Redirect($"/maturity/{id}");
        }

        Module = found;
        return null;
    }
}
