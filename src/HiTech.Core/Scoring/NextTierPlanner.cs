using System.Numerics;
using System.Text.Json.Nodes;
using HiTech.Core.Frameworks;
using HiTech.Core.Maturity;

namespace HiTech.Core.Scoring;

/// <summary>
/// Finds up to three alternative plans of at most three changes that reach the next tier, gates included. Every lever
/// set of one, two and three levers is searched cheapest-first over its values (so non-monotone curves are handled),
/// each candidate checked and scored by the real engine (only what its changes feed, <see cref="IncrementalScorer"/>);
/// numbers are then narrowed to the least that still reaches, every change must be needed, and the plan is scored once
/// more as written. Sets that cannot meet a blocking gate are skipped and the work is capped, so a result page stays fast.
/// </summary>
public static class NextTierPlanner
{
    private const int MaxPlans = 3;
    private const int MaxChanges = 3;

    /// <summary>Scorings allowed per enterprise, which bounds the worst case (measured in bench/RESULTS.md).</summary>
    private const int Budget = 8_000;

    /// <summary>How many candidates bound the cheapest-first search: enough to choose three different ones.</summary>
    private const int Keep = 12;

    public static NextTierPlans Find(ScoringWorkspace original, ScoreSummary current, SchemeCatalog? schemes = null) =>
        Find(original, current, schemes, out _);

    /// <summary>The same, with the number of scorings the search made (the bench reports it).</summary>
    internal static NextTierPlans Find(ScoringWorkspace original, ScoreSummary current, SchemeCatalog? schemes, out int scorings)
    {
        var search = new Search(original, current);
        search.Run();
        var chosen = new List<Candidate>();
        foreach (var candidate in search.Candidates.OrderBy(c => c.Effort).ThenBy(c => c.Levers.Length).ThenBy(c => string.Join(",", c.Actions), StringComparer.Ordinal))
        {
            if (chosen.Count < MaxPlans && !chosen.Any(candidate.Extends))
            {
                chosen.Add(candidate);
            }
        }

        var framework = original.Framework;
        bool Reached(NextTierPlan plan) => plan.GatesNotMet.Count == 0 && framework.TierIndex(plan.Reaches) < current.Tier;
        var plans = chosen.Select(c => search.Describe(c, schemes)).Where(Reached).ToList();
        var closest = plans.Count == 0 && search.Closest is { } near ? search.Describe(near, schemes) : null;
        if (closest is not null && Reached(closest))
        {
            // The search ran out of budget before narrowing it, but the closest attempt does reach: it is a plan.
            (plans, closest) = ([closest], null);
        }

        scorings = search.Spent;
        return new NextTierPlans(framework.Tiers[current.Tier - 1].Id, search.BlockingGateIds, plans, closest);
    }

    /// <summary>
    /// A lever set with one value each, and its total effort. <see cref="Actions"/> names what a person would do: the
    /// lever, and for a choice or code list the value chosen (adding NABL is another action than adding ISO 9001).
    /// </summary>
    private sealed record Candidate(int[] Levers, PlanMove[] Moves, double Effort, string[] Actions)
    {
        /// <summary>Another plan is only this one with more added: not a meaningfully different alternative.</summary>
        public bool Extends(Candidate other) => other.Actions.All(Actions.Contains);
    }

    private sealed class Search
    {
        private readonly ScoringWorkspace _original;
        private readonly IncrementalScorer _scorer;
        private readonly CompiledFramework _framework;
        private readonly int _target;
        private readonly List<PlanLadder> _ladders;
        private readonly List<int> _blocking;
        private readonly List<HashSet<int>> _fixers;

        /// <summary>The target tier's gates as bits, so counting the unmet ones is a popcount.</summary>
        private readonly ulong _targetGates;

        /// <summary>Reused move buffers by set size (1 to 3): the search tries thousands of combinations per enterprise.</summary>
        private readonly PlanMove[][] _buffers = [[], new PlanMove[1], new PlanMove[2], new PlanMove[3]];

