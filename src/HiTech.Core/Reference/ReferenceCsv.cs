using nietras.SeparatedValues;

namespace HiTech.Core.Reference;

/// <summary>
/// Reads a small reference CSV with Sep into records with line numbers, checking the header and the
/// field count itself so that every failure becomes a <see cref="ReferenceDataException"/> naming the line.
/// </summary>
internal static class ReferenceCsv
{
    public static List<CsvRecord> Read(TextReader reader, string source, params string[] columns)
    {
        var records = new List<CsvRecord>();
        try
        {
            using var csv = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(reader);
            if (csv.Header.IsEmpty)
            {
                throw new ReferenceDataException(source, 1, "(header)", "the file is empty; expected a header row: " + string.Join(',', columns));
            }

            var indices = new int[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                if (!csv.Header.TryIndexOf(columns[i], out indices[i]))
                {
                    throw new ReferenceDataException(source, 1, columns[i], "the header has no such column; expected: " + string.Join(',', columns));
                }
            }

            var width = csv.Header.ColNames.Count;
            foreach (var row in csv)
            {
                if (row.Span.IsWhiteSpace())
                {
                    continue; // a blank line carries no data
                }

                if (row.ColCount != width)
                {
                    throw new ReferenceDataException(source, row.LineNumberFrom, "(row)", $"expected {width} fields as in the header, found {row.ColCount}");
                }

                var fields = new string[columns.Length];
                for (var i = 0; i < indices.Length; i++)
                {
                    fields[i] = row[indices[i]].ToString();
                }

                records.Add(new CsvRecord(row.LineNumberFrom, fields));
            }
        }
        catch (ReferenceDataException)
        {
            throw;
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            throw new ReferenceDataException(source, 0, "(file)", "not readable as CSV: " + e.Message, e);
        }

        return records;
    }

    /// <summary>Fails unless the field is non-empty and has no surrounding or doubled spaces.</summary>
    public static string Text(CsvRecord record, int index, string column, string source, bool allowEmpty = false)
    {
        var value = record[index];
        if (value.Length == 0)
        {
            return allowEmpty ? value : throw new ReferenceDataException(source, record.Line, column, "must not be empty");
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]) || value.Contains("  ", StringComparison.Ordinal))
        {
            throw new ReferenceDataException(source, record.Line, column, $"'{value}' has leading, trailing or doubled spaces");
        }

        return value;
    }

    public static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return !text.IsEmpty;
    }

    /// <summary>Splits a ';'-separated list, trimming items and dropping empty ones.</summary>
    public static string[] SplitList(string value) =>
        value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
