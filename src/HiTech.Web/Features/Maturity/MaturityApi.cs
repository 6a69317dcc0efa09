using System.Collections.Immutable;
using System.Text.Json;
using HiTech.Core.Maturity;
using HiTech.Web.Infrastructure.Security;

namespace HiTech.Web.Features.Maturity;

/// <summary>
/// /api/v1/maturity/assessments: start (and score) a digital maturity assessment, save answers, finish it, read its
/// scores, benchmark, roadmap and progress. Bearer tokens only, for the organisation's own Enterprise users: another
/// organisation's assessment answers 404, other roles (analysts, assessors, admins) 403. Answers use the instrument's
/// answers-file shape (docs/maturity.md): question id → option id, or a list of option ids; null or [] clears.
/// Messages and titles follow Accept-Language.
/// </summary>
public static class MaturityApi
{
    public sealed record ProfileRequest(int? Employees, bool? Manufacturing, string? Size);

    public sealed record CreateRequest(Guid? OrganisationId, ProfileRequest? Profile, Dictionary<string, JsonElement?>? Answers);

    public sealed record AnswersRequest(int? Version, Dictionary<string, JsonElement?>? Answers);

    public sealed record CompleteRequest(int? Version);

    public sealed record ProfileDto(int Employees, bool Manufacturing, string Size);

    public sealed record DimensionDto(string Id, string Title, int? Score, string? Band, string? BandTitle, int Answered, int Applicable, bool ScreenOnly);

    public sealed record StandingDto(int Score, int Percentile, double Median, int Peers);

    public sealed record GroupDto(string Level, int Size);

    /// <summary>When <see cref="Shown"/> is false, <see cref="Median"/> and <see cref="Percentile"/> are null and <see cref="Message"/> says why.</summary>
    public sealed record BenchmarkDto(
        bool Shown,
        string? Group,
        string? GroupDescription,
        int GroupSize,
        int Minimum,
        int? Percentile,
        double? Median,
        StandingDto? Overall,
        IReadOnlyDictionary<string, StandingDto> Dimensions,
        IReadOnlyList<GroupDto> Tried,
        string? Message);

    public sealed record SchemeDto(string Id, string Name, string Covers, IReadOnlyDictionary<string, decimal> Numbers, bool Uncertain, string? UncertainNote);

    public sealed record ActionDto(string Id, string Text, string CostTier, IReadOnlyList<SchemeDto> Schemes);

    public sealed record StepDto(int Rank, string Dimension, string Title, int Score, string Band, int Gap, double HiTechLift, string CostTier, IReadOnlyList<ActionDto> Actions);

    /// <summary><see cref="AssessmentYear"/>: the assessment the lift was worked out on (null: the framework's digital weight alone).</summary>
    public sealed record RoadmapDto(double HiTechIndex, string Framework, int? AssessmentYear, IReadOnlyList<StepDto> Steps);

    public sealed record ChangeDto(string Id, int? Previous, int? Current, int? Change, string? PreviousBand, string? CurrentBand, string BandChange);

    public sealed record ProgressDto(Guid PreviousId, string PreviousLabel, DateTimeOffset? PreviousCompletedAt, bool SameInstrument, ChangeDto Overall, IReadOnlyList<ChangeDto> Dimensions);

    /// <summary>The assessment of the hi-tech framework the overall score feeds (the organisation's open one), and its value now.</summary>
    public sealed record DigitalMaturityInputDto(Guid AssessmentId, int Year, decimal? Value, string Evidence);

    public sealed record MaturityDto(
        Guid Id,
        Guid OrganisationId,
        string Label,
        string Instrument,
        int Version,
        DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt,
        DateTimeOffset? CompletedAt,
        ProfileDto Profile,
        IReadOnlyDictionary<string, IReadOnlyList<string>> Answers,
        IReadOnlyList<DimensionDto> Dimensions,
        int? Overall,
        string? Band,
        bool IsFirstEstimate,
        int Answered,
        int Applicable,
        IReadOnlyList<string> OpenModules,
        IReadOnlyList<string> Unanswered,
        BenchmarkDto Benchmark,
        RoadmapDto Roadmap,
        ProgressDto? Progress,
        DigitalMaturityInputDto? DigitalMaturityInput);