        /// <summary>The cheapest-first search's queue and visited positions, emptied for each set rather than made anew.</summary>
        private readonly PriorityQueue<int[], double> _queue = new();
        private readonly VisitedPositions _seen = new();

        /// <summary>By set size: what one step on each lever adds to a position's number (mixed radix by ladder sizes).</summary>
        private readonly long[][] _places = [[], new long[1], new long[2], new long[3]];

        /// <summary>Position arrays done with, by set size, for the next positions to reuse.</summary>
        private readonly Stack<int[]>[] _spare = [[], [], [], []];
        private int _spent;
        private (int Unmet, double Index, double Effort) _closestScore = (int.MaxValue, double.MinValue, 0);

        public Search(ScoringWorkspace original, ScoreSummary current)
        {
            var target = current.Tier - 1;
            _original = original;
            _framework = original.Framework;
            _target = target;
            _scorer = new IncrementalScorer(original);
            _ladders = [.. _framework.Levers.Select(l => PlanLadder.Build(original, l)).OfType<PlanLadder>()];
            var failed = current.GatesFailed;
            _blocking = [.. _framework.Tiers[target].Gates.Where(g => (failed & (1UL << g)) != 0)];
            foreach (var gate in _framework.Tiers[target].Gates)
            {
                _targetGates |= 1UL << gate;
            }

            _fixers = [.. _blocking.Select(g => Enumerable.Range(0, _ladders.Count).Where(l => CanMeet(l, g)).ToHashSet())];
        }

        public List<Candidate> Candidates { get; } = [];

        /// <summary>The <see cref="Keep"/> least efforts among the candidates, in order: the last bounds the search.</summary>
        private readonly List<double> _cheapest = new(Keep + 1);

        public Candidate? Closest { get; private set; }

        /// <summary>Scorings made so far: the search's tries (what the budget counts), then each plan's scoring as shown.</summary>
        public int Spent => _spent;

        public IReadOnlyList<string> BlockingGateIds => [.. _blocking.Select(g => _framework.Gates[g].Id)];

        public void Run()
        {
            for (var size = 1; size <= MaxChanges; size++)
            {
                foreach (var set in Subsets(_ladders.Count, size))
                {
                    if (_spent >= Budget)
                    {
                        return;
                    }

                    // Each blocking gate that some single lever can meet must be met by a lever of the set.
                    if (!FixersCovered(set))
                    {
                        continue;
                    }

                    if (!UpperBoundReaches(set))
                    {
                        continue;
                    }

                    foreach (var found in Cheapest(set))
                    {
                        if (Narrow(found) is { } narrowed && EveryChangeNeeded(narrowed))
                        {
                            Candidates.Add(narrowed);
                            KeepCheapest(narrowed.Effort);
                        }
                    }
                }
            }
        }

        private void KeepCheapest(double effort)
        {
            var at = _cheapest.BinarySearch(effort);
            _cheapest.Insert(at < 0 ? ~at : at, effort);
            if (_cheapest.Count > Keep)
            {
                _cheapest.RemoveAt(Keep);
            }
        }

