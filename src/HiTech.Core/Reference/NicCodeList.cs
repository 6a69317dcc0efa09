using System.Globalization;

namespace HiTech.Core.Reference;

/// <summary>
/// Reads and checks data/classifications/nic2008.csv: known levels, code shapes that fit the level,
/// no duplicates, and every code under an existing parent in the same section.
/// </summary>
internal static class NicCodeList
{
    public const string Classification = "nic2008";

    public static List<NicRow> Read(TextReader reader, string source)
    {
        var records = ReferenceCsv.Read(reader, source, "classification", "level", "code", "title", "section");
        var rows = new List<NicRow>(records.Count);
        var lineOf = new Dictionary<string, NicRow>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (!string.Equals(record[0], Classification, StringComparison.Ordinal))
            {
                throw new ReferenceDataException(source, record.Line, "classification", $"'{record[0]}' is not '{Classification}'");
            }

            var level = ParseLevel(record[1]) ?? throw new ReferenceDataException(
                source, record.Line, "level", $"unknown level '{record[1]}'; expected section, division, group, class or subclass");
            var code = record[2];
            if (!FitsLevel(code, level))
            {
                throw new ReferenceDataException(source, record.Line, "code", $"'{code}' is not a {level.Id()} code ({Shape(level)})");
            }

            var title = ReferenceCsv.Text(record, 3, "title", source);
            var section = record[4];
            if (section.Length != 1 || section[0] is < 'A' or > 'U' || (level == NicLevel.Section && section != code))
            {
                throw new ReferenceDataException(source, record.Line, "section", $"'{section}' is not the section letter of {code}");
            }

            if (lineOf.TryGetValue(code, out var earlier))
            {
                throw new ReferenceDataException(source, record.Line, "code", string.Create(CultureInfo.InvariantCulture, $"duplicate code {code}, first on line {earlier.Line}"));
            }

            var row = new NicRow(record.Line, level, code, title, section);
            lineOf.Add(code, row);
            rows.Add(row);
        }

        foreach (var row in rows)
        {
            var parentCode = ParentCode(row.Level, row.Code, row.Section);
            if (parentCode is null)
            {
                continue;
            }

            if (!lineOf.TryGetValue(parentCode, out var parent))
            {
                throw new ReferenceDataException(source, row.Line, "code", $"orphan code {row.Code}: its parent {parentCode} is not in the list");
            }

            if (parent.Section != row.Section)
            {
                throw new ReferenceDataException(source, row.Line, "section", $"{row.Code} says section {row.Section} but its parent {parentCode} is in section {parent.Section}");
            }
        }

        return rows;
    }

    /// <summary>The parent's code: the section letter for a division, otherwise the code less its last digit.</summary>
    public static string? ParentCode(NicLevel level, string code, string section) => level switch
    {
        NicLevel.Section => null,
        NicLevel.Division => section,
        _ => code[..^1],
    };

    private static NicLevel? ParseLevel(string id) => id switch
    {
        "section" => NicLevel.Section,
        "division" => NicLevel.Division,
        "group" => NicLevel.Group,
        "class" => NicLevel.Class,
        "subclass" => NicLevel.SubClass,
        _ => null,
    };

    private static bool FitsLevel(string code, NicLevel level) => level == NicLevel.Section
        ? code.Length == 1 && code[0] is >= 'A' and <= 'U'
        : code.Length == (int)level + 1 && ReferenceCsv.IsDigits(code);

    private static string Shape(NicLevel level) => level switch
    {
        NicLevel.Section => "one letter A-U",
        NicLevel.Division => "2 digits",
        NicLevel.Group => "3 digits",
        NicLevel.Class => "4 digits",
        _ => "5 digits",
    };
}
