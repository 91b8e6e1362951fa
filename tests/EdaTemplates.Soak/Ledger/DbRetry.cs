using Npgsql;

namespace EdaTemplates.Soak.Ledger;

/// <summary>
/// The soak's own queries outlive the business database's restart: pooled connections from before the outage fail once
/// each, so a query is tried again a few times.
/// </summary>
internal static class DbRetry
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> query)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await query();
            }
            catch (NpgsqlException) when (attempt < 10)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300));
            }
        }
    }
}
