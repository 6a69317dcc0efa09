namespace HiTech.Web.Infrastructure.Startup;

/// <summary>Fills a new database with data at start-up when demo mode is on (the demo ecosystem lives in Demo/).</summary>
public interface IDataSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
