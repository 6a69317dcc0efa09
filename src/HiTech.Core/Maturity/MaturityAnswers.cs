using System.Collections.Immutable;

namespace HiTech.Core.Maturity;

/// <summary>
/// A firm's answers so far: question id → the option id(s) chosen (one for a single-choice question or an adoption
/// item, any number for a tick-all question). Immutable; <see cref="With"/> and <see cref="Without"/> return a new set,
/// so a page can save after every screen and resume later. Nothing here is checked against an instrument:
/// <see cref="MaturityScorer.Score"/> does that and names every unknown question or impossible answer.
/// </summary>
public sealed class MaturityAnswers
{
    private readonly ImmutableSortedDictionary<string, ImmutableArray<string>> _answers;

    private MaturityAnswers(ImmutableSortedDictionary<string, ImmutableArray<string>> answers) => _answers = answers;

    public static MaturityAnswers Empty { get; } = new(ImmutableSortedDictionary.Create<string, ImmutableArray<string>>(StringComparer.Ordinal));

    /// <summary>Every answer, by question id in ordinal order.</summary>
    public IReadOnlyDictionary<string, ImmutableArray<string>> All => _answers;

    public int Count => _answers.Count;

    public IEnumerable<string> QuestionIds => _answers.Keys;

    /// <summary>Answers the question (replacing any earlier answer). No options at all is the same as <see cref="Without"/>.</summary>
    public MaturityAnswers With(string questionId, params IEnumerable<string> optionIds)
    {
        ArgumentNullException.ThrowIfNull(questionId);
        ArgumentNullException.ThrowIfNull(optionIds);
        var options = optionIds.ToImmutableArray();
        return options.IsEmpty ? Without(questionId) : new MaturityAnswers(_answers.SetItem(questionId, options));
    }

    /// <summary>Clears the answer to a question.</summary>
    public MaturityAnswers Without(string questionId) => new(_answers.Remove(questionId));

    public bool TryGet(string questionId, out ImmutableArray<string> optionIds) => _answers.TryGetValue(questionId, out optionIds);

    public static MaturityAnswers From(IEnumerable<KeyValuePair<string, ImmutableArray<string>>> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var result = Empty;
        foreach (var (question, options) in answers)
        {
            result = result.With(question, options);
        }

        return result;
    }
}

/// <summary>
/// An answer the instrument cannot take: <see cref="QuestionId"/> is the question (or <c>profile.FIELD</c>),
/// <see cref="Answer"/> what was given, <see cref="Rule"/> a stable id (unknown-question, unknown-option,
/// several-options, none-with-others, duplicate-option, bad-profile) and <see cref="Message"/> a sentence naming both.
/// </summary>
public sealed record MaturityAnswerError(string QuestionId, string Answer, string Rule, string Message)
{
    public override string ToString() => $"{QuestionId}: {Rule}: {Message}";
}
