using System.Collections.Immutable;

namespace HiTech.Core.Maturity;

/// <summary>
/// Scores a firm's answers against an instrument, as the instrument's <c>scoring.method</c> says: a dimension's score
/// is 100 × points scored / points possible over the answered questions of that dimension that apply to the firm (the
/// screen, the deep modules open for it, the inventory items that fit it), rounded half away from zero; the overall
/// score is the mean of the dimension scores, rounded likewise. Pure and deterministic.
/// </summary>
public static class MaturityScorer
{
    public static MaturityResult Score(MaturityInstrument instrument, MaturityProfile profile, MaturityAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(answers);
        var errors = Validate(instrument, profile, answers);
        if (errors.Count > 0)
        {
            return new MaturityResult(instrument.Id, instrument.Version, profile, [], null, null, [], [], false, 0, 0, [], [], [.. errors]);
        }

        var (open, closed, applicable) = Plan(instrument, profile, answers);
        var applicableIds = applicable.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var dimensions = ImmutableArray.CreateBuilder<DimensionScore>();
        foreach (var dimension in instrument.Dimensions)
        {
            int points = 0, possible = 0, answered = 0, count = 0;
            var screenOnly = true;
            foreach (var question in applicable.Where(q => q.DimensionId == dimension.Id))
            {
                count++;
                if (!answers.TryGet(question.Id, out var chosen))
                {
                    continue;
                }

                answered++;
                points += PointsOf(question, chosen);
                possible += question.MaxPoints;
                screenOnly &= question.ModuleId == instrument.Screen.Id;
            }

            int? score = possible > 0 ? RoundPercent(points, possible) : null;
            dimensions.Add(new DimensionScore(dimension.Id, score, points, possible, answered, count, answered > 0 && screenOnly, score is { } s ? instrument.Scoring.BandFor(s) : null));
        }

        var scores = dimensions.Select(d => d.Score).ToList();
        int? overall = scores.All(s => s.HasValue) ? RoundMean(scores.Select(s => s!.Value)) : null;
        var answeredApplicable = applicable.Where(q => answers.TryGet(q.Id, out _)).ToList();
        return new MaturityResult(
            instrument.Id,
            instrument.Version,
            profile,
            dimensions.ToImmutable(),
            overall,
            overall is { } o ? instrument.Scoring.BandFor(o) : null,
            [.. open.Select(m => m.Id)],
            [.. closed.Select(m => m.Id)],
            answeredApplicable.Count > 0 && answeredApplicable.All(q => q.ModuleId == instrument.Screen.Id),
            answeredApplicable.Count,
            applicable.Length,
            [.. applicable.Where(q => !answers.TryGet(q.Id, out _)).Select(q => q.Id)],
            [.. answers.QuestionIds.Where(id => !applicableIds.Contains(id))],
            []);
    }

    /// <summary>
    /// The modules open for the firm given its answers so far (the screen always), in instrument order: what a page
    /// shows after the screen. Answers the instrument cannot take are ignored here.
    /// </summary>
    public static ImmutableArray<MaturityModule> OpenModules(MaturityInstrument instrument, MaturityProfile profile, MaturityAnswers answers) =>
        Plan(instrument, profile, answers).Open;

    /// <summary>The questions that apply to the firm given its answers so far, in instrument order.</summary>
    public static ImmutableArray<MaturityQuestion> ApplicableQuestions(MaturityInstrument instrument, MaturityProfile profile, MaturityAnswers answers) =>
        Plan(instrument, profile, answers).Applicable;

