namespace HiTech.Web.Features.Maturity;

/// <summary>The conflicts saving answers and finishing share: the assessment is finished, or changed since it was read.</summary>
public static class MaturityConflicts
{
    /// <summary>Finished: its answers no longer change (start a new one to measure progress). Carries the finished case.</summary>
    public static Outcome<MaturityCase> Finished(this MaturityWords words, MaturityCase finished) =>
        Outcome.Conflict(words.L["The assessment is finished and cannot be changed. Start a new one to measure your progress."], finished);

    /// <summary>Changed since the version the caller read: nothing was saved. Carries what is saved now, when read.</summary>
    public static Outcome<MaturityCase> Stale(this MaturityWords words, int currentVersion, MaturityCase? current = null) =>
        Outcome.Conflict(words.L["The assessment was changed after you read it. Read it again and retry with the new version."], current) with { CurrentVersion = currentVersion };
}
