using System.Globalization;
using HiTech.Web.Features.Maturity;

namespace HiTech.Web.Features.Needs;

/// <summary>
/// Where a need may come from besides typing: "roadmap:{maturity assessment id}:{step}" (a step of the maturity
/// roadmap, named by its dimension id) or "plan:{assessment id}:{plan index}" (a plan of "what it would take", from 0).
/// The form is pre-filled from it (only from the user's own organisation's); the need keeps it as its source.
/// </summary>
public sealed class NeedPrefill(AppDbContext db, MaturityReference maturity, IStringLocalizer<NeedsText> l)
{
    /// <summary>Whether the text has the shape of a source (the owner is checked when the form is pre-filled).</summary>
    public static bool IsSource(string source)
    {
        var parts = source.Split(':');
        return parts.Length == 3 && Guid.TryParse(parts[1], out _) && parts[2].Length is > 0 and <= 100
            && ((parts[0] == "roadmap" && parts[2].All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                || (parts[0] == "plan" && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _)));
    }

    /// <summary>The form a source fills in (help kind, the organisation's main activity, a summary), or null when it is not the user's.</summary>
    public async Task<NeedForm?> FromAsync(CurrentUser user, string? source, CancellationToken cancellationToken)
    {
        if (source is null || !IsSource(source) || !user.IsEnterprise || user.OrganisationId is not { } organisation)
        {
            return null;
        }

        var parts = source.Split(':');
        var id = Guid.Parse(parts[1]);
        var roadmap = parts[0] == "roadmap";
        var owner = roadmap
            ? await db.MaturityAssessments.AsNoTracking().Where(m => m.Id == id).Select(m => (Guid?)m.OrganisationId).SingleOrDefaultAsync(cancellationToken)
            : await db.Assessments.AsNoTracking().Where(a => a.Id == id).Select(a => (Guid?)a.OrganisationId).SingleOrDefaultAsync(cancellationToken);
        if (owner != organisation)
        {
            return null;
        }

        var nic = await MainActivityAsync(db, organisation, cancellationToken);
        if (roadmap)
        {
            var dimension = maturity.Instrument.Dimensions.FirstOrDefault(d => d.Id == parts[2]);
            if (dimension is null)
            {
                return null;
            }

            return new NeedForm("digital-transformation", [], nic, null, [], null, null, null, l["Help to improve {0}, a step of our digital maturity roadmap", dimension.Title.In(Language.Current)], null, source);
        }

        var plan = int.Parse(parts[2], CultureInfo.InvariantCulture) + 1;
        return new NeedForm("rnd-collaboration", [], nic, null, [], null, null, null, l["Help to carry out plan {0} of what it would take to reach our next tier", plan], null, source);
    }

    /// <summary>The organisation's activity with the largest revenue share, the activity a need is about by default.</summary>
    public static async Task<string?> MainActivityAsync(AppDbContext db, Guid organisation, CancellationToken cancellationToken)
    {
        // Sorted here: SQLite cannot ORDER BY a decimal column.
        var activities = await db.Activities.AsNoTracking().Where(a => a.OrganisationId == organisation).Select(a => new { a.Code, a.RevenueShare }).ToListAsync(cancellationToken);
        return activities.OrderByDescending(a => a.RevenueShare).ThenBy(a => a.Code, StringComparer.Ordinal).FirstOrDefault()?.Code;
    }
}
