using HiTech.Core.Reference;

namespace HiTech.Core.Maturity;

public enum MaturityTemplateLevel
{
    /// <summary>Every question at 0 points: the lowest option, "none of these", "not used".</summary>
    Lowest,

    /// <summary>Every question at full points: the best option, every scoring option ticked, the top adoption level.</summary>
    Highest,
}

/// <summary>
/// A filled-in answers sheet with every question of the instrument: a form to fill offline, and a test fixture. The
/// profile is chosen so that as many questions as possible apply (with the data as shipped, every module opens).
/// </summary>
public static class MaturityTemplate
{
    private static readonly int[] EmployeeCandidates = [250, 50, 10, 1, 0];

    public static MaturityAnswerSheet Build(MaturityInstrument instrument, MaturityTemplateLevel level)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        var answers = MaturityAnswers.Empty;
        foreach (var question in instrument.Questions)
        {
            answers = answers.With(question.Id, Answer(question, level));
        }

        return new MaturityAnswerSheet(instrument.Reference, WidestProfile(instrument, answers), answers);
    }

    /// <summary>The option ids that answer a question at the lowest or highest level.</summary>
    public static IReadOnlyList<string> Answer(MaturityQuestion question, MaturityTemplateLevel level)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (level == MaturityTemplateLevel.Lowest)
        {
            var none = question.Type == QuestionType.Multi ? question.Options.First(o => o.IsNone) : question.Options.First(o => o.Points == 0);
            return [none.Id];
        }

        if (question.Type == QuestionType.Multi)
        {
            return [.. question.Options.Where(o => o.Points > 0).Select(o => o.Id)];
        }

        var best = question.Options.Max(o => o.Points);
        return [question.Options.First(o => o.Points == best).Id];
    }

    /// <summary>The profile (largest first, manufacturing first) under which the most questions apply to these answers.</summary>
    public static MaturityProfile WidestProfile(MaturityInstrument instrument, MaturityAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(answers);
        MaturityProfile? best = null;
        var bestCount = -1;
        foreach (var size in new[] { MsmeSize.Large, MsmeSize.Medium, MsmeSize.Small, MsmeSize.Micro })
        {
            foreach (var manufacturing in new[] { true, false })
            {
                foreach (var employees in EmployeeCandidates)
                {
                    var profile = new MaturityProfile(employees, manufacturing, size);
                    var count = MaturityScorer.ApplicableQuestions(instrument, profile, answers).Length;
                    if (count > bestCount)
                    {
                        (best, bestCount) = (profile, count);
                    }
                }
            }
        }

        return best!;
    }
}
