using System.Text.Json;
using HiTech.Core.Scoring;

namespace HiTech.Web.Features.WhatIf;

/// <summary>
/// Queues a what-if run, for analysts and admins. The proposal is either an uploaded framework file, validated exactly
/// as a publication is (<see cref="FrameworkUpload"/>: every error with line, column and rule), or the version in
/// force with a form's changes to its weights, thresholds and gates (Core's <see cref="FrameworkEdit"/>, through the
/// same loader; each problem named by the setting it is about). The population is the year's approved assessments
/// and/or an uploaded registry, checked by content and size and its header read under both versions before anything is
/// stored. Nothing is queued if anything is wrong.
/// </summary>
public sealed class StartWhatIf(
    AppDbContext db,
    FrameworkStore frameworks,
    ActivityClassifier classifier,
    WhatIfFiles files,
    WhatIfWords words,
    TimeProvider clock,
    IStringLocalizer<WhatIfText> l)
{
    /// <summary>The problem member that lists a refused proposal file's errors, each with its place and rule.</summary>
    public const string ErrorsMember = "frameworkErrors";

    /// <summary>The error key of a form's setting: <c>settings.</c> and the setting's path.</summary>
    public const string SettingPrefix = "settings.";

    public static IReadOnlyList<FrameworkError> ErrorsOf(Outcome<WhatIfRun> outcome) =>
        outcome.Extensions.TryGetValue(ErrorsMember, out var errors) && errors is IReadOnlyList<FrameworkError> list ? list : [];

    /// <summary>Queues a run of an uploaded proposal file.</summary>
    public async Task<Outcome<WhatIfRun>> ExecuteAsync(Stream proposal, string fileName, WhatIfPopulation population, CurrentUser by, CancellationToken cancellationToken)
    {
        if (Refusal(population, by) is { } refused)
        {
            return refused;
        }

        var upload = await FrameworkUpload.ReadAsync(proposal, fileName, classifier, cancellationToken);
        if (upload.Framework is not { } framework)
        {
            return Outcome.Invalid<WhatIfRun>(new Dictionary<string, string[]> { ["file"] = [.. upload.Errors.Select(e => e.ToString())] })
                with
            { Extensions = new Dictionary<string, object?> { [ErrorsMember] = upload.Errors } };
        }

        var baseline = await db.FrameworkVersions.AsNoTracking()
            .Where(f => f.FrameworkId == framework.Id && f.Active)
            .Select(f => f.Version)
            .FirstOrDefaultAsync(cancellationToken);
        if (baseline is null)
        {
            return Outcome.Invalid<WhatIfRun>("file", l["The proposal is for framework {0}, which has no version in force to compare it with", framework.Id]);
        }

        return await QueueAsync(upload.FileName, upload.Yaml, framework, null, baseline, population, by, cancellationToken);
    }

    /// <summary>
    /// Queues a run of the version in force with a form's changes: <paramref name="values"/> maps a setting's path
    /// (<see cref="FrameworkEdit.Settings"/>) to the value typed; <paramref name="version"/> names the proposal.
    /// </summary>
    public async Task<Outcome<WhatIfRun>> ExecuteAsync(string version, IReadOnlyDictionary<string, string> values, WhatIfPopulation population, CurrentUser by, CancellationToken cancellationToken)
    {
        if (Refusal(population, by) is { } refused)
        {
            return refused;
        }

        var active = await frameworks.ActiveAsync(cancellationToken);
        var yaml = await db.FrameworkVersions.AsNoTracking()
            .Where(f => f.FrameworkId == active.Id && f.Version == active.Version)
            .Select(f => f.Yaml)
            .SingleAsync(cancellationToken);
        var name = $"{active.Id}-{version.Trim()}.yaml";
        var edit = FrameworkEdit.Apply(yaml, name, version, values, classifier.SectorIds);
        if (edit.Framework is not { } framework)
        {
            return Outcome.Invalid<WhatIfRun>(edit.Problems
                .GroupBy(p => p.Path switch { "" => "", "version" => "version", _ => SettingPrefix + p.Path })
                .ToDictionary(g => g.Key, g => g.Select(p => words.Problem(p)).ToArray()));
        }

        var changes = JsonSerializer.Serialize(edit.Changes, RunWhatIf.Json);
        return await QueueAsync(name, edit.Yaml!, framework, changes, active.Version, population, by, cancellationToken);
    }

    private Outcome<WhatIfRun>? Refusal(WhatIfPopulation population, CurrentUser by)
    {
        if (!by.IsAnalyst && !by.IsAdmin)
        {
            return Outcome.Forbidden<WhatIfRun>(l["Only analysts and administrators can run a what-if"]);
        }

        if (population.Year is < 2000 or > 2100)
        {
            return Outcome.Invalid<WhatIfRun>("year", l["Give the assessment year as four digits, for example 2026"]);
        }

        return !population.Assessments && population.Registry is null
            ? Outcome.Invalid<WhatIfRun>("population", l["Choose the population: this year's approved assessments, a registry file, or both"])
            : null;
    }

    private async Task<Outcome<WhatIfRun>> QueueAsync(
        string proposalName,
        string yaml,
        CompiledFramework proposal,
        string? changes,
        string baseline,
        WhatIfPopulation population,
        CurrentUser by,
        CancellationToken cancellationToken)
    {
        var run = new WhatIfRun
        {
            Id = Guid.NewGuid(),
            RequestedBy = by.RequiredId,
            ProposalName = proposalName,
            ProposalFrameworkId = proposal.Id,
            ProposalVersion = proposal.Version,
            ProposalYaml = yaml,
            ProposalChanges = changes,
            BaselineVersion = baseline,
            Population = population.Id,
            Year = population.Year,
            Status = WhatIfRunStatus.Queued,
            CreatedAt = clock.GetUtcNow(),
        };

        if (population.Registry is not { } registry)
        {
            return await SaveAsync(run, cancellationToken);
        }

        await using var kept = await TableUpload.KeepAsync(registry, files.Folder, WhatIfFiles.MaxRegistryBytes, cancellationToken);
        if (kept.Refusal is { } refusal)
        {
            return Outcome.Invalid<WhatIfRun>("registry", words.RegistryRefusal(refusal));
        }

        // The header is read under both versions now, so that a file no run could use is refused at once.
        var shownAs = Path.GetFileName((population.RegistryName ?? "registry").Replace('\\', '/'));
        var baselineFramework = await frameworks.GetAsync(proposal.Id, baseline, cancellationToken);
        try
        {
            using var table = kept.Open(Path.GetFileNameWithoutExtension(shownAs));
            var (scan, problems) = table.Prepare(classifier, baselineFramework, proposal);
            scan?.Dispose();
            if (scan is null)
            {
                return Outcome.Invalid<WhatIfRun>("registry", l["The registry cannot be used: {0}", string.Join(" ", problems.Select(p => p.Trim()))]);
            }
        }
        catch (InvalidDataException)
        {
            return Outcome.Invalid<WhatIfRun>("registry", words.RegistryRefusal("unreadable"));
        }

        run.RegistryName = shownAs.Length > 256 ? shownAs[..256] : shownAs;
        // Named by content: a registry uploaded again is the file kept before, whose rows were already read once.
        run.RegistryFile = WhatIfFiles.StoredName(await kept.ContentHashAsync(cancellationToken), kept.IsExcel);
        var destination = files.PathOf(run.RegistryFile);
        if (!File.Exists(destination))
        {
            kept.MoveTo(destination);
        }

        return await SaveAsync(run, cancellationToken);
    }

    private async Task<Outcome<WhatIfRun>> SaveAsync(WhatIfRun run, CancellationToken cancellationToken)
    {
        db.WhatIfRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(run);
    }
}
