using HiTech.Web.Data;
using HiTech.Web.Features.Enterprises;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiTech.Web.Tests.Enterprises;

/// <summary>
/// Two saves racing past the handlers' version check: the database refuses the second
/// (the version is a concurrency token), so neither is lost silently.
/// </summary>
[Collection(EnterprisesCollection.Name)]
public sealed class ConcurrencyTests(EnterprisesFixture kit)
{
    [Fact]
    public async Task The_database_refuses_the_second_of_two_saves_read_at_the_same_version()
    {
        var organisation = await kit.RegisterAsync(await kit.NewUserAsync());
        var unitId = organisation.GetProperty("units")[0].GetProperty("id").GetGuid();

        await using var first = kit.Factory.Services.CreateAsyncScope();
        await using var second = kit.Factory.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var unit1 = await db1.Units.SingleAsync(u => u.Id == unitId);
        var unit2 = await db2.Units.SingleAsync(u => u.Id == unitId);
        var read = unit1.Version;

        unit1.Name = "Saved first";
        Saving.ExpectVersion(db1, unit1, read);
        Assert.True(await Saving.TrySaveAsync(db1, CancellationToken.None));
        Assert.Equal(read + 1, unit1.Version);

        unit2.Name = "Saved second";
        Saving.ExpectVersion(db2, unit2, read);
        Assert.False(await Saving.TrySaveAsync(db2, CancellationToken.None));

        Assert.Equal("Saved first", await kit.WithDbAsync(db => db.Units.Where(u => u.Id == unitId).Select(u => u.Name).FirstAsync()));
    }

    [Fact]
    public async Task A_removal_racing_a_change_is_refused_too()
    {
        var organisation = await kit.RegisterAsync(await kit.NewUserAsync());
        var id = organisation.GetProperty("id").GetGuid();
        var activityId = await kit.WithDbAsync(async db =>
        {
            var activity = new Data.Entities.Activity { Id = Guid.NewGuid(), OrganisationId = id, Code = "2610", RevenueShare = 1m, Stages = "rnd" };
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return activity.Id;
        });

        await using var first = kit.Factory.Services.CreateAsyncScope();
        await using var second = kit.Factory.Services.CreateAsyncScope();
        var db1 = first.ServiceProvider.GetRequiredService<AppDbContext>();
        var db2 = second.ServiceProvider.GetRequiredService<AppDbContext>();
        var changed = await db1.Activities.SingleAsync(a => a.Id == activityId);
        var removed = await db2.Activities.SingleAsync(a => a.Id == activityId);

        changed.RevenueShare = 0.5m;
        Assert.True(await Saving.TrySaveAsync(db1, CancellationToken.None));
        Saving.ExpectVersion(db2, removed, 0);
        db2.Activities.Remove(removed);
        Assert.False(await Saving.TrySaveAsync(db2, CancellationToken.None));
        Assert.True(await kit.WithDbAsync(db => db.Activities.AnyAsync(a => a.Id == activityId)));
    }
}
