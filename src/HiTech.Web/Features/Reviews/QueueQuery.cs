namespace HiTech.Web.Features.Reviews;

/// <summary>
/// What the assessor asked the queue for: words to find (name, Udyam number or district), which assessments
/// (<c>open</c>: not yet taken, <c>mine</c>: assigned to me, <c>all</c>), a district id, the order of submission
/// (<c>oldest</c> or <c>newest</c> first) and a page. The page's query string and the API use the same names.
/// </summary>
public sealed record QueueQuery(string? Search = null, string? Show = null, string? District = null, string? Sort = null, int? Page = null, int? PageSize = null)
{
    public const string Open = "open";
    public const string Mine = "mine";
    public const string All = "all";
    public const string Oldest = "oldest";
    public const string Newest = "newest";
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 500;

    public bool NewestFirst => Sort == Newest;

    /// <summary>The query string of this query at another page (what the paging links carry), without empty values.</summary>
    public string QueryString(int page)
    {
        var parts = new List<KeyValuePair<string, string?>>
        {
            new("q", Search), new("show", Show), new("district", District), new("sort", Sort),
            new("page", page == 1 ? null : page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        return Microsoft.AspNetCore.Http.QueryString.Create(parts.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();
    }
}

/// <summary>One page of the queue: its rows, how many match in all, and how many of those wait to be taken or are mine.</summary>
public sealed record QueuePage(IReadOnlyList<QueueItem> Items, int Total, int OpenTotal, int MineTotal, int Page, int PageSize, QueueQuery Query)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
