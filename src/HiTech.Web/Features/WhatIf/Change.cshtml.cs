namespace HiTech.Web.Features.WhatIf;

/// <summary>
/// GET/POST /analytics/what-if/change: the weights, tier thresholds and tier gates of the version in force as a form;
/// the analyst changes some, names the proposal, picks the population and queues a run. Each problem shows beside
/// the setting it is about.
/// </summary>
[Authorize(Policy = Roles.Analyst)]
[RequestSizeLimit(WhatIfFiles.MaxRegistryBytes + (256 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = WhatIfFiles.MaxRegistryBytes + (256 * 1024))]
public sealed class ChangeModel(ShowProposalForm show, StartWhatIf start, ListWhatIfRuns list, TimeProvider clock) : WhatIfFormPage(list, clock)
{
    /// <summary>The version the proposal is named.</summary>
    [BindProperty]
    public string Version { get; set; } = "";

    /// <summary>The numbers typed, by setting path (<see cref="FrameworkEdit.Settings"/>).</summary>
    [BindProperty]
    public Dictionary<string, string> Settings { get; set; } = [];

    /// <summary>The gates ticked, each as "tier|gate".</summary>
    [BindProperty]
    public List<string> Gate { get; set; } = [];

    public ShowProposalForm.FormView Form { get; private set; } = null!;

    public override IReadOnlyList<string> FieldOrder =>
        [nameof(Version), .. (Form?.Settings ?? []).Select(s => FieldOf(s.Path)), nameof(Assessments), nameof(Year), nameof(Registry)];

    /// <summary>The form field (and error key) of a setting.</summary>
    public static string FieldOf(string path) => $"Settings[{path}]";

    /// <summary>The value a "tier|gate" checkbox posts.</summary>
    public static string GateValue(string tier, string gate) => $"{tier}|{gate}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Version = $"{Form.Definition.Version}-proposal-{Clock.GetUtcNow():yyyyMMddHHmm}";
        Settings = Form.Settings.Where(s => s.Kind != FrameworkSettingKind.TierGates).ToDictionary(s => s.Path, s => s.Value, StringComparer.Ordinal);
        Gate = [.. Form.Definition.Tiers.SelectMany(t => t.Gates.Select(g => GateValue(t.Id, g)))];
        return await ShowAsync(firstVisit: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        // Every tier is on the form, so a tier with no gate ticked requires none.
        var values = new Dictionary<string, string>(Settings.Where(s => Form.Settings.Any(f => f.Path == s.Key && f.Kind != FrameworkSettingKind.TierGates)), StringComparer.Ordinal);
        foreach (var tier in Form.Definition.Tiers)
        {
            values[$"tiers.{tier.Id}.gates"] = string.Join(',', Gate.Where(g => g.StartsWith(tier.Id + "|", StringComparison.Ordinal)).Select(g => g[(tier.Id.Length + 1)..]));
        }

        var outcome = await start.ExecuteAsync(Version ?? "", values, Population(), Current, cancellationToken);
        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }

        if (!outcome.IsOk)
        {
            AddPopulationErrors(outcome);
            foreach (var (key, messages) in outcome.Errors.Where(e => e.Key is not ("year" or "population" or "registry")))
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(FieldOfError(key), message);
                }
            }

            return await ShowAsync(firstVisit: false, cancellationToken);
        }

        return Redirect($"/analytics/what-if/{outcome.Value!.Id}");
    }

    /// <summary>The field an error lands on: its setting's, or for a section (all pillars, a pillar's indicators) the section's first.</summary>
    private string FieldOfError(string key)
    {
        if (key == "version")
        {
            return nameof(Version);
        }

        if (!key.StartsWith(StartWhatIf.SettingPrefix, StringComparison.Ordinal))
        {
            return "";
        }

        var path = key[StartWhatIf.SettingPrefix.Length..];
        var first = Form.Settings.FirstOrDefault(s => s.Path == path || s.Path.StartsWith(path + ".", StringComparison.Ordinal));
        return first is null ? "" : FieldOf(first.Path);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var outcome = await show.ExecuteAsync(Current, cancellationToken);
        if (this.Refusal(outcome) is { } refused)
        {
            return refused;
        }

        Form = outcome.Value!;
        return null;
    }
}
