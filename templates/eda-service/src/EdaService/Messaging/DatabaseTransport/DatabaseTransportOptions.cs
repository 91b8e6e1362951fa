namespace EdaService.Messaging.DatabaseTransport;

/// <summary>
/// Where the queues and subscriptions live. By default in the service's own database. A separate database turns the
/// queues into a broker of their own: when the business database goes down, messages stay queued and the handlers'
/// failures reach the kill switch, instead of the receive loop failing with the database.
/// </summary>
public sealed class DatabaseTransportOptions
{
    public const string SectionName = "DatabaseTransport";

    /// <summary>Connection string of the database holding the queues; empty means <c>Database:ConnectionString</c>.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The queues' connection string, falling back to the service's database.</summary>
    public string EffectiveConnectionString(string databaseConnectionString) =>
        string.IsNullOrWhiteSpace(ConnectionString) ? databaseConnectionString : ConnectionString;
}
