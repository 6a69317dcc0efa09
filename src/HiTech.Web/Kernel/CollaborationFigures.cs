namespace HiTech.Web.Kernel;

/// <summary>
/// The collaboration platform in numbers for the department's analytics (issue 12): needs posted, introductions sent,
/// accepted, declined and expired, the median working days to a first answer, partnerships by model and status, and
/// what they produced (products launched, patents or designs filed, certifications obtained, jobs created). Counts
/// only, never one firm's figures or ratings.
/// <para>
/// A period counts needs by the day they were posted, introductions by the day they were sent, partnerships (and so
/// their outcomes) by the day they started; days are dates in India, <c>from</c> and <c>to</c> both included.
/// </para>
/// </summary>
public static class CollaborationFigures
{
    private static readonly TimeSpan Ist = TimeSpan.FromHours(5.5);

    public static Task<CollaborationTotals> ForAsync(AppDbContext db, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        ForAsync(db, from, to, district => district, cancellationToken);

    /// <summary>The totals of a period, needs grouped by their district as <paramref name="districtKey"/> names it (stored text to a key).</summary>
    public static async Task<CollaborationTotals> ForAsync(AppDbContext db, DateOnly? from, DateOnly? to, Func<string, string> districtKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(districtKey);
        // Dates compared in memory: SQLite cannot compare DateTimeOffset values; these are small columns.
        var needs = await db.Needs.AsNoTracking().Select(n => new NeedRow(n.PostedAt, n.OrganisationId, n.District)).ToListAsync(cancellationToken);
        var introductions = await db.Introductions.AsNoTracking()
            .Select(i => new IntroductionRow(i.Status, i.SentAt, i.AnsweredAt, i.OrganisationId, i.ProviderId))
            .ToListAsync(cancellationToken);
        var partnershipQuery = db.Partnerships.AsNoTracking();
        if (from is { } start)
        {
            partnershipQuery = partnershipQuery.Where(p => p.StartOn >= start);
        }

        if (to is { } end)
        {
            partnershipQuery = partnershipQuery.Where(p => p.StartOn <= end);
        }

        var partnerships = await partnershipQuery
            .Select(p => new PartnershipRow(p.Model, p.Status, p.ProductsLaunched, p.PatentsOrDesignsFiled, p.CertificationObtained, p.JobsCreated, p.OrganisationId, p.ProviderId))
            .ToListAsync(cancellationToken);
        bool In(DateTimeOffset at)
        {
            var day = DateOnly.FromDateTime(at.ToOffset(Ist).DateTime);
            return (from is null || day >= from) && (to is null || day <= to);
        }

        var posted = needs.Where(n => In(n.PostedAt)).Select(n => n with { District = districtKey(n.District) }).ToList();
        var sent = introductions.Where(i => In(i.SentAt)).ToList();
        return Compute(posted.Count, sent, partnerships) with { Parties = CollaborationParties.Of(posted, sent, partnerships) };
    }

    /// <summary>The totals of rows already read (and already limited to the period).</summary>
    public static CollaborationTotals Compute(int needsPosted, IReadOnlyList<IntroductionRow> introductions, IReadOnlyList<PartnershipRow> partnerships)
    {
        ArgumentNullException.ThrowIfNull(introductions);
        ArgumentNullException.ThrowIfNull(partnerships);
        var answers = introductions
            .Where(IsAnswered)
            .Select(i => WorkingDays.Between(i.SentAt, i.AnsweredAt!.Value)).Order().ToList();
        var byModel = partnerships.GroupBy(p => p.Model, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ModelCount(
                g.Key,
                g.Count(p => p.Status == PartnershipStatus.Active),
                g.Count(p => p.Status == PartnershipStatus.Completed),
                g.Count(p => p.Status == PartnershipStatus.Ended)))
            .ToList();
        return new CollaborationTotals(
            needsPosted,
            introductions.Count,
            introductions.Count(i => i.Status == IntroductionStatus.Accepted),
            introductions.Count(i => i.Status == IntroductionStatus.Declined),
            introductions.Count(i => i.Status == IntroductionStatus.Expired),
            answers.Count == 0 ? null : answers.Count % 2 == 1 ? answers[answers.Count / 2] : (answers[(answers.Count / 2) - 1] + answers[answers.Count / 2]) / 2,
            byModel,
            new OutcomeTotals(
                partnerships.Sum(p => p.ProductsLaunched),
                partnerships.Sum(p => p.PatentsOrDesignsFiled),
                partnerships.Count(p => p.CertificationObtained.Length > 0),
                partnerships.Sum(p => p.JobsCreated)));
    }

    public sealed record NeedRow(DateTimeOffset PostedAt, Guid Organisation, string District);

    /// <summary>An introduction; Organisation and Provider matter only for <see cref="CollaborationParties"/>.</summary>
    public sealed record IntroductionRow(IntroductionStatus Status, DateTimeOffset SentAt, DateTimeOffset? AnsweredAt, Guid Organisation = default, Guid Provider = default);

    public sealed record PartnershipRow(string Model, PartnershipStatus Status, int ProductsLaunched, int PatentsOrDesignsFiled, string CertificationObtained, int JobsCreated, Guid Organisation = default, Guid Provider = default);

    /// <summary>The working days from sending to the first answer of each answered introduction (accepted or declined).</summary>
    internal static bool IsAnswered(IntroductionRow i) => i.AnsweredAt is not null && i.Status is IntroductionStatus.Accepted or IntroductionStatus.Declined;
}

/// <summary>The collaboration platform's totals for a period (see <see cref="CollaborationFigures"/>).</summary>
public sealed record CollaborationTotals(
    int NeedsPosted,
    int IntroductionsSent,
    int IntroductionsAccepted,
    int IntroductionsDeclined,
    int IntroductionsExpired,
    double? MedianFirstAnswerDays,
    IReadOnlyList<ModelCount> PartnershipsByModel,
    OutcomeTotals Outcomes)
{
    /// <summary>Who stands behind each figure, for disclosure control (empty from <see cref="CollaborationFigures.Compute"/>).</summary>
    public CollaborationParties Parties { get; init; } = CollaborationParties.None;
}

/// <summary>Partnerships of one model by status.</summary>
public sealed record ModelCount(string Model, int Active, int Completed, int Ended)
{
    public int Total => Active + Completed + Ended;
}

/// <summary>What partnerships produced: sums, and how many brought a certification.</summary>
public sealed record OutcomeTotals(int ProductsLaunched, int PatentsOrDesignsFiled, int CertificationsObtained, int JobsCreated);
