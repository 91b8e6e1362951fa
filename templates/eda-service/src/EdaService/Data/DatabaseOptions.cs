namespace EdaService.Data;

/// <summary>Where business data and the outbox live (and, with the Database transport, the queues).</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Connection string of the service's database. Required.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply EF Core migrations at startup. Turn off where the deployment pipeline applies them.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
