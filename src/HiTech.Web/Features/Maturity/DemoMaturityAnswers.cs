using System.Collections.Immutable;
using HiTech.Core.Maturity;

namespace HiTech.Web.Features.Maturity;

/// <summary>
/// Answers for demo enterprises that score close to a given overall (their digital_maturity figure): each dimension a
/// little above or below it, then single answers stepped up or down until the overall matches, or comes as close as
/// the questions allow. Deterministic: the same enterprise and target give the same answers every time.
/// </summary>
public static class DemoMaturityAnswers
{
    public static MaturityAnswers Generate(MaturityInstrument instrument, MaturityProfile profile, int target, int seed, bool screenOnly)
    {
        target = Math.Clamp(target, 0, 100);
        var dimensions = instrument.Dimensions.Select(d => d.Id).ToList();
        var offsets = dimensions.Select((_, k) => (int)(Hash(seed, k) % 25) - 12).ToArray();
        var mean = (int)Math.Round(offsets.Average());
        var level = dimensions.Select((id, k) => (id, Value: Math.Clamp(target + offsets[k] - mean, 0, 100) / 100.0)).ToDictionary(d => d.id, d => d.Value, StringComparer.Ordinal);

        var answers = MaturityAnswers.Empty;
        foreach (var question in instrument.Screen.Questions)
        {
            answers = answers.With(question.Id, Pick(question, level[question.DimensionId], Hash(seed, question.Id)));
        }

        var adjustable = new List<MaturityQuestion>(instrument.Screen.Questions);
        if (!screenOnly)
        {
            // Modules open on the screen answers; the deeper answers are then what is stepped, so the same modules stay open.
            adjustable = [.. MaturityScorer.ApplicableQuestions(instrument, profile, answers).Where(q => q.ModuleId != instrument.Screen.Id)];
            foreach (var question in adjustable)
            {
                answers = answers.With(question.Id, Pick(question, level[question.DimensionId], Hash(seed, question.Id)));
            }
        }

        var overall = MaturityScorer.Score(instrument, profile, answers).Overall ?? 0;
        for (var round = 0; round < 400 && overall != target && adjustable.Count > 0; round++)
        {
            var up = overall < target;
            MaturityAnswers? stepped = null;
            for (var k = 0; k < adjustable.Count && stepped is null; k++)
            {
                var question = adjustable[(int)((Hash(seed, round) + (ulong)k) % (ulong)adjustable.Count)];
                answers.TryGet(question.Id, out var chosen);
                if (Step(question, chosen, up) is { } next)
                {
                    stepped = answers.With(question.Id, next);
                }
            }

            if (stepped is null)
            {
                break;
            }

            var now = MaturityScorer.Score(instrument, profile, stepped).Overall ?? 0;
            if ((now > target) != (overall > target) && now != target)
            {
                // Stepped over the target: keep whichever is closer, and stop.
                if (Math.Abs(now - target) < Math.Abs(overall - target))
                {
                    answers = stepped;
                }

                break;
            }

            answers = stepped;
            overall = now;
        }

        return answers;
    }

    /// <summary>An answer at about <paramref name="level"/> (0-1) of the question's points.</summary>
    private static ImmutableArray<string> Pick(MaturityQuestion question, double level, ulong hash)
    {
        var jitter = (int)(hash % 3) - 1;
        if (question.Type != QuestionType.Multi)
        {
            var wanted = Math.Clamp((int)Math.Round(level * question.MaxPoints) + jitter, 0, question.MaxPoints);
            return [question.Options.OrderBy(o => Math.Abs(o.Points - wanted)).ThenBy(o => o.Points).First().Id];
        }

        var ticks = question.Options.Where(o => !o.IsNone).ToList();
        var count = Math.Clamp((int)Math.Round(level * ticks.Count) + jitter, 0, ticks.Count);
        if (count == 0)
        {
            return [question.Options.First(o => o.IsNone).Id];
        }

        var start = (int)(hash % (ulong)ticks.Count);
        return [.. Enumerable.Range(0, count).Select(i => ticks[(start + i) % ticks.Count].Id)];
    }

    /// <summary>The answer one step higher (or lower) than <paramref name="chosen"/>, or null at the end of the scale.</summary>
    private static ImmutableArray<string>? Step(MaturityQuestion question, ImmutableArray<string> chosen, bool up)
    {
        if (question.Type != QuestionType.Multi)
        {
            var points = chosen.IsDefaultOrEmpty ? -1 : question.Options.First(o => o.Id == chosen[0]).Points;
            var next = up
                ? question.Options.Where(o => o.Points > points).OrderBy(o => o.Points).FirstOrDefault()
                : question.Options.Where(o => o.Points < points).OrderByDescending(o => o.Points).FirstOrDefault();
            return next is null ? null : [next.Id];
        }

        var none = question.Options.First(o => o.IsNone).Id;
        var ticked = chosen.IsDefaultOrEmpty ? [] : chosen.Where(id => id != none).ToList();
        if (up)
        {
            var add = question.Options.FirstOrDefault(o => !o.IsNone && !ticked.Contains(o.Id));
            return add is null ? null : [.. ticked, add.Id];
        }

        return ticked.Count switch
        {
            0 => null,
            1 => [none],
            _ => [.. ticked.Take(ticked.Count - 1)],
        };
    }

    private static ulong Hash(int seed, int value) => Mix(((ulong)(uint)seed << 32) ^ (uint)value);

    private static ulong Hash(int seed, string text)
    {
        var h = 1469598103934665603UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return Mix(h ^ (ulong)(uint)seed);
    }

    /// <summary>SplitMix64's finaliser.</summary>
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