    public sealed record SummaryDto(Guid Id, string Label, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, int? Overall, string? Band, bool IsFirstEstimate, int Version);

    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/maturity/assessments")
            .WithTags("Digital maturity")
            .RequireApi(Roles.Enterprise)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/", ListAsync)
            .WithName("ListMaturityAssessments")
            .WithSummary("Your organisation's digital maturity assessments, newest first (T0 is the first)");

        group.MapPost("/", CreateAsync)
            .WithName("StartMaturityAssessment")
            .WithSummary("Start a digital maturity assessment, and score it at once if answers are given")
            .WithDescription("organisationId defaults to yours. profile {employees, manufacturing, size} defaults to what the platform knows "
                + "(staff from your latest assessment, manufacturing from your main activity, size from your units); give what it does not know. "
                + "answers: question id → option id or list of option ids (hitech maturity questions lists them). 400 names each unknown question or impossible answer under answers.<id>, "
                + "and missing profile facts under profile.<field>; 409 when an assessment is already in progress (its id in maturityAssessmentId).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetMaturityAssessment")
            .WithSummary("Scores per dimension, overall, band, first estimate, peer benchmark, roadmap and progress")
            .WithDescription("benchmark.shown is false (message \"not shown\") when fewer than the instrument's peer minimum can be compared; otherwise benchmark.group names the group used and groupSize its size.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}/answers", SaveAsync)
            .WithName("SaveMaturityAnswers")
            .WithSummary("Answer questions (only those given; null or [] clears one), with the version you read")
            .WithDescription("400 names each unknown question or impossible answer under answers.<id>; 409 when the assessment changed since your version (currentVersion in the problem) or is finished.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/complete", CompleteAsync)
            .WithName("CompleteMaturityAssessment")
            .WithSummary("Finish the assessment; its overall score becomes the digital_maturity input (self-declared) of your open assessment")
            .WithDescription("The body {version} is optional; with it, a stale version answers 409. 400 when the short screen is not answered yet (the questions under answers).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<IReadOnlyList<SummaryDto>>, ProblemHttpResult>> ListAsync(HttpContext http, GetMaturity get, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        if (user.OrganisationId is not { } organisation)
        {
            return TypedResults.Ok<IReadOnlyList<SummaryDto>>([]);
        }

        var items = await get.ListAsync(organisation, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SummaryDto>>([.. items.Select(i => new SummaryDto(i.Id, i.Label, i.CreatedAt, i.CompletedAt, i.Overall, i.Band, i.IsFirstEstimate, i.Version))]);
    }

    private static async Task<Results<Created<MaturityDto>, ProblemHttpResult>> CreateAsync(
        CreateRequest request, HttpContext http, StartMaturity start, BuildMaturityReport build, MaturityReference reference, MaturityWords words, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(http.User);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var organisation = request.OrganisationId ?? user.OrganisationId;
        if (organisation is null)
        {
            errors["organisationId"] = [words.L["Register your enterprise first, or give its organisationId"]];
        }

        var profile = new ProfileEntry(request.Profile?.Employees, request.Profile?.Manufacturing);
        if (request.Profile?.Employees is < 0 or > StartMaturity.MaxEmployees)
        {
            errors["profile.employees"] = [words.L["The number of staff must be a whole number from 0 to {0}", StartMaturity.MaxEmployees.ToString(System.Globalization.CultureInfo.InvariantCulture)]];
        }

        if (request.Profile?.Size is { } sizeText)
        {
            if (MaturityProfile.TryParseSize(sizeText, out var size))
            {
                profile = profile with { Size = size };
            }
            else
            {
                errors["profile.size"] = [words.L["The size must be micro, small, medium or large"]];
            }
        }

        var answers = ReadAnswers(request.Answers, reference.Instrument, errors, words);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<MaturityCase>(errors).Problem();
        }

        var outcome = await start.ExecuteAsync(user, organisation!.Value, profile, answers is null ? null : MaturityAnswers.From(answers.Where(a => !a.Value.IsDefaultOrEmpty)), cancellationToken);
        return (await ReportAsync(outcome, build, cancellationToken)).ToCreated(r => $"/api/v1/maturity/assessments/{r.Case.Id}", r => ToDto(r, words));
    }

