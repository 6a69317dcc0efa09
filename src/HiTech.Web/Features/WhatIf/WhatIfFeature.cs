using HiTech.Core.Analytics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HiTech.Web.Features.WhatIf;

/// <summary>
/// What-if for analysts: a proposal framework run over a population in the background, the runs kept and
/// compared, and a proposal published (by an admin) with its simulation attached.
/// </summary>
public static class WhatIfFeature
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddScoped<StartWhatIf>();
        services.AddScoped<ShowProposalForm>();
        services.AddSingleton<WhatIfFiles>();
        services.AddScoped<WhatIfWords>();
        services.AddScoped<RunWhatIf>();
        services.AddScoped<ImportWhatIfRegistry>();
        services.AddScoped<ListWhatIfRuns>();
        services.AddScoped<GetWhatIfRun>();
        services.AddScoped<PublishWhatIfProposal>();
        services.TryAddSingleton(_ => DisclosureRules.LoadFromDirectory(Path.Combine(AppContext.BaseDirectory, "reference-data")));
        services.AddHostedService<WhatIfWorker>();
    }
}
