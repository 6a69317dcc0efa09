namespace HiTech.Web.Features.WhatIf;

/// <summary>
/// The population an analyst picks for a run: the approved assessments of <see cref="Year"/> and/or an uploaded
/// registry (<see cref="Registry"/>, its name as uploaded). The year also dates the registry rows (the MSME size limits in force).
/// </summary>
public sealed record WhatIfPopulation(bool Assessments, int Year, Stream? Registry, string? RegistryName)
{
    /// <summary>The id stored on the run (<see cref="WhatIfPopulations"/>).</summary>
    public string Id => (Assessments, Registry is not null) switch
    {
        (true, true) => WhatIfPopulations.Both,
        (false, true) => WhatIfPopulations.Registry,
        _ => WhatIfPopulations.ApprovedAssessments,
    };
}
