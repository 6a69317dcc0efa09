using HiTech.Core.Frameworks;

namespace HiTech.Core.Scoring;

/// <summary>
/// For the tier above the current one, finds for each single input the smallest change that reaches it
/// (all else unchanged), or says that input alone cannot. Numbers are searched on a coarse grid and then by
/// bisection, so curves that are not monotone are still handled; every candidate must pass the framework's checks.
/// </summary>
public static class WhatItWouldTake
{
    private const int GridPoints = 48;
    private const int BisectionSteps = 48;

    public static IReadOnlyList<NextTierOption> Find(ScoringWorkspace original, ScoreSummary current)
    {
        var framework = original.Framework;
        var target = current.Tier - 1;
        var scratch = new ScoringWorkspace(framework);
        var options = new List<NextTierOption>();
        foreach (var input in framework.Inputs)
        {
            if (input.Lever == InputLever.None)
            {
                continue;
            }

            scratch.CopyInputsFrom(original);
            var option = input.Type switch
            {
                InputType.Boolean => ForBoolean(original, scratch, input, target),
                InputType.Enum => ForChoices(original, scratch, input, target),
                InputType.Codes => ForCodes(original, scratch, input, target),
                _ => ForNumber(original, scratch, input, target),
            };
            options.Add(option);
        }

        // Reachable options first, then in framework order, so the first lines are the useful ones.
        return [.. options.OrderBy(o => o.Reachable ? 0 : 1)];
    }

    private static bool Reaches(ScoringWorkspace scratch, int target) =>
        EnterpriseLoader.FirstFailedCheck(scratch) is null && Scorer.Score(scratch).Tier <= target;

    private static NextTierOption ForNumber(ScoringWorkspace original, ScoringWorkspace scratch, CompiledInput input, int target)
    {
        var missing = original.IsMissing(input);
        var up = input.Lever == InputLever.Increase;
        var start = missing ? (double.IsFinite(input.Min) ? input.Min : 0) : original.Values[input.Slot];
        var limit = up ? UpperLimit(input, start) : (double.IsFinite(input.Min) ? input.Min : 0);
        var current = missing ? null : ValueText.OfWorkspace(original, input);
        var title = input.Definition.Title;
        bool At(double value)
        {
            scratch.SetValue(input, value, original.Evidence[input.Slot]);
            return Reaches(scratch, target);
        }

        var unit = Unit(input);
        if (up ? limit <= start : limit >= start)
        {
            return NotReachable(input, current);
        }

        // Giving a missing value at all may be enough.
        var found = double.NaN;
        if (missing && At(start))
        {
            found = start;
        }
        else
        {
            // Coarse grid towards the limit (geometric for money and counts, which span orders of magnitude),
            // then bisection between the last grid point that fails and the first that reaches.
            var geometric = up && input.Type is InputType.Money or InputType.Count;
            var from = geometric ? Math.Max(start, unit) : start;
            var previous = start;
            for (var k = 1; k <= GridPoints && double.IsNaN(found); k++)
            {
                var t = (double)k / GridPoints;
                var candidate = geometric ? from * Math.Pow(limit / from, t) : start + ((limit - start) * t);
                if (At(candidate))
                {
                    found = candidate;
                }
                else
                {
                    previous = candidate;
                }
            }

            if (double.IsNaN(found))
            {
                return NotReachable(input, current);
            }

            var (lo, hi) = (previous, found);
            for (var i = 0; i < BisectionSteps && Math.Abs(hi - lo) > unit / 2; i++)
            {
                var mid = (lo + hi) / 2;
                if (At(mid))
                {
                    hi = mid;
                }
                else
                {
                    lo = mid;
                }
            }

            found = hi;
        }

        // Round to a sensible unit away from the current value, then make sure the rounded value still reaches.
        var needed = up ? Math.Ceiling(found / unit) * unit : Math.Floor(found / unit) * unit;
        needed = Math.Clamp(needed, input.Min, input.Max);
        for (var i = 0; i < 3 && !At(needed); i++)
        {
            needed = Math.Clamp(needed + (up ? unit : -unit), input.Min, input.Max);
        }

        if (!At(needed))
        {
            needed = found;
        }

        // Rounding the bisection's end away from today's value overshoots by a unit when the threshold falls on
        // a whole unit (one patent, not two): step back while the value one unit nearer still reaches.
        for (var i = 0; i < 2; i++)
        {
            var nearer = up ? needed - unit : needed + unit;
            if ((up ? nearer <= start : nearer >= start) || nearer < input.Min || nearer > input.Max || !At(nearer))
            {
                break;
            }

            needed = nearer;
        }

        var neededText = ValueText.Of(input, needed, 0);
        var note = missing
            ? $"not given now; reporting {neededText} would reach the next tier"
            : $"{(up ? "raise" : "lower")} from {current} to {neededText}";
        return new NextTierOption(input.Id, title, true, current, neededText, note);
    }

