namespace EdaTemplates.Tests.Variants;

/// <summary>Choices of the template's `--transport` option; member names are the CLI values.</summary>
public enum TransportKind
{
    AzureServiceBus,
    Database,
}

/// <summary>Choices of the template's `--database` option; member names are the CLI values.</summary>
public enum DatabaseKind
{
    SqlServer,
    PostgreSql,
}
