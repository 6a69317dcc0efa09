using System.Collections.Frozen;

namespace HiTech.Core.Reference;

/// <summary>
/// Malayalam titles for NIC 2008 codes (data/classifications/nic2008-ml.csv): every section and division and every
/// group and class under Kerala's priority sectors, at least. A code without one is shown in English, marked as such.
/// </summary>
public sealed class NicMalayalamTitles
{
    private readonly FrozenDictionary<string, string> _titles;

    private NicMalayalamTitles(FrozenDictionary<string, string> titles) => _titles = titles;

    public int Count => _titles.Count;

    /// <summary>The Malayalam title of a code, or null where there is none yet (the page then shows the English one).</summary>
    public string? TitleOf(string code) => _titles.GetValueOrDefault(code);

    /// <summary>Reads the file, refusing a code not in the NIC catalog, a code given twice, or a title with no Malayalam letter.</summary>
    public static NicMalayalamTitles Load(TextReader csv, string source, NicCatalog nic)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in ReferenceCsv.Read(csv, source, "code", "title_ml"))
        {
            var code = ReferenceCsv.Text(record, 0, "code", source);
            var title = ReferenceCsv.Text(record, 1, "title_ml", source);
            if (nic.Find(code) is null)
            {
                throw new ReferenceDataException(source, record.Line, "code", $"'{code}' is not a NIC 2008 code in {ReferenceData.NicFile}");
            }

            if (!title.Any(IsMalayalam))
            {
                throw new ReferenceDataException(source, record.Line, "title_ml", $"the title of {code} has no Malayalam letter: '{title}'");
            }

            if (!titles.TryAdd(code, title))
            {
                throw new ReferenceDataException(source, record.Line, "code", $"'{code}' is given twice");
            }
        }

        return new NicMalayalamTitles(titles.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static bool IsMalayalam(char c) => c is >= '\u0D00' and <= '\u0D7F';
}
