namespace HiTech.Web.Infrastructure;

/// <summary>The settings a deployment chooses, read from configuration (appsettings, environment, command line).</summary>
public sealed class PlatformOptions
{
    /// <summary>Data:Directory: where the SQLite file and uploaded evidence live. Default ./data.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Database:Provider: "sqlite" (default, embedded) or "postgres".</summary>
    public string DatabaseProvider { get; set; } = "sqlite";

    /// <summary>ConnectionStrings:Default; for SQLite it defaults to a file in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Database:MigrateOnStart: apply migrations at start-up. Default true for SQLite, false for PostgreSQL (run `migrate` once per release).</summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>Demo:Enabled: seed the demo ecosystem and demo accounts. Default: on in Development, off elsewhere.</summary>
    public bool? DemoEnabled { get; set; }

    /// <summary>Demo:Password for the demo accounts.</summary>
    public string DemoPassword { get; set; } = "Demo#2025";

    /// <summary>Demo:Enterprises: how many synthetic enterprises the demo seeds.</summary>
    public int DemoEnterprises { get; set; } = 500;

    /// <summary>Uploads:MaxBytes: largest evidence file accepted. Default 10 MB.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Public base URL printed in certificate QR codes, e.g. https://hitech.kerala.gov.in. Default: the request's own.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Storage:Evidence: "files" (default: Data:Directory/evidence, one node) or "database" (PostgreSQL, every node reaches it).</summary>
    public string EvidenceStorage { get; set; } = "files";

    public bool EvidenceInDatabase => string.Equals(EvidenceStorage, "database", StringComparison.OrdinalIgnoreCase);

    public bool IsPostgres => string.Equals(DatabaseProvider, "postgres", StringComparison.OrdinalIgnoreCase);

    public static PlatformOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new PlatformOptions
        {
            DataDirectory = configuration["Data:Directory"] ?? "data",
            DatabaseProvider = configuration["Database:Provider"] ?? "sqlite",
            ConnectionString = configuration.GetConnectionString("Default"),
            MigrateOnStart = configuration.GetValue<bool?>("Database:MigrateOnStart"),
            DemoEnabled = configuration.GetValue<bool?>("Demo:Enabled"),
            DemoPassword = configuration["Demo:Password"] ?? "Demo#2025",
            DemoEnterprises = configuration.GetValue("Demo:Enterprises", 500),
            MaxUploadBytes = configuration.GetValue("Uploads:MaxBytes", 10L * 1024 * 1024),
            PublicBaseUrl = configuration["Certificates:PublicBaseUrl"],
            EvidenceStorage = configuration["Storage:Evidence"] is { Length: > 0 } storage ? storage : "files",
        };
        options.DataDirectory = Path.GetFullPath(options.DataDirectory);
        options.DemoEnabled ??= environment.IsDevelopment();
        options.MigrateOnStart ??= !options.IsPostgres;
        if (!options.IsPostgres && !string.Equals(options.DatabaseProvider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database:Provider must be 'sqlite' or 'postgres', not '{options.DatabaseProvider}'.");
        }

        if (options.IsPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:Default is not set.");
        }

        if (!options.EvidenceInDatabase && !string.Equals(options.EvidenceStorage, "files", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Storage:Evidence must be 'files' or 'database', not '{options.EvidenceStorage}'.");
        }

        if (options.EvidenceInDatabase && !options.IsPostgres)
        {
            throw new InvalidOperationException("Storage:Evidence is 'database', which needs Database:Provider 'postgres' (on SQLite keep the evidence in files).");
        }

        options.ConnectionString ??= $"Data Source={Path.Combine(options.DataDirectory, "hitech.db")}";
        return options;
    }
}
