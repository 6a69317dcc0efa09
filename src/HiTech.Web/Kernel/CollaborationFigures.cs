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

    public static async Task<CollaborationTotals> ForAsync(AppDbContext db, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Dates compared in memory: SQLite cannot compare DateTimeOffset values; these are small columns.
        var needs = await db.Needs.AsNoTracking().Select(n => n.PostedAt).ToListAsync(cancellationToken);
        var introductions = await db.Introductions.AsNoTracking().Select(i => new IntroductionRow(i.Status, i.SentAt, i.AnsweredAt)).ToListAsync(cancellationToken);
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
            .Select(p => new PartnershipRow(p.Model, p.Status, p.ProductsLaunched, p.PatentsOrDesignsFiled, p.CertificationObtained, p.JobsCreated))
            .ToListAsync(cancellationToken);
        bool In(DateTimeOffset at)
        {
            var day = DateOnly.FromDateTime(at.ToOffset(Ist).DateTime);
            return (from is null || day >= from) && (to is null || day <= to);
        }

        return Compute(needs.Count(In), [.. introductions.Where(i => In(i.SentAt))], partnerships);
    }

    /// <summary>The totals of rows already read (and already limited to the period).</summary>
    public static CollaborationTotals Compute(int needsPosted, IReadOnlyList<IntroductionRow> introductions, IReadOnlyList<PartnershipRow> partnerships)
    {
        ArgumentNullException.ThrowIfNull(introductions);
        ArgumentNullException.ThrowIfNull(partnerships);
        var answers = introductions
            .Where(i => i.AnsweredAt is not null && i.Status is IntroductionStatus.Accepted or IntroductionStatus.Declined)
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

    public sealed record IntroductionRow(IntroductionStatus Status, DateTimeOffset SentAt, DateTimeOffset? AnsweredAt);

    public sealed record PartnershipRow(string Model, PartnershipStatus Status, int ProductsLaunched, int PatentsOrDesignsFiled, string CertificationObtained, int JobsCreated);
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
    OutcomeTotals Outcomes);

/// <summary>Partnerships of one model by status.</summary>
public sealed record ModelCount(string Model, int Active, int Completed, int Ended)
{
    public int Total => Active + Completed + Ended;
}

/// <summary>What partnerships produced: sums, and how many brought a certification.</summary>
public sealed record OutcomeTotals(int ProductsLaunched, int PatentsOrDesignsFiled, int CertificationsObtained, int JobsCreated);
