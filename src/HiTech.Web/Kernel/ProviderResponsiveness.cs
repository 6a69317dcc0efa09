namespace HiTech.Web.Kernel;

/// <summary>
/// A provider's record in public (issue 12, section 5): requests received, median working days to a first answer,
/// acceptance rate, completed partnerships and the average rating from each side. The figures are given only once the
/// provider has received <see cref="MinimumRequests"/> requests, so that they are never about one or two firms; below
/// that only the count is known. The matching ranking reads the same median (and so is neutral below the minimum).
/// <para>
/// A request is an introduction an enterprise sent to the provider. Its first answer is the provider's acceptance or
/// refusal (<see cref="Introduction.AnsweredAt"/>); the acceptance rate is accepted over requests that came to an end
/// (accepted, declined or expired: one withdrawn by the enterprise is no answer either way).
/// </para>
/// </summary>
public static class ProviderResponsiveness
{
    public const int MinimumRequests = 5;

    /// <summary>The figures of one provider.</summary>
    public static async Task<ProviderFigures> ForAsync(AppDbContext db, Guid providerId, CancellationToken cancellationToken) =>
        (await ForAsync(db, [providerId], cancellationToken))[providerId];

    /// <summary>The figures of the given providers (every id answers, a provider without requests with zeros); null for every provider.</summary>
    public static async Task<IReadOnlyDictionary<Guid, ProviderFigures>> ForAsync(AppDbContext db, IReadOnlyCollection<Guid>? providerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var requests = db.Introductions.AsNoTracking().Where(i => i.SentBy == IntroductionSide.Enterprise);
        var partnerships = db.Partnerships.AsNoTracking();
        if (providerIds is not null)
        {
            var wanted = providerIds.ToArray();
            requests = requests.Where(i => wanted.Contains(i.ProviderId));
            partnerships = partnerships.Where(p => wanted.Contains(p.ProviderId));
        }

        var rows = await requests.Select(i => new RequestRow(i.ProviderId, i.Status, i.SentAt, i.AnsweredAt)).ToListAsync(cancellationToken);
        var completed = await partnerships.Where(p => p.Status == PartnershipStatus.Completed)
            .GroupBy(p => p.ProviderId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var ratings = await (from r in db.PartnershipRatings.AsNoTracking()
                             join p in partnerships on r.PartnershipId equals p.Id
                             select new { p.ProviderId, r.Side, r.Stars }).ToListAsync(cancellationToken);

        var ids = providerIds ?? [.. rows.Select(r => r.ProviderId).Concat(completed.Keys).Concat(ratings.Select(r => r.ProviderId)).Distinct()];
        var byProvider = rows.ToLookup(r => r.ProviderId);
        var ratingsBy = ratings.ToLookup(r => (r.ProviderId, r.Side), r => r.Stars);
        var figures = new Dictionary<Guid, ProviderFigures>();
        foreach (var id in ids)
        {
            figures[id] = Figures(id, [.. byProvider[id]], completed.GetValueOrDefault(id), [.. ratingsBy[(id, IntroductionSide.Enterprise)]], [.. ratingsBy[(id, IntroductionSide.Provider)]]);
        }

        return figures;
    }

    private static ProviderFigures Figures(Guid id, List<RequestRow> requests, int completed, List<int> fromEnterprises, List<int> byProvider)
    {
        if (requests.Count < MinimumRequests)
        {
            return new ProviderFigures(id, requests.Count, Shown: false, null, null, null, null, null);
        }

        var answered = requests.Where(r => r.AnsweredAt is not null && r.Status is IntroductionStatus.Accepted or IntroductionStatus.Declined)
            .Select(r => WorkingDays.Between(r.SentAt, r.AnsweredAt!.Value)).Order().ToList();
        var ended = requests.Count(r => r.Status is IntroductionStatus.Accepted or IntroductionStatus.Declined or IntroductionStatus.Expired);
        var accepted = requests.Count(r => r.Status == IntroductionStatus.Accepted);
        return new ProviderFigures(
            id,
            requests.Count,
            Shown: true,
            Median(answered),
            ended == 0 ? null : (double)accepted / ended,
            completed,
            Average(fromEnterprises),
            Average(byProvider));
    }

    private static double? Median(List<double> sorted) =>
        sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;

    private static RatingAverage? Average(List<int> stars) => stars.Count == 0 ? null : new RatingAverage(stars.Average(), stars.Count);

    private sealed record RequestRow(Guid ProviderId, IntroductionStatus Status, DateTimeOffset SentAt, DateTimeOffset? AnsweredAt);
}

/// <summary>
/// One provider's public record. <see cref="Requests"/> is always known; the rest is null until <see cref="Shown"/>
/// (at least <see cref="ProviderResponsiveness.MinimumRequests"/> requests), and the median and rate stay null while
/// no request has been answered or ended.
/// </summary>
public sealed record ProviderFigures(
    Guid ProviderId,
    int Requests,
    bool Shown,
    double? MedianResponseDays,
    double? AcceptanceRate,
    int? CompletedPartnerships,
    RatingAverage? RatingFromEnterprises,
    RatingAverage? RatingByProvider);

/// <summary>An average of 1-5 stars and how many ratings it is of.</summary>
public sealed record RatingAverage(double Stars, int Count);