        private bool FixersCovered(int[] set)
        {
            foreach (var fixers in _fixers)
            {
                if (fixers.Count == 0)
                {
                    continue;
                }

                var covered = false;
                foreach (var lever in set)
                {
                    covered |= fixers.Contains(lever);
                }

                if (!covered)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Scores the original enterprise with the moves applied, then puts the original values back.</summary>
        private (bool Valid, ScoreSummary Summary) Evaluate(int[] levers, PlanMove[] moves)
        {
            _spent++;
            for (var i = 0; i < levers.Length; i++)
            {
                var input = _ladders[levers[i]].Input;
                if (input.Type == InputType.Codes)
                {
                    _scorer.SetCodes(input, moves[i].Members);
                }
                else
                {
                    _scorer.SetValue(input, moves[i].Value);
                }
            }

            var (valid, summary) = _scorer.Score();
            _scorer.Reset();
            if (valid)
            {
                Consider(levers, moves, summary);
            }

            return (valid, summary);
        }

        private bool Reaches(int[] levers, PlanMove[] moves)
        {
            var (valid, summary) = Evaluate(levers, moves);
            return valid && summary.Tier <= _target;
        }

        private int Unmet(ScoreSummary summary) => BitOperations.PopCount(summary.GatesFailed & _targetGates);

        /// <summary>Keeps the attempt that comes closest: fewest unmet conditions, then highest index, then least effort.</summary>
        private void Consider(int[] levers, PlanMove[] moves, ScoreSummary summary)
        {
            // The upper bound of a code list (every code at once, effort 0) is not a plan anyone could be shown.
            var effort = 0.0;
            foreach (var move in moves)
            {
                if (move.Effort <= 0)
                {
                    return;
                }

                effort += move.Effort;
            }
            var score = (Unmet(summary), summary.Index, effort);
            if (score.Item1 < _closestScore.Unmet ||
                (score.Item1 == _closestScore.Unmet && (summary.Index > _closestScore.Index || (summary.Index == _closestScore.Index && effort < _closestScore.Effort))))
            {
                _closestScore = score;
                Closest = new Candidate([.. levers], [.. moves], effort, Actions(levers, moves));
            }
        }

        private bool CanMeet(int ladder, int gate)
        {
            foreach (var move in Extremes(_ladders[ladder]))
            {
                var (valid, summary) = Evaluate([ladder], [move]);
                if (valid && (summary.GatesFailed & (1UL << gate)) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The moves worth trying alone for a gate: a number's largest step, every value of the others.</summary>
        private static List<PlanMove> Extremes(PlanLadder ladder) => ladder.IsNumber ? [ladder.Moves[^1]] : ladder.Moves;

        /// <summary>
        /// Whether the set could reach at all, with numbers at their largest step and code lists with every listed code
        /// (scores only grow with more codes). A set with a choice lever is always searched.
        /// </summary>
        private bool UpperBoundReaches(int[] set)
        {
            var moves = _buffers[set.Length];
            for (var i = 0; i < set.Length; i++)
            {
                var ladder = _ladders[set[i]];
                switch (ladder.Input.Type)
                {
                    case InputType.Enum:
                        return true;
                    case InputType.Codes:
                        var all = 0UL;
                        foreach (var move in ladder.Moves)
                        {
                            all |= move.Members;
                        }

                        moves[i] = new PlanMove(1, all, 0, 0);
                        break;
                    default:
                        moves[i] = ladder.Moves[^1];
                        break;
                }
            }

            return Reaches(set, moves);
        }

        /// <summary>
        /// The cheapest combination of the set's values that reaches, searched in order of total effort; for a set with a
        /// choice or code list, also the next cheapest with other values chosen (up to three), as real alternatives.
        /// </summary>
        private List<Candidate> Cheapest(int[] set)
        {
            var found = new List<Candidate>();
            var discrete = set.Any(l => !_ladders[l].IsNumber && _ladders[l].Moves.Count > 1);
            var bound = _cheapest.Count == Keep ? _cheapest[Keep - 1] : double.MaxValue;
            var (queue, seen, spare, places) = (_queue, _seen, _spare[set.Length], _places[set.Length]);
            var positions = 1L;
            for (var i = set.Length - 1; i >= 0; i--)
            {
                places[i] = positions;
                positions *= _ladders[set[i]].Moves.Count;
            }

            queue.Clear();
            seen.Reset(positions);
            var start = spare.Count > 0 ? spare.Pop() : new int[set.Length];
            Array.Clear(start);
            queue.Enqueue(start, Effort(set, start));
            seen.Add(0);
            var perSet = 0;
            while (queue.TryDequeue(out var indices, out var effort) && effort < bound && _spent < Budget && perSet++ < Budget / 20)
            {
                var moves = Moves(set, indices);
                if (Reaches(set, moves))
                {
                    moves = [.. moves];
                    var candidate = new Candidate(set, moves, effort, Actions(set, moves));
                    if (!found.Any(f => f.Actions.SequenceEqual(candidate.Actions)))
                    {
                        found.Add(candidate);
                    }

                    if (!discrete || found.Count == MaxPlans)
                    {
                        break;
                    }
                }

                // One step further on each lever: a step adds that lever's place to the position's number.
                var position = 0L;
                for (var i = 0; i < set.Length; i++)
                {
                    position += indices[i] * places[i];
                }

                for (var i = 0; i < set.Length; i++)
                {
                    if (indices[i] + 1 < _ladders[set[i]].Moves.Count && seen.Add(position + places[i]))
                    {
                        var next = spare.Count > 0 ? spare.Pop() : new int[set.Length];
                        indices.CopyTo(next, 0);
                        next[i]++;
                        queue.Enqueue(next, Effort(set, next));
                    }
                }

                // Tried and expanded: nothing holds these positions any more, so the next step can reuse the array.
                spare.Push(indices);
            }

            foreach (var (left, _) in queue.UnorderedItems)
            {
                spare.Push(left);
            }

            return found;
        }

        private string[] Actions(int[] levers, PlanMove[] moves) => [.. levers.Select((l, i) =>
        {
            var input = _ladders[l].Input;
            return input.Type switch
            {
                InputType.Codes => $"{input.Id}+{moves[i].Members}",
                InputType.Enum => $"{input.Id}={moves[i].Value}",
                _ => input.Id,
            };
        })];

        /// <summary>
        /// Lowers each number to the least value on its rounding grid, between the step below and the step found, that
        /// still reaches with the other changes as they are (bisection; the end result is checked again by the caller).
        /// </summary>
        private Candidate? Narrow(Candidate found)
        {
            var moves = (PlanMove[])found.Moves.Clone();
            for (var i = 0; i < moves.Length; i++)
            {
                var ladder = _ladders[found.Levers[i]];
                if (!ladder.IsNumber)
                {
                    continue;
                }

                // Positions on the rounding grid, signed so that nearer today's value is always lower; hi reaches.
                var index = ladder.Moves.IndexOf(moves[i]);
                var lower = index > 0 ? ladder.Moves[index - 1].Exact : (decimal)ladder.From;
                var lo = (long)Math.Floor(ladder.Direction * lower / ladder.Unit);
                var hi = (long)Math.Round(ladder.Direction * moves[i].Exact / ladder.Unit);
                while (hi - lo > 1)
                {
                    var mid = lo + ((hi - lo) / 2);
                    moves[i] = ladder.NumberMove(ladder.Direction * mid * ladder.Unit);
                    if (Reaches(found.Levers, moves))
                    {
                        hi = mid;
                    }
                    else
                    {
                        lo = mid;
                    }
                }

                moves[i] = ladder.NumberMove(ladder.Direction * hi * ladder.Unit);
            }

            return Reaches(found.Levers, moves) ? found with { Moves = moves, Effort = moves.Sum(m => m.Effort) } : null;
        }

        /// <summary>A plan where one change could be left out is not a plan of its own: a smaller set covers it.</summary>
        private bool EveryChangeNeeded(Candidate candidate)
        {
            for (var skip = 0; skip < candidate.Levers.Length && candidate.Levers.Length > 1; skip++)
            {
                var levers = candidate.Levers.Where((_, i) => i != skip).ToArray();
                var moves = candidate.Moves.Where((_, i) => i != skip).ToArray();
                if (Reaches(levers, moves))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The set's moves at these positions, in the reused buffer of its size (copy it to keep it).</summary>
        private PlanMove[] Moves(int[] set, int[] indices)
        {
            var moves = _buffers[set.Length];
            for (var i = 0; i < set.Length; i++)
            {
                moves[i] = _ladders[set[i]].Moves[indices[i]];
            }

            return moves;
        }

        private double Effort(int[] set, int[] indices)
        {
            var sum = 0.0;
            for (var i = 0; i < set.Length; i++)
            {
                sum += _ladders[set[i]].Moves[indices[i]].Effort;
            }

            return sum;
        }

        private static IEnumerable<int[]> Subsets(int n, int size)
        {
            var set = Enumerable.Range(0, size).ToArray();
            while (size <= n)
            {
                yield return [.. set];
                var i = size - 1;
                while (i >= 0 && set[i] == n - size + i)
                {
                    i--;
                }

                if (i < 0)
                {
                    yield break;
                }

                set[i]++;
                for (var j = i + 1; j < size; j++)
                {
                    set[j] = set[j - 1] + 1;
                }
            }
        }

        /// <summary>The plan as the explanation shows it, scored once more exactly as written.</summary>
        public NextTierPlan Describe(Candidate candidate, SchemeCatalog? schemes)
        {
            var (_, summary) = Evaluate(candidate.Levers, candidate.Moves);
            var unmet = _framework.Tiers[_target].Gates.Where(g => (summary.GatesFailed & (1UL << g)) != 0).Select(g => _framework.Gates[g].Id).ToList();
            var changes = new List<PlanChange>();
            for (var i = 0; i < candidate.Levers.Length; i++)
            {
                var ladder = _ladders[candidate.Levers[i]];
                var meets = _blocking.Where(g => MeetsAlone(candidate.Levers[i], candidate.Moves[i], g)).Select(g => _framework.Gates[g].Id).ToList();
                var helping = ladder.Lever.Definition.Schemes
                    .Select(id => schemes is not null && schemes.TryGet(id, out var s) ? new PlanScheme(id, s.Name) : null)
                    .OfType<PlanScheme>().ToList();
                changes.Add(new PlanChange(
                    ladder.Input.Id,
                    ladder.Input.Definition.Title,
                    InputTypes.ToId(ladder.Input.Type),
                    Value(ladder.Input, _original, null),
                    Value(ladder.Input, _original, candidate.Moves[i]),
                    meets,
                    Math.Round(candidate.Moves[i].Effort, 2),
                    helping));
            }

            // The change that meets a blocking condition comes first: without it nothing else counts.
            var ordered = changes.OrderBy(c => c.MeetsGates.Count == 0 ? 1 : 0).ToList();
            return new NextTierPlan(_framework.Tiers[summary.Tier].Id, Math.Round(summary.Index, 1), Math.Round(candidate.Effort, 2), unmet, ordered);
        }

        private bool MeetsAlone(int ladder, PlanMove move, int gate)
        {
            var (valid, summary) = Evaluate([ladder], [move]);
            return valid && (summary.GatesFailed & (1UL << gate)) == 0;
        }

        /// <summary>A value as the enterprise file writes it; today's when <paramref name="move"/> is null.</summary>
        private static JsonNode? Value(CompiledInput input, ScoringWorkspace workspace, PlanMove? move)
        {
            if (move is null && workspace.IsMissing(input))
            {
                return null;
            }

            var value = move?.Value ?? workspace.Values[input.Slot];
            return input.Type switch
            {
                InputType.Boolean => JsonValue.Create(value != 0),
                InputType.Enum => JsonValue.Create(input.Domain!.Values[(int)value]),
                InputType.Codes => new JsonArray([.. ValueText.Members(input, move?.Members ?? workspace.Sets[input.SetIndex]).Select(c => (JsonNode)JsonValue.Create(c))]),
                _ => JsonValue.Create(move is { } m ? m.Exact : (decimal)value),
            };
        }
    }
}
