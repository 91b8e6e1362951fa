using OpenTelemetry.Trace;

namespace EdaService.Observability;

internal static class DatabaseInstrumentation
{
    /// <summary>A span per SqlClient command, under the message's span: a slow handler shows which statement was slow.</summary>
    public static TracerProviderBuilder AddDatabaseInstrumentation(this TracerProviderBuilder tracing) => tracing.AddSqlClientInstrumentation();
}
