using System.Globalization;

namespace HiTech.Core.Reference;

/// <summary>Reads and checks data/classifications/eurostat-technology.csv into a longest-prefix index.</summary>
internal static class EurostatRules
{
    public static PrefixIndex<EurostatRule> Read(TextReader reader, string source)
    {
        var records = ReferenceCsv.Read(reader, source, "nace_prefix", "group", "uncertain");
        var rules = new Dictionary<string, EurostatRule>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var prefix = record[0];
            if (!ReferenceCsv.IsDigits(prefix) || prefix.Length is < 2 or > 5)
            {
                throw new ReferenceDataException(source, record.Line, "nace_prefix", $"'{prefix}' is not a 2- to 5-digit prefix (write NACE 25.4 as its NIC / ISIC Rev.4 digits 252)");
            }

            var group = record[1];
            if (!EurostatGroups.Ids.Contains(group, StringComparer.Ordinal))
            {
                throw new ReferenceDataException(source, record.Line, "group", $"'{group}' is not one of {string.Join(", ", EurostatGroups.Ids)}");
            }

            var uncertain = record[2] switch
            {
                "yes" => true,
                "no" => false,
                _ => throw new ReferenceDataException(source, record.Line, "uncertain", $"'{record[2]}' is not yes or no"),
            };

            if (rules.TryGetValue(prefix, out var earlier))
            {
                throw new ReferenceDataException(source, record.Line, "nace_prefix", string.Create(CultureInfo.InvariantCulture, $"duplicate prefix {prefix}, first on line {earlier.Line}"));
            }

            rules.Add(prefix, new EurostatRule(record.Line, prefix, group, uncertain));
        }

        return new PrefixIndex<EurostatRule>(rules);
    }
}
