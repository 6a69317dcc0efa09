namespace HiTech.Web.Features.Introductions;

/// <summary>The names of the two sides and the need's summary, read together for wording notifications and pages.</summary>
public sealed record IntroductionNames(string Organisation, string Provider, string Need)
{
    public static async Task<IntroductionNames> ReadAsync(AppDbContext db, Introduction introduction, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.Where(o => o.Id == introduction.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        var provider = await db.Providers.Where(p => p.Id == introduction.ProviderId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        var need = await db.Needs.Where(n => n.Id == introduction.NeedId).Select(n => n.Summary).FirstOrDefaultAsync(cancellationToken);
        return new(organisation ?? "", provider ?? "", need ?? "");
    }

    /// <summary>The name of <paramref name="side"/>.</summary>
    public string Of(IntroductionSide side) => side == IntroductionSide.Provider ? Provider : Organisation;
}
