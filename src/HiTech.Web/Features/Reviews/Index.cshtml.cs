namespace HiTech.Web.Features.Reviews;

/// <summary>GET /reviews: the assessor's queue.</summary>
[Authorize(Policy = Roles.Assessor)]
public sealed class IndexModel(GetReviewQueue queue) : FormPage
{
    public IReadOnlyList<QueueItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await queue.ExecuteAsync(Current, cancellationToken);
}
