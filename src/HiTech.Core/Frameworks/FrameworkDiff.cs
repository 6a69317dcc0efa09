using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace HiTech.Core.Frameworks;

/// <summary>
/// Compares two framework definitions element by element, matching elements by id rather than position, and
/// lists every change that can alter a result: metadata, inputs, derived quantities, tables, pillars and
/// indicators, gates, tiers, high-value-added rules, checks and evidence requirements. Pure: no I/O.
/// Wording-only changes (titles, help and explanations of elements) are left out, except the framework's own title.
/// </summary>
public static class FrameworkDiff
{
    public static IReadOnlyList<FrameworkChange> Compare(FrameworkDefinition before, FrameworkDefinition after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<FrameworkChange>();
        Value(changes, "id", before.Id, after.Id);
        Value(changes, "version", before.Version, after.Version);
        Value(changes, "effective", before.Effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), after.Effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Value(changes, "title", Text(before.Title), Text(after.Title));
        Value(changes, "description", Text(before.Description), Text(after.Description));

        Elements(changes, "domains", before.Domains, after.Domains, d => d.Id, Describe, (path, a, b) =>
        {
            Value(changes, path + ".values", List(a.Values), List(b.Values));
            Value(changes, path + ".ordered", Bool(a.Ordered), Bool(b.Ordered));
        });

        Elements(changes, "inputs", before.Inputs, after.Inputs, i => i.Id, Describe, (path, a, b) =>
        {
            Value(changes, path + ".type", InputTypes.ToId(a.Type), InputTypes.ToId(b.Type));
            Value(changes, path + ".required", Bool(a.Required), Bool(b.Required));
            Value(changes, path + ".min", Number(a.Min), Number(b.Min));
            Value(changes, path + ".max", Number(a.Max), Number(b.Max));
            Value(changes, path + ".domain", a.Domain, b.Domain);
            Value(changes, path + ".pillar", a.Pillar, b.Pillar);
            Value(changes, path + ".what_it_would_take", Lever(a.Lever), Lever(b.Lever));
        });

        Elements(changes, "derived", before.Derived, after.Derived, d => d.Id, d => Expression(d.Expression), (path, a, b) =>
            Value(changes, path + ".expression", Expression(a.Expression), Expression(b.Expression)));

        Elements(changes, "tables", before.Tables, after.Tables, t => t.Id, Describe, (path, a, b) =>
        {
            Value(changes, path + ".key", a.Key, b.Key);
            Value(changes, path + ".default", Number(a.Default), Number(b.Default));
            foreach (var key in a.Values.Keys.Union(b.Values.Keys).Order(StringComparer.Ordinal))
            {
                Optional(changes, $"{path}.values.{key}", a.Values.TryGetValue(key, out var x) ? Number(x) : null, b.Values.TryGetValue(key, out var y) ? Number(y) : null);
            }
        });

        Elements(changes, "pillars", before.Pillars, after.Pillars, p => p.Id, Describe, (path, a, b) =>
        {
            Value(changes, path + ".weight", Number(a.Weight), Number(b.Weight));
            Elements(changes, path + ".indicators", a.Indicators, b.Indicators, i => i.Id, Describe, (indicatorPath, x, y) =>
            {
                Value(changes, indicatorPath + ".weight", Number(x.Weight), Number(y.Weight));
                Value(changes, indicatorPath + ".expression", Expression(x.Expression), Expression(y.Expression));
                Value(changes, indicatorPath + ".normalise", Describe(x.Normalise), Describe(y.Normalise));
                Value(changes, indicatorPath + ".when_missing", Policy(x.WhenMissing), Policy(y.WhenMissing));
                Value(changes, indicatorPath + ".unit", x.Unit, y.Unit);
            });
        });

        Elements(changes, "gates", before.Gates, after.Gates, g => g.Id, g => Expression(g.Rule), (path, a, b) =>
            Value(changes, path + ".rule", Expression(a.Rule), Expression(b.Rule)));

        Elements(changes, "tiers", before.Tiers, after.Tiers, t => t.Id, Describe, (path, a, b) =>
        {
            Value(changes, path + ".min_index", Number(a.MinIndex), Number(b.MinIndex));
            Value(changes, path + ".gates", List(a.Gates), List(b.Gates));
        });
        var commonTiers = before.Tiers.Select(t => t.Id).Intersect(after.Tiers.Select(t => t.Id), StringComparer.Ordinal).ToList();
        var orderBefore = before.Tiers.Select(t => t.Id).Where(commonTiers.Contains).ToList();
        var orderAfter = after.Tiers.Select(t => t.Id).Where(commonTiers.Contains).ToList();
        Value(changes, "tiers.order", List(orderBefore), List(orderAfter));

        Elements(changes, "activities.hva_rules", before.HvaRules, after.HvaRules, r => r.Id, r => Expression(r.Rule), (path, a, b) =>
            Value(changes, path + ".rule", Expression(a.Rule), Expression(b.Rule)));

        Elements(changes, "checks", before.Checks, after.Checks, c => c.Id, c => Expression(c.Rule), (path, a, b) =>
        {
            Value(changes, path + ".rule", Expression(a.Rule), Expression(b.Rule));
            Value(changes, path + ".fields", List(a.Fields), List(b.Fields));
        });

        Evidence(changes, before.Evidence, after.Evidence);
        return changes;
    }

