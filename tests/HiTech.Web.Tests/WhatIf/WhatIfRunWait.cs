using HiTech.Web.Data.Entities;
using HiTech.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HiTech.Web.Tests.WhatIf;

/// <summary>Waits for a what-if run the platform's worker drains in the background.</summary>
public static class WhatIfRunWait
{
    /// <summary>The run once done or failed; a <see cref="TimeoutException"/> after 30 s.</summary>
    public static async Task<WhatIfRun> FinishedAsync(TestHost platform, Guid id)
    {
        for (var i = 0; i < 300; i++)
        {
            var run = await platform.WithDbAsync(db => db.WhatIfRuns.AsNoTracking().SingleAsync(r => r.Id == id));
            if (run.Status is WhatIfRunStatus.Done or WhatIfRunStatus.Failed)
            {
                return run;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The what-if run did not finish in 30 s.");
    }
}