    private static async Task<Results<Ok<MaturityDto>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, GetMaturity get, BuildMaturityReport build, MaturityWords words, CancellationToken cancellationToken) =>
        (await ReportAsync(await get.ExecuteAsync(CurrentUser.From(http.User), id, cancellationToken), build, cancellationToken)).ToOk(r => ToDto(r, words));

    private static async Task<Results<Ok<MaturityDto>, ProblemHttpResult>> SaveAsync(
        Guid id, AnswersRequest request, HttpContext http, SaveMaturityAnswers save, BuildMaturityReport build, MaturityReference reference, MaturityWords words, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Version is null)
        {
            errors["version"] = [words.L["Give the version you read (from GET /api/v1/maturity/assessments/{id})"]];
        }

        if (request.Answers is null)
        {
            errors["answers"] = [words.L["Give the answers to save, by question id"]];
        }

        var answers = ReadAnswers(request.Answers, reference.Instrument, errors, words);
        if (errors.Count > 0)
        {
            return Outcome.Invalid<MaturityCase>(errors).Problem();
        }

        var outcome = await save.ExecuteAsync(CurrentUser.From(http.User), id, request.Version!.Value, answers!, cancellationToken);
        return (await ReportAsync(outcome, build, cancellationToken)).ToOk(r => ToDto(r, words));
    }

    private static async Task<Results<Ok<MaturityDto>, ProblemHttpResult>> CompleteAsync(
        Guid id, CompleteRequest? request, HttpContext http, CompleteMaturity complete, BuildMaturityReport build, MaturityWords words, CancellationToken cancellationToken)
    {
        var outcome = await complete.ExecuteAsync(CurrentUser.From(http.User), id, request?.Version, cancellationToken);
        return (await ReportAsync(outcome, build, cancellationToken)).ToOk(r => ToDto(r, words));
    }

    /// <summary>The report of the case an outcome carries (every answer shows the scores, benchmark and roadmap), or its refusal.</summary>
    private static async Task<Outcome<MaturityReport>> ReportAsync(Outcome<MaturityCase> outcome, BuildMaturityReport build, CancellationToken cancellationToken) =>
        outcome.IsOk ? Outcome.Ok(await build.ExecuteAsync(outcome.Value!, cancellationToken)) : outcome.As<MaturityReport>();

    /// <summary>
    /// The answers of a request (null when none were sent). Adds under answers.&lt;id&gt; each value that is neither an
    /// option id nor a list of them, and every unknown question and impossible answer (whatever the assessment), so
    /// one 400 names them all.
    /// </summary>
    private static Dictionary<string, ImmutableArray<string>>? ReadAnswers(Dictionary<string, JsonElement?>? given, MaturityInstrument instrument, Dictionary<string, string[]> errors, MaturityWords words)
    {
        if (given is null)
        {
            return null;
        }

        var answers = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var (question, value) in given)
        {
            switch (value?.ValueKind)
            {
                case null or JsonValueKind.Null:
                    answers[question] = [];
                    break;
                case JsonValueKind.String:
                    answers[question] = [value.Value.GetString()!];
                    break;
                case JsonValueKind.Array when value.Value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String):
                    answers[question] = [.. value.Value.EnumerateArray().Select(v => v.GetString()!)];
                    break;
                default:
                    errors["answers." + question] = [words.L["‘{0}’: give an option id, or a list of option ids", question]];
                    break;
            }
        }

        var chosen = MaturityAnswers.From(answers.Where(a => !a.Value.IsDefaultOrEmpty));
        foreach (var (key, messages) in words.AnswerErrors(MaturityScorer.Validate(instrument, new MaturityProfile(0, false, HiTech.Core.Reference.MsmeSize.Micro), chosen), instrument))
        {
            errors.TryAdd(key, messages);
        }

        return answers;
    }

    private static MaturityDto ToDto(MaturityReport report, MaturityWords words)
    {
        var current = report.Case;
        var r = current.Result;
        var e = current.Entity;
        var b = report.Benchmark;
        var benchmark = new BenchmarkDto(
            b.Shown,
            b.Level is { } level ? LevelId(level) : null,
            b.Level is { } described ? words.Group(described, report.PeerFirm) : null,
            b.GroupSize,
            b.Minimum,
            b.Overall?.Percentile,
            b.Overall?.Median,
            b.Overall is { } o ? Standing(o) : null,
            b.Dimensions.ToDictionary(d => d.Key, d => Standing(d.Value), StringComparer.Ordinal),
            [.. b.Tried.Select(t => new GroupDto(LevelId(t.Level), t.Size))],
            b.Shown ? null : "not shown");
        var roadmap = new RoadmapDto(
            report.Roadmap.HiTechIndex,
            $"{report.Lift.FrameworkId}/{report.Lift.FrameworkVersion}",
            report.Lift.AssessmentYear,
            [.. report.Roadmap.Steps.Select(s => new StepDto(
                s.Rank,
                s.DimensionId,
                MaturityWords.In(s.Title),
                s.Score,
                s.Band.Id,
                s.Gap,
                s.HiTechLift,
                Cost(s.CostTier),
                [.. s.Actions.Select(a => new ActionDto(
                    a.Action.Id,
                    MaturityWords.In(a.Action.Text),
                    Cost(a.Action.CostTier),
                    [.. a.Schemes.Select(x => new SchemeDto(
                        x.Id,
                        MaturityWords.In(x.Name),
                        MaturityWords.In(x.Covers),
                        x.Numbers.ToDictionary(n => n.Id, n => n.Value, StringComparer.Ordinal),
                        x.Uncertain,
                        x.Uncertain ? MaturityWords.In(x.UncertainNote) : null))]))]))]);
        ProgressDto? progress = report.Progress is { } p
            ? new ProgressDto(p.Previous.Id, p.Previous.Label, p.Previous.CompletedAt, p.Report.SameInstrument, Change(p.Report.Overall), [.. p.Report.Dimensions.Select(Change)])
            : null;
        return new MaturityDto(
            e.Id,
            e.OrganisationId,
            current.Label,
            current.Instrument.Reference,
            e.Version,
            e.CreatedAt,
            e.UpdatedAt,
            e.CompletedAt,
            new ProfileDto(current.Profile.Employees, current.Profile.Manufacturing, MaturityProfile.SizeId(current.Profile.Size)),
            current.Answers.All.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)[.. a.Value], StringComparer.Ordinal),
            [.. r.Dimensions.Select(d => new DimensionDto(d.DimensionId, words.DimensionTitle(current.Instrument, d.DimensionId), d.Score, d.Band?.Id, d.Band is null ? null : MaturityWords.In(d.Band.Title), d.Answered, d.Applicable, d.ScreenOnly))],
            r.Overall,
            r.Band?.Id,
            r.IsFirstEstimate,
            r.Answered,
            r.Applicable,
            [.. r.OpenModules],
            [.. r.Unanswered],
            benchmark,
            roadmap,
            progress,
            report.Open is { } open ? new DigitalMaturityInputDto(open.Id, open.Year, open.DigitalMaturity, open.Evidence) : null);
    }

    private static StandingDto Standing(PeerStanding s) => new(s.Score, s.Percentile, s.Median, s.Peers);

    private static ChangeDto Change(ScoreChange c) => new(c.Id, c.Previous, c.Current, c.Change, c.PreviousBand, c.CurrentBand, c.BandChange.ToString().ToLowerInvariant());

    public static string LevelId(PeerGroupLevel level) => level switch
    {
        PeerGroupLevel.DivisionSizeDistrict => "division-size-district",
        PeerGroupLevel.DivisionSize => "division-size",
        PeerGroupLevel.Division => "division",
        _ => "all",
    };

    private static string Cost(CostTier tier) => tier switch
    {
        CostTier.Low => "low",
        CostTier.Medium => "medium",
        _ => "high",
    };
}