    /// <summary>Elements matched by id, in the order of <paramref name="after"/> then the removed ones; duplicates keep the first.</summary>
    private static void Elements<T>(
        List<FrameworkChange> changes,
        string section,
        ImmutableArray<T> before,
        ImmutableArray<T> after,
        Func<T, string> id,
        Func<T, string> describe,
        Action<string, T, T> compare)
    {
        var old = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in before)
        {
            old.TryAdd(id(item), item);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in after)
        {
            var key = id(item);
            if (!seen.Add(key))
            {
                continue;
            }

            var path = $"{section}.{key}";
            if (old.TryGetValue(key, out var previous))
            {
                compare(path, previous, item);
            }
            else
            {
                changes.Add(new FrameworkChange(ChangeKind.Added, path, null, describe(item)));
            }
        }

        foreach (var item in before)
        {
            var key = id(item);
            if (!seen.Contains(key) && seen.Add(key))
            {
                changes.Add(new FrameworkChange(ChangeKind.Removed, $"{section}.{key}", describe(item), null));
            }
        }
    }

    /// <summary>Evidence requirements are keyed by tier and level: <c>evidence.hitech.document-backed</c>.</summary>
    private static void Evidence(List<FrameworkChange> changes, ImmutableArray<EvidenceRequirement> before, ImmutableArray<EvidenceRequirement> after)
    {
        static Dictionary<string, List<string>> Group(ImmutableArray<EvidenceRequirement> list)
        {
            var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var requirement in list)
            {
                var key = $"{requirement.Tier}.{EvidenceLevels.ToId(requirement.Level)}";
                if (!groups.TryGetValue(key, out var inputs))
                {
                    groups[key] = inputs = [];
                }

                inputs.AddRange(requirement.Inputs.Where(i => !inputs.Contains(i)));
            }

            return groups;
        }

        var a = Group(before);
        var b = Group(after);
        foreach (var key in b.Keys.Concat(a.Keys.Where(k => !b.ContainsKey(k))))
        {
            var x = a.TryGetValue(key, out var first) ? first.Order(StringComparer.Ordinal).ToList() : null;
            var y = b.TryGetValue(key, out var second) ? second.Order(StringComparer.Ordinal).ToList() : null;
            Optional(changes, $"evidence.{key}.inputs", x is null ? null : List(x), y is null ? null : List(y));
        }
    }

    private static void Value(List<FrameworkChange> changes, string path, string? before, string? after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            changes.Add(new FrameworkChange(ChangeKind.Changed, path, before ?? "(none)", after ?? "(none)"));
        }
    }

    /// <summary>A value that may exist on one side only: added, removed or changed.</summary>
    private static void Optional(List<FrameworkChange> changes, string path, string? before, string? after)
    {
        if (before is null && after is not null)
        {
            changes.Add(new FrameworkChange(ChangeKind.Added, path, null, after));
        }
        else if (before is not null && after is null)
        {
            changes.Add(new FrameworkChange(ChangeKind.Removed, path, before, null));
        }
        else
        {
            Value(changes, path, before, after);
        }
    }

    private static string Describe(DomainDefinition d) => List(d.Values);

    private static string Describe(InputDefinition i)
    {
        var text = new StringBuilder(InputTypes.ToId(i.Type));
        if (i.Domain is not null)
        {
            text.Append(" of ").Append(i.Domain);
        }

        text.Append(i.Required ? ", required" : ", optional");
        if (i.Min is not null || i.Max is not null)
        {
            text.Append(", range ").Append(Number(i.Min) ?? "").Append("..").Append(Number(i.Max) ?? "");
        }

        if (i.Pillar is not null)
        {
            text.Append(", pillar ").Append(i.Pillar);
        }

        return text.ToString();
    }

    private static string Describe(TableDefinition t) => string.Create(CultureInfo.InvariantCulture, $"{t.Values.Count} values keyed by {t.Key}, default {Number(t.Default)}");

    private static string Describe(PillarDefinition p) => $"weight {Number(p.Weight)}, indicators {List(p.Indicators.Select(i => i.Id))}";

    private static string Describe(IndicatorDefinition i) => $"weight {Number(i.Weight)}, {Expression(i.Expression)}, {Describe(i.Normalise)}";

    private static string Describe(TierDefinition t) => $"min_index {Number(t.MinIndex)}, gates {List(t.Gates)}";

    /// <summary>A normalisation as one line: <c>piecewise [[0, 0], [0.5, 20]]</c>, <c>steps [[1, 50]] below 0</c>, <c>lookup {true: 100} default 0</c>.</summary>
    public static string Describe(Normalisation normalisation) => normalisation switch
    {
        PiecewiseNormalisation p => $"piecewise [{string.Join(", ", p.Points.Select(x => $"[{Number(x.X)}, {Number(x.Y)}]"))}]",
        StepsNormalisation s => $"steps [{string.Join(", ", s.Steps.Select(x => $"[{Number(x.At)}, {Number(x.Score)}]"))}] below {Number(s.Below)}",
        LookupNormalisation l => $"lookup {{{string.Join(", ", l.Entries.Select(x => $"{x.Key}: {Number(x.Score)}"))}}} default {Number(l.Default)}",
        _ => normalisation.GetType().Name,
    };

    /// <summary>Expressions compared with runs of white space folded to one space, so re-wrapping a line is not a change.</summary>
    private static string Expression(string expression) => string.Join(' ', expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Text(LocalText text) => text.Ml is null ? text.En : $"{text.En} / {text.Ml}";

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    private static string Bool(bool value) => value ? "true" : "false";

    private static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Policy(MissingPolicy policy) => policy == MissingPolicy.Reweight ? "reweight" : "zero";

    private static string Lever(InputLever lever) => lever switch
    {
        InputLever.Decrease => "decrease",
        InputLever.None => "none",
        _ => "increase",
    };
}
