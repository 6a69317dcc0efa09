using System.Globalization;
using HiTech.Core.Reference;
using Need = HiTech.Web.Data.Entities.Need;

namespace HiTech.Web.Features.Needs;

/// <summary>
/// Posts an enterprise's need: every field checked against the vocabularies, each refusal naming its field, audited.
/// Only an Enterprise user of an organisation posts, for that organisation.
/// </summary>
public sealed class PostNeed(AppDbContext db, AuditLog audit, TimeProvider clock, MatchingIndex index, ReferenceData reference, IStringLocalizer<NeedsText> l, IStringLocalizer<SharedResource> t)
{
    public const int SummaryMax = 1000;
    public const int DetailsMax = 4000;

    public async Task<Outcome<Need>> ExecuteAsync(CurrentUser user, NeedForm form, CancellationToken cancellationToken)
    {
        if (!user.IsEnterprise || user.OrganisationId is not { } organisationId || user.Id is not { } userId)
        {
            return Outcome.Forbidden<Need>(l["Only an enterprise can post a need"]);
        }

        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => new { o.District }).SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return Outcome.Forbidden<Need>(l["Register your enterprise before you post a need"]);
        }

        var data = (await index.CurrentAsync(cancellationToken)).Data;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(5.5)).DateTime);

        var helpKind = form.HelpKind?.Trim() ?? "";
        if (helpKind.Length == 0)
        {
            errors["helpKind"] = [l["Choose the kind of help you need"]];
        }
        else if (data.HelpKinds.IndexOf(helpKind) < 0)
        {
            errors["helpKind"] = [l["Choose one of the kinds of help shown"]];
        }

        var kinds = Listed(form.ProviderKinds);
        if (kinds.Any(k => data.Kinds.IndexOf(k) < 0))
        {
            errors["providerKinds"] = [l["Choose from the kinds of provider shown"]];
        }

        var nic = form.NicCode?.Trim() ?? "";
        if (nic.Length == 0)
        {
            errors["nicCode"] = [l["Enter the NIC code of the activity the help is for"]];
        }
        else if (nic.Length is < 2 or > 5 || !nic.All(char.IsAsciiDigit) || !reference.Nic.TryGet(nic, out _))
        {
            errors["nicCode"] = [l["{0} is not a NIC 2008 code: enter 2 to 5 digits of a code in the list, for example 22112", nic]];
        }

        var stage = form.Stage?.Trim() ?? "";
        if (stage.Length > 0 && data.Stages.IndexOf(stage) < 0)
        {
            errors["stage"] = [l["Choose one of the stages shown"]];
        }

        var certifications = Listed(form.Certifications);
        if (certifications.Any(c => data.Certifications.IndexOf(c) < 0))
        {
            errors["certifications"] = [l["Choose from the certifications shown"]];
        }

        var budget = form.BudgetBand?.Trim() ?? "";
        if (budget.Length > 0 && data.BudgetBands.IndexOf(budget) < 0)
        {
            errors["budgetBand"] = [l["Choose one of the budget bands shown"]];
        }

        DateOnly? deadline = null;
        if (!string.IsNullOrWhiteSpace(form.Deadline))
        {
            if (!DateOnly.TryParseExact(form.Deadline.Trim(), ["yyyy-MM-dd", "dd-MM-yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                errors["deadline"] = [l["Enter the deadline as a date, for example 31-03-2027"]];
            }
            else if (day < today)
            {
                errors["deadline"] = [l["The deadline must be today or later"]];
            }
            else
            {
                deadline = day;
            }
        }

        var districtText = string.IsNullOrWhiteSpace(form.District) ? organisation.District : form.District.Trim();
        string district = "";
        if (reference.Districts.TryResolve(districtText, out var found))
        {
            district = found.Name;
        }
        else
        {
            errors["district"] = [l["Choose the district the help is needed in"]];
        }

        var summary = TextWords.Checked(errors, "summary", form.Summary, t);
        if (summary is not null && summary.Length == 0)
        {
            errors["summary"] = [l["Say in a sentence or two what help you need"]];
        }
        else if (summary is { Length: > SummaryMax })
        {
            errors["summary"] = [l["Keep the public summary to {0} characters; put the rest in the private details", SummaryMax]];
        }

        var details = string.IsNullOrWhiteSpace(form.PrivateDetails) ? "" : TextWords.Checked(errors, "privateDetails", form.PrivateDetails, t, multiline: true);
        if (details is { Length: > DetailsMax })
        {
            errors["privateDetails"] = [l["Keep the private details to {0} characters", DetailsMax]];
        }

        var source = form.From?.Trim() ?? "";
        if (source.Length > 0 && !NeedPrefill.IsSource(source))
        {
            errors["from"] = [l["This need can only come from a roadmap step or a plan of yours"]];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid<Need>(errors);
        }

        var need = new Need
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            PostedBy = userId,
            HelpKind = helpKind,
            ProviderKinds = string.Join(';', kinds),
            NicCode = nic,
            Stage = stage,
            Certifications = string.Join(';', certifications),
            BudgetBand = budget,
            Deadline = deadline,
            District = district,
            Summary = summary!,
            PrivateDetails = details ?? "",
            Source = source,
            Status = NeedStatus.Open,
            PostedAt = clock.GetUtcNow(),
        };
        db.Needs.Add(need);
        audit.Record(user, nameof(Need), need.Id.ToString(), AuditAction.Create, null, Snapshot(need));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(need);
    }

    /// <summary>What the audit keeps of a need (the private details by length only: the log is read by admins, not parties).</summary>
    public static object Snapshot(Need need) => new
    {
        need.HelpKind,
        need.ProviderKinds,
        need.NicCode,
        need.Stage,
        need.Certifications,
        need.BudgetBand,
        need.Deadline,
        need.District,
        need.Summary,
        PrivateDetailsLength = need.PrivateDetails.Length,
        need.Source,
        Status = need.Status.ToString(),
    };

    private static List<string> Listed(IReadOnlyList<string>? values) =>
        [.. (values ?? []).SelectMany(v => (v ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];
}
