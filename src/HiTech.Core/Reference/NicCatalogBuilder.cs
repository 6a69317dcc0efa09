using System.Collections.Immutable;

namespace HiTech.Core.Reference;

/// <summary>
/// Attaches the OECD group, Eurostat aggregate and priority sectors to every NIC row. Classes and
/// sub-classes take the longest matching prefix rule; groups, divisions and sections take what
/// all their classes share, or are marked mixed. Any rule or sector prefix that names no NIC code fails.
/// </summary>
internal static class NicCatalogBuilder
{
    public static NicEntry[] Build(
        List<NicRow> rows,
        string nicSource,
        PrefixIndex<OecdRule> oecd,
        string oecdSource,
        PrefixIndex<EurostatRule> eurostat,
        string eurostatSource,
        PrioritySectorCatalog sectors)
    {
        var codes = rows.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        CheckPrefixesExist(codes, oecd.Rules.Select(r => (r.Prefix, r.Line)), oecdSource, "isic_prefix");
        CheckPrefixesExist(codes, eurostat.Rules.Select(r => (r.Prefix, r.Line)), eurostatSource, "nace_prefix");
        foreach (var sector in sectors.All)
        {
            CheckPrefixesExist(codes, sector.NicPrefixes.Select(p => (p, sectors.LineOf(sector.Id))), sectors.Source, "nic_prefixes");
        }

        // Classes first: their rules decide everything above them.
        var oecdOf = new Dictionary<string, OecdRule>(StringComparer.Ordinal);
        var eurostatOf = new Dictionary<string, EurostatRule>(StringComparer.Ordinal);
        var classesUnder = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Level is NicLevel.Class or NicLevel.SubClass))
        {
            oecdOf[row.Code] = oecd.Find(row.Code) ?? throw new ReferenceDataException(
                nicSource, row.Line, "code", $"no prefix rule in {oecdSource} covers {row.Code}; every class needs an OECD group");
            eurostatOf[row.Code] = eurostat.Find(row.Code) ?? throw new ReferenceDataException(
                nicSource, row.Line, "code", $"no prefix rule in {eurostatSource} covers {row.Code}; every class needs a Eurostat aggregate");
            if (row.Level == NicLevel.Class)
            {
                foreach (var ancestor in new[] { row.Code[..3], row.Code[..2], row.Section })
                {
                    if (!classesUnder.TryGetValue(ancestor, out var list))
                    {
                        classesUnder[ancestor] = list = [];
                    }

                    list.Add(row.Code);
                }
            }
        }

        var descriptions = new Dictionary<OecdRule, string>();
        var entries = new List<NicEntry>(rows.Count);
        foreach (var row in rows)
        {
            OecdGroup? group;
            string basis;
            string eurostatGroup;
            if (row.Level is NicLevel.Class or NicLevel.SubClass)
            {
                var rule = oecdOf[row.Code];
                group = rule.Group;
                basis = descriptions.TryGetValue(rule, out var text) ? text : descriptions[rule] = Describe(rule, oecd);
                eurostatGroup = eurostatOf[row.Code].Group;
            }
            else
            {
                var classes = classesUnder.TryGetValue(row.Code, out var list) ? list : [];
                if (classes.Count == 0)
                {
                    throw new ReferenceDataException(nicSource, row.Line, "code", $"{row.Code} has no classes under it");
                }

                (group, basis) = Aggregate(classes.Select(c => oecdOf[c]).ToList(), oecd);
                var eurostatGroups = classes.Select(c => eurostatOf[c].Group).Distinct(StringComparer.Ordinal).ToList();
                eurostatGroup = eurostatGroups.Count == 1 ? eurostatGroups[0] : EurostatGroups.Mixed;
            }

            entries.Add(new NicEntry(
                NicCodeList.Classification,
                row.Level,
                row.Code,
                row.Title,
                row.Section,
                row.Level is NicLevel.Class or NicLevel.SubClass ? row.Code[..4] : null,
                group,
                basis,
                eurostatGroup,
                row.Level == NicLevel.Section ? ImmutableArray<string>.Empty : sectors.SectorsFor(row.Code)));
        }

        // Sections first (by letter), then the digit codes in ordinal order, which is the list's depth-first order.
        return [.. entries.OrderBy(e => e.Level == NicLevel.Section ? 0 : 1).ThenBy(e => e.Code, StringComparer.Ordinal)];
    }

    // An "exception" is a rule finer than a division that sets its codes apart: it overrides a broader
    // rule (252 within 25), or no other rule at its level in the division shares its group (303, 301 within 30).
    private static string Describe(OecdRule rule, PrefixIndex<OecdRule> oecd)
    {
        if (rule.Prefix.Length <= 2)
        {
            return rule.Describe(isException: false);
        }

        var overrides = oecd.Find(rule.Prefix.AsSpan(0, rule.Prefix.Length - 1)) is not null;
        var siblings = oecd.Rules
            .Where(r => r.Prefix.Length == rule.Prefix.Length && r.Prefix != rule.Prefix
                && r.Prefix.AsSpan(0, 2).SequenceEqual(rule.Prefix.AsSpan(0, 2)))
            .ToList();
        var standsAlone = siblings.Count > 0 && siblings.TrueForAll(r => r.Group != rule.Group);
        return rule.Describe(isException: overrides || standsAlone);
    }

    private static (OecdGroup? Group, string Basis) Aggregate(List<OecdRule> classRules, PrefixIndex<OecdRule> oecd)
    {
        var rules = classRules.Distinct().OrderBy(r => r.Prefix, StringComparer.Ordinal).ToList();
        var groups = rules.Select(r => r.Group).Distinct().OrderDescending().ToList();
        if (groups.Count > 1)
        {
            var parts = groups.Select(g => $"{OecdGroups.ToId(g)} ({string.Join(", ", rules.Where(r => r.Group == g).Select(r => r.Prefix))})");
            return (null, "mixed: " + string.Join(", ", parts));
        }

        if (rules.Count == 1)
        {
            return (groups[0], Describe(rules[0], oecd));
        }

        var provenance = string.Join("; ", rules.Select(r => r.Provenance).Distinct(StringComparer.Ordinal));
        return (groups[0], $"all classes {OecdGroups.ToId(groups[0])}: {provenance} ({string.Join(", ", rules.Select(r => r.Prefix))})");
    }

    private static void CheckPrefixesExist(HashSet<string> codes, IEnumerable<(string Prefix, int Line)> prefixes, string source, string field)
    {
        // The code list is a complete hierarchy, so a prefix matches some code exactly when it is itself a code.
        foreach (var (prefix, line) in prefixes)
        {
            if (!codes.Contains(prefix))
            {
                throw new ReferenceDataException(source, line, field, $"prefix {prefix} matches no NIC 2008 code");
            }
        }
    }
}
