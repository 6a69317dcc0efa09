using System.Globalization;

namespace HiTech.Core.Reference;

/// <summary>Reads and checks data/classifications/oecd-rd-intensity.csv into a longest-prefix index.</summary>
internal static class OecdRules
{
    public static PrefixIndex<OecdRule> Read(TextReader reader, string source)
    {
        var records = ReferenceCsv.Read(reader, source, "isic_prefix", "group", "rd_intensity_pct", "basis", "source_note");
        var rules = new Dictionary<string, OecdRule>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var prefix = record[0];
            if (!ReferenceCsv.IsDigits(prefix) || prefix.Length is < 2 or > 5)
            {
                throw new ReferenceDataException(source, record.Line, "isic_prefix", $"'{prefix}' is not a 2- to 5-digit ISIC prefix");
            }

            if (!OecdGroups.TryParse(record[1], out var group))
            {
                throw new ReferenceDataException(source, record.Line, "group", $"'{record[1]}' is not one of {string.Join(", ", OecdGroups.Ids)}");
            }

            var basis = record[3];
            if (basis is not (OecdRule.Published or OecdRule.Recalled or OecdRule.ProjectDefault))
            {
                throw new ReferenceDataException(source, record.Line, "basis", $"'{basis}' is not {OecdRule.Published}, {OecdRule.Recalled} or {OecdRule.ProjectDefault}");
            }

            decimal? intensity = null;
            if (record[2].Length > 0)
            {
                if (!decimal.TryParse(record[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pct) || pct > 100m)
                {
                    throw new ReferenceDataException(source, record.Line, "rd_intensity_pct", $"'{record[2]}' is not a percentage between 0 and 100");
                }

                intensity = pct;
            }
            else if (basis == OecdRule.Published)
            {
                throw new ReferenceDataException(source, record.Line, "rd_intensity_pct", "a published OECD 2016 row needs its R&D intensity");
            }

            var label = ReferenceCsv.Text(record, 4, "source_note", source);
            if (rules.TryGetValue(prefix, out var earlier))
            {
                throw new ReferenceDataException(source, record.Line, "isic_prefix", string.Create(CultureInfo.InvariantCulture, $"duplicate prefix {prefix}, first on line {earlier.Line}"));
            }

            rules.Add(prefix, new OecdRule(record.Line, prefix, group, intensity, basis, label));
        }

        return new PrefixIndex<OecdRule>(rules);
    }
}
