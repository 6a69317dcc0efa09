using HiTech.Core.Reference;
using HiTech.Core.Scoring;

namespace HiTech.Web.Features.Enterprises;

/// <summary>
/// Adds or changes an activity: a NIC 2008 class (4 digits) or sub-class (5 digits), its value-chain stages
/// (from the framework's value_chain_stage domain) and its share of revenue. The shares of all activities
/// must add up to 100%: a share that would take the total over 100% is refused, with the room that is left.
/// </summary>
public sealed class SaveActivity(
    AppDbContext db,
    EnterpriseOutcomes outcomes,
    ActivityClassifier classifier,
    FrameworkStore frameworks,
    EnterpriseLabels labels,
    ReadOrganisation read,
    AuditLog audit,
    IStringLocalizer<EnterprisesText> l)
{
    public const string AuditEntity = "Activity";
    public const string Classification = "nic2008";

    /// <summary>Why this code cannot be an activity, in the user's language; null when it can.</summary>
    public string? CodeProblem(string? code)
    {
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return l["Choose the activity that best matches what your enterprise makes or does"];
        }

        if (classifier.TryClassify(trimmed, out _))
        {
            return null;
        }

        if (classifier.Reference.Nic.Find(trimmed) is { } broad)
        {
            return broad.Level is NicLevel.Class or NicLevel.SubClass
                ? l["NIC code {0} cannot be used for an assessment. Choose another code for the activity.", trimmed]
                : l["NIC code {0} is a {1} ({2}), which is too broad. Choose the 4-digit class or 5-digit sub-class within it that matches the activity.", trimmed, labels.LevelName(broad.Level), broad.Title];
        }

        var near = classifier.Reference.Nic.SuggestNear(trimmed, 3);
        return near.Count == 0
            ? l["'{0}' is not a NIC 2008 code.", trimmed]
            : l["'{0}' is not a NIC 2008 code. Codes close to it: {1}.", trimmed, string.Join(", ", near.Select(n => $"{n.Code} ({n.Title})"))];
    }

    /// <summary>The shares of the organisation's other activities, added up, in percent.</summary>
    public async Task<decimal> OtherSharesPercentAsync(Guid organisationId, Guid? except, CancellationToken cancellationToken)
    {
        var shares = await db.Activities.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && a.Id != except)
            .Select(a => a.RevenueShare)
            .ToListAsync(cancellationToken);
        return ReadOrganisation.SharePercentTotal(shares);
    }

    /// <summary>Adds an activity (<paramref name="activityId"/> null) or changes one against the version read.</summary>
    public async Task<Outcome<ActivityView>> ExecuteAsync(CurrentUser user, Guid organisationId, Guid? activityId, ActivityRequest request, CancellationToken cancellationToken) =>
        await outcomes.RefuseChangeAsync<ActivityView>(user, organisationId, cancellationToken) is { } refused ? refused
        : activityId is { } id ? await UpdateAsync(user, organisationId, id, request, cancellationToken)
        : await AddAsync(user, organisationId, request, cancellationToken);

    private async Task<Outcome<ActivityView>> AddAsync(CurrentUser user, Guid organisationId, ActivityRequest request, CancellationToken cancellationToken)
    {
        var framework = await frameworks.ActiveAsync(cancellationToken);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var code = request.Code?.Trim();
        if (CodeProblem(code) is { } problem)
        {
            errors["code"] = problem;
        }

        var stages = Stages(errors, request.Stages, framework);
        var percent = Share(errors, request.RevenueSharePercent);
        var duplicate = false;
        if (!errors.ContainsKey("code"))
        {
            var existing = await db.Activities.AsNoTracking().Where(a => a.OrganisationId == organisationId).Select(a => a.Code).ToListAsync(cancellationToken);
            if (existing.Contains(code!, StringComparer.Ordinal))
            {
                duplicate = true;
                errors["code"] = l["You have already added NIC code {0}. Change that activity instead.", code!];
            }
            else if (existing.Count >= ScoringWorkspace.MaxActivities)
            {
                errors["code"] = l["An enterprise can list at most {0} activities. Remove one before you add another.", ScoringWorkspace.MaxActivities];
            }
        }

        if (percent is { } p)
        {
            await CheckTotalAsync(errors, organisationId, null, p, cancellationToken);
        }

        if (errors.Count > 0)
        {
            return duplicate && errors.Count == 1 ? EnterpriseOutcomes.Duplicate<ActivityView>("code", errors["code"]) : outcomes.Invalid<ActivityView>(errors);
        }

        var activity = new Activity
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            Classification = Classification,
            Code = code!,
            RevenueShare = percent!.Value / 100m,
            Stages = AssessmentScoring.JoinCodes(stages),
        };
        db.Activities.Add(activity);
        audit.Record(user, AuditEntity, activity.Id.ToString(), AuditAction.Create, null, ActivitySnapshot.Of(activity));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same code added twice at once: the unique index lets one through.
            db.ChangeTracker.Clear();
            return EnterpriseOutcomes.Duplicate<ActivityView>("code", l["You have already added NIC code {0}. Change that activity instead.", code!]);
        }

        return Outcome.Ok(read.ToView(activity));
    }

    private async Task<Outcome<ActivityView>> UpdateAsync(CurrentUser user, Guid organisationId, Guid activityId, ActivityRequest request, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.FindAsync([activityId], cancellationToken);
        if (activity is null || activity.OrganisationId != organisationId)
        {
            return outcomes.NotFound<ActivityView>();
        }

        var framework = await frameworks.ActiveAsync(cancellationToken);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(request.Code) && request.Code.Trim() != activity.Code)
        {
            errors["code"] = l["The NIC code of an activity cannot be changed. Remove this activity and add the other one."];
        }

        var stages = Stages(errors, request.Stages, framework);
        var percent = Share(errors, request.RevenueSharePercent);
        if (request.Version is null)
        {
            errors["version"] = outcomes.VersionMissing;
        }

        if (percent is { } p)
        {
            await CheckTotalAsync(errors, organisationId, activityId, p, cancellationToken);
        }

        if (errors.Count > 0)
        {
            return outcomes.Invalid<ActivityView>(errors);
        }

        if (activity.Version != request.Version)
        {
            return await outcomes.StaleAsync(AuditEntity, activityId, read.ToView(activity), cancellationToken);
        }

        var before = ActivitySnapshot.Of(activity);
        activity.RevenueShare = percent!.Value / 100m;
        activity.Stages = AssessmentScoring.JoinCodes(stages);
        Saving.ExpectVersion(db, activity, request.Version!.Value);
        audit.Record(user, AuditEntity, activityId.ToString(), AuditAction.Update, before, ActivitySnapshot.Of(activity) with { Version = before.Version + 1 });
        return await Saving.TrySaveAsync(db, cancellationToken)
            ? Outcome.Ok(read.ToView(activity))
            : await outcomes.SavedMeanwhileAsync(AuditEntity, activityId, await read.LoadActivityAsync(organisationId, activityId, cancellationToken), cancellationToken);
    }

    /// <summary>The stages chosen, in the framework's order; at least one, each from the value_chain_stage domain.</summary>
    private List<string> Stages(Dictionary<string, string> errors, IReadOnlyList<string>? chosen, CompiledFramework framework)
    {
        var picked = (chosen ?? []).Select(s => s?.Trim() ?? "").Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (picked.Count == 0)
        {
            errors["stages"] = l["Choose at least one stage of the value chain where this activity earns revenue"];
            return [];
        }

        if (picked.FirstOrDefault(s => framework.StageDomain.IndexOf(s) < 0) is { } unknown)
        {
            errors["stages"] = l["'{0}' is not a value-chain stage. Use one of: {1}", unknown, string.Join(", ", framework.StageDomain.Values)];
            return [];
        }

        return [.. framework.StageDomain.Values.Where(picked.Contains)];
    }

    private decimal? Share(Dictionary<string, string> errors, decimal? percent)
    {
        if (percent is not { } p)
        {
            errors["revenueSharePercent"] = l["Enter the share of revenue, in percent"];
            return null;
        }

        if (p <= 0)
        {
            errors["revenueSharePercent"] = l["The share must be more than 0%"];
            return null;
        }

        if (p > 100)
        {
            errors["revenueSharePercent"] = l["The share cannot be more than 100%"];
            return null;
        }

        return decimal.Round(p, 2);
    }

    private async Task CheckTotalAsync(Dictionary<string, string> errors, Guid organisationId, Guid? except, decimal percent, CancellationToken cancellationToken)
    {
        var others = await OtherSharesPercentAsync(organisationId, except, cancellationToken);
        var total = others + percent;
        if (total > 100m + ReadOrganisation.ShareTolerancePercent)
        {
            errors.TryAdd("revenueSharePercent", l[
                "With this share, your activities would add up to {0}. The shares must add up to 100%. Your other activities already have {1}, so this one can be at most {2}.",
                EnterpriseRules.Percent(total),
                EnterpriseRules.Percent(others),
                EnterpriseRules.Percent(Math.Max(0, 100m - others))]);
        }
    }
}
