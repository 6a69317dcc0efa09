using System.Collections.Immutable;
using HiTech.Core.Maturity;

namespace HiTech.Web.Features.Maturity;

/// <summary>One page of the short screen: a dimension and its screen questions.</summary>
public sealed record ScreenStep(int Number, MaturityDimension Dimension, ImmutableArray<MaturityQuestion> Questions);

/// <summary>How far a module's questions are answered.</summary>
public enum ModuleProgress
{
    NotStarted,
    InProgress,
    Completed,
}

/// <summary>
/// A maturity assessment read for a page or the API: the stored row, the instrument it was made with, its profile and
/// answers, the result they score now, and its place in the organisation's series (T0, T1, ...). Everything a page
/// needs to know about where the firm is in the questions: the screen's steps, the modules open for it and what is next.
/// </summary>
public sealed class MaturityCase
{
    public MaturityCase(MaturityAssessment entity, MaturityInstrument instrument, int number)
    {
        Entity = entity;
        Instrument = instrument;
        Number = number;
        Profile = MaturityRecords.ReadProfile(entity.ProfileJson);
        Answers = MaturityRecords.ReadAnswers(entity);
        Result = MaturityScorer.Score(instrument, Profile, Answers);
        Applicable = MaturityScorer.ApplicableQuestions(instrument, Profile, Answers);
        Steps = [.. instrument.Dimensions
            .Select(d => (Dimension: d, Questions: instrument.Screen.Questions.Where(q => q.DimensionId == d.Id).ToImmutableArray()))
            .Where(s => !s.Questions.IsEmpty)
            .Select((s, i) => new ScreenStep(i + 1, s.Dimension, s.Questions))];
        Modules = [.. MaturityScorer.OpenModules(instrument, Profile, Answers).Where(m => m.Kind != ModuleKind.Screen && QuestionsOf(m).Count > 0)];
        ClosedModules = [.. instrument.Modules.Where(m => m.Kind != ModuleKind.Screen && !Modules.Contains(m))];
    }

    public MaturityAssessment Entity { get; }

    public MaturityInstrument Instrument { get; }

    /// <summary>0 for the organisation's first assessment: T0, T1, ... in the DMA's terms.</summary>
    public int Number { get; }

    public string Label => "T" + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public Guid Id => Entity.Id;

    public int Version => Entity.Version;

    public MaturityProfile Profile { get; }

    public MaturityAnswers Answers { get; }

    public MaturityResult Result { get; }

    public ImmutableArray<MaturityQuestion> Applicable { get; }

    public ImmutableArray<ScreenStep> Steps { get; }

    /// <summary>The deep modules and the inventory open for this firm, in instrument order (the screen is not one of them).</summary>
    public ImmutableArray<MaturityModule> Modules { get; }

    /// <summary>The deep modules that do not fit this firm: never asked, never counted.</summary>
    public ImmutableArray<MaturityModule> ClosedModules { get; }

    public bool IsCompleted => Entity.CompletedAt is not null;

    public bool IsAnswered(MaturityQuestion question) => Answers.TryGet(question.Id, out _);

    public bool ScreenComplete => Instrument.Screen.Questions.All(IsAnswered);

    /// <summary>The first screen page with a question not answered yet (null when the screen is done).</summary>
    public ScreenStep? FirstIncompleteStep => Steps.FirstOrDefault(s => !s.Questions.All(IsAnswered));

    public ScreenStep? Step(int number) => Steps.FirstOrDefault(s => s.Number == number);

    /// <summary>The questions of a module that apply to this firm.</summary>
    public IReadOnlyList<MaturityQuestion> QuestionsOf(MaturityModule module) => [.. Applicable.Where(q => q.ModuleId == module.Id)];

    public ModuleProgress ProgressOf(MaturityModule module)
    {
        var questions = QuestionsOf(module);
        var answered = questions.Count(IsAnswered);
        return answered == 0 ? ModuleProgress.NotStarted : answered == questions.Count ? ModuleProgress.Completed : ModuleProgress.InProgress;
    }

    public MaturityModule? Module(string id) => Modules.FirstOrDefault(m => m.Id == id);

    /// <summary>The next open module with something left to answer after <paramref name="afterId"/> (null: from the start).</summary>
    public MaturityModule? NextModule(string? afterId = null)
    {
        var start = afterId is null ? 0 : Modules.Select(m => m.Id).ToList().IndexOf(afterId) + 1;
        return Modules.Skip(Math.Max(start, 0)).FirstOrDefault(m => ProgressOf(m) != ModuleProgress.Completed);
    }

    public int QuestionsLeft => Applicable.Count(q => !IsAnswered(q));
}