    private static NextTierOption NotReachable(CompiledInput input, string? current) =>
        new(input.Id, input.Definition.Title, false, current, null, "not reachable by this input alone");

    private static double UpperLimit(CompiledInput input, double start)
    {
        if (double.IsFinite(input.Max))
        {
            return input.Max;
        }

        // Unbounded inputs are searched up to a generous multiple of today's value.
        var floor = input.Type switch
        {
            InputType.Money => 1e10,
            InputType.Count => 10_000,
            _ => 1_000,
        };
        return Math.Max(start * 20, floor);
    }

    private static double Unit(CompiledInput input) => input.Type switch
    {
        InputType.Money => 1_000,
        InputType.Count => 1,
        InputType.Ratio => 0.001,
        _ => 0.1,
    };

    private static NextTierOption ForBoolean(ScoringWorkspace original, ScoringWorkspace scratch, CompiledInput input, int target)
    {
        var current = original.IsMissing(input) ? null : ValueText.OfWorkspace(original, input);
        var wanted = input.Lever == InputLever.Increase ? 1.0 : 0.0;
        if (!original.IsMissing(input) && original.Values[input.Slot] == wanted)
        {
            return new NextTierOption(input.Id, input.Definition.Title, false, current, null, "already in place; not enough alone");
        }

        scratch.SetValue(input, wanted, original.Evidence[input.Slot]);
        var reaches = Reaches(scratch, target);
        var neededText = wanted == 1 ? "yes" : "no";
        return new NextTierOption(input.Id, input.Definition.Title, reaches, current, reaches ? neededText : null,
            reaches ? $"change to '{neededText}'" : "not reachable by this input alone");
    }

    private static NextTierOption ForChoices(ScoringWorkspace original, ScoringWorkspace scratch, CompiledInput input, int target)
    {
        var current = original.IsMissing(input) ? null : ValueText.OfWorkspace(original, input);
        var reaching = new List<string>();
        for (var v = 0; v < input.Domain!.Values.Length; v++)
        {
            if (!original.IsMissing(input) && original.Values[input.Slot] == v)
            {
                continue;
            }

            scratch.SetValue(input, v, original.Evidence[input.Slot]);
            if (Reaches(scratch, target))
            {
                reaching.Add(input.Domain.Values[v]);
            }
        }

        return reaching.Count == 0
            ? new NextTierOption(input.Id, input.Definition.Title, false, current, null, "not reachable by this input alone")
            : new NextTierOption(input.Id, input.Definition.Title, true, current, reaching[0], $"change to any of: {string.Join(", ", reaching)}");
    }

    private static NextTierOption ForCodes(ScoringWorkspace original, ScoringWorkspace scratch, CompiledInput input, int target)
    {
        var missing = original.IsMissing(input);
        var have = missing ? 0UL : original.Sets[input.SetIndex];
        var current = missing ? null : ValueText.OfWorkspace(original, input);
        var reaching = new List<string>();
        for (var v = 0; v < input.Domain!.Values.Length; v++)
        {
            var bit = 1UL << v;
            if ((have & bit) != 0)
            {
                continue;
            }

            scratch.SetCodes(input, have | bit, original.Evidence[input.Slot]);
            if (Reaches(scratch, target))
            {
                reaching.Add(input.Domain.Values[v]);
            }
        }

        return reaching.Count == 0
            ? new NextTierOption(input.Id, input.Definition.Title, false, current, null, "not reachable by adding one item alone")
            : new NextTierOption(input.Id, input.Definition.Title, true, current, reaching[0], $"add any one of: {string.Join(", ", reaching)}");
    }
}
