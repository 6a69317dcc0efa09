using System.Globalization;
using System.Text;

namespace HiTech.Web.Features.Providers;

/// <summary>
/// What the directory is asked for: words (q) found in the name and services in English and Malayalam, and filters by
/// kind, district (providers there, and those that work anywhere), NIC division (2 digits), certification and
/// technology. The page's query string and the API use the same names.
/// </summary>
public sealed record DirectoryQuery(
    string? Q = null,
    string? Kind = null,
    string? District = null,
    string? Nic = null,
    string? Certification = null,
    string? Technology = null,
    int? Page = null,
    int? PageSize = null)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    private const int MaxWords = 8;

    public int PageNumber => Math.Max(1, Page ?? 1);

    public int Size => Math.Clamp(PageSize ?? DefaultPageSize, 1, MaxPageSize);

    /// <summary>
    /// The words of <see cref="Q"/> as full-text search sees them: runs of letters, digits and combining marks (Malayalam
    /// vowel signs are marks; the zero-width joiners stay inside a word), at most eight. Nothing else reaches the SQL.
    /// </summary>
    public IReadOnlyList<string> Words()
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in (Q ?? "").Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark || c is '\u200C' or '\u200D')
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return [.. words.Where(w => w.Trim('\u200C', '\u200D').Length > 0).Distinct(StringComparer.Ordinal).Take(MaxWords)];
    }

    /// <summary>The query string at another page (what the paging links carry), without empty values.</summary>
    public string QueryString(int page)
    {
        var parts = new List<KeyValuePair<string, string?>>
        {
            new("q", Q), new("kind", Kind), new("district", District), new("nic", Nic), new("certification", Certification), new("technology", Technology),
            new("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture)),
        };
        return Microsoft.AspNetCore.Http.QueryString.Create(parts.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();
    }
}

/// <summary>One page of the directory: its entries and how many match in all.</summary>
public sealed record DirectoryPage(IReadOnlyList<DirectoryEntry> Items, int Total, int Page, int PageSize, DirectoryQuery Query)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
