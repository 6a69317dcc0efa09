namespace HiTech.Web.Features.Enterprises.Activities;

/// <summary>The fields of an activity form (value-chain stages, share of revenue) and what the page shows beside them.</summary>
public abstract class ActivityFormPage(ReadOrganisation read, SaveActivity save, EnterpriseLabels labels, IStringLocalizer<EnterprisesText> l) : EnterprisePage
{
    [BindProperty]
    public List<string> Stages { get; set; } = [];

    [BindProperty]
    public string? SharePercent { get; set; }

    /// <summary>The NIC code's title, OECD group and priority sectors.</summary>
    public ActivityView Facts { get; protected set; } = null!;

    public IReadOnlyList<StageOption> StageOptions { get; private set; } = [];

    /// <summary>The other activities' shares added up, in percent.</summary>
    public decimal OtherSharesPercent { get; private set; }

    /// <summary>What is saved now, when someone else saved first.</summary>
    public ActivityView? Saved { get; protected set; }

    protected ReadOrganisation Read => read;

    protected SaveActivity Save => save;

    protected async Task PrepareAsync(Guid organisationId, string code, Guid? activityId, CancellationToken cancellationToken)
    {
        Facts = read.ToView(new Activity { Code = code, Classification = SaveActivity.Classification });
        StageOptions = await labels.StagesAsync(cancellationToken);
        OtherSharesPercent = await save.OtherSharesPercentAsync(organisationId, activityId, cancellationToken);
    }

    /// <summary>The share typed, or null; a share that is not a number gets its own message.</summary>
    protected decimal? ReadShare(Dictionary<string, string> typing)
    {
        var percent = EnterpriseRules.ParsePercent(SharePercent);
        if (percent is null && !string.IsNullOrWhiteSpace(SharePercent))
        {
            typing["revenueSharePercent"] = l["Enter the share as a number, like 40"];
        }

        return percent;
    }

    protected override string FieldOnPage(string field) => field == "revenueSharePercent" ? nameof(SharePercent) : base.FieldOnPage(field);

    protected async Task<string> SavedMessageAsync(Guid organisationId, ActivityView activity, CancellationToken cancellationToken)
    {
        var total = await save.OtherSharesPercentAsync(organisationId, null, cancellationToken);
        return ReadOrganisation.SharesComplete(total)
            ? l["Activity {0} is saved. The shares of revenue add up to 100%.", activity.Code]
            : l["Activity {0} is saved. The shares of revenue add up to {1}; they must add up to 100%.", activity.Code, EnterpriseRules.Percent(total)];
    }

    /// <summary>The hint under the share field: how much of the revenue is left for this activity.</summary>
    public string ShareHint() => OtherSharesPercent <= 0
        ? l["If this is your only activity, enter 100."]
        : l["Your other activities have {0} of your revenue, so {1} is left for this one. All shares must add up to 100%.", EnterpriseRules.Percent(OtherSharesPercent), EnterpriseRules.Percent(Math.Max(0, 100m - OtherSharesPercent))];
}