    /// <summary>Every answer the instrument cannot take, and a profile it cannot read; empty when all is well.</summary>
    public static IReadOnlyList<MaturityAnswerError> Validate(MaturityInstrument instrument, MaturityProfile profile, MaturityAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(answers);
        var errors = new List<MaturityAnswerError>();
        if (profile.Employees < 0)
        {
            errors.Add(new MaturityAnswerError("profile.employees", profile.Employees.ToString(System.Globalization.CultureInfo.InvariantCulture), "bad-profile", $"The number of employees cannot be negative ({profile.Employees})."));
        }

        foreach (var (questionId, chosen) in answers.All)
        {
            var given = string.Join(", ", chosen);
            if (!instrument.TryGetQuestion(questionId, out var question))
            {
                errors.Add(new MaturityAnswerError(questionId, given, "unknown-question", $"'{questionId}' is not a question of {instrument.Reference} (answer '{given}')."));
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var known = true;
            foreach (var option in chosen)
            {
                if (!seen.Add(option))
                {
                    errors.Add(new MaturityAnswerError(questionId, given, "duplicate-option", $"'{questionId}' has the answer '{option}' twice."));
                    known = false;
                }
                else if (!question.TryGetOption(option, out _))
                {
                    errors.Add(new MaturityAnswerError(questionId, given, "unknown-option", $"'{option}' is not an option of '{questionId}'. Its options: {string.Join(", ", question.Options.Select(o => o.Id))}."));
                    known = false;
                }
            }

            if (!known)
            {
                continue;
            }

            if (question.Type != QuestionType.Multi && chosen.Length > 1)
            {
                errors.Add(new MaturityAnswerError(questionId, given, "several-options", $"'{questionId}' takes one answer, but {chosen.Length} were given: {given}."));
            }
            else if (question.Type == QuestionType.Multi && chosen.Length > 1 && question.Options.FirstOrDefault(o => o.IsNone) is { } none && chosen.Contains(none.Id))
            {
                errors.Add(new MaturityAnswerError(questionId, given, "none-with-others", $"'{questionId}': '{none.Id}' (none of these) cannot be ticked together with other options: {given}."));
            }
        }

        return errors;
    }

    /// <summary>The points an answer scores: the option's points, or for a tick-all question the sum of those ticked.</summary>
    public static int PointsOf(MaturityQuestion question, ImmutableArray<string> chosen)
    {
        ArgumentNullException.ThrowIfNull(question);
        var points = 0;
        foreach (var id in chosen)
        {
            if (question.TryGetOption(id, out var option))
            {
                points += option.Points;
            }
        }

        return points;
    }

    /// <summary>100 × part / whole rounded half away from zero, in whole numbers (exact: no floating point).</summary>
    public static int RoundPercent(int part, int whole)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(whole);
        return (int)(((200L * part) + whole) / (2L * whole));
    }

    /// <summary>The mean of whole-number scores rounded half away from zero (exact: no floating point).</summary>
    public static int RoundMean(IEnumerable<int> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        long sum = 0;
        var count = 0;
        foreach (var score in scores)
        {
            sum += score;
            count++;
        }

        if (count == 0)
        {
            throw new ArgumentException("The mean of no scores is undefined.", nameof(scores));
        }

        var twice = (2 * sum) + (sum >= 0 ? count : -count);
        return (int)(twice / (2L * count));
    }

    private static (ImmutableArray<MaturityModule> Open, ImmutableArray<MaturityModule> Closed, ImmutableArray<MaturityQuestion> Applicable) Plan(
        MaturityInstrument instrument, MaturityProfile profile, MaturityAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(answers);
        var screenPoints = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var question in instrument.Screen.Questions)
        {
            if (answers.TryGet(question.Id, out var chosen) && chosen.All(id => question.TryGetOption(id, out _)))
            {
                screenPoints[question.Id] = PointsOf(question, chosen);
            }
        }

        var values = instrument.Conditions.Values(profile, screenPoints);
        var open = ImmutableArray.CreateBuilder<MaturityModule>();
        var closed = ImmutableArray.CreateBuilder<MaturityModule>();
        var applicable = ImmutableArray.CreateBuilder<MaturityQuestion>();
        foreach (var module in instrument.Modules)
        {
            if (!instrument.Conditions.ModuleOpens(module.Id, values))
            {
                closed.Add(module);
                continue;
            }

            open.Add(module);
            applicable.AddRange(module.Questions.Where(q => instrument.Conditions.QuestionOpens(q.Id, values)));
        }

        return (open.ToImmutable(), closed.ToImmutable(), applicable.ToImmutable());
    }
}
