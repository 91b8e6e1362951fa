using Microsoft.EntityFrameworkCore;

namespace EdaService.Data;

internal static class DatabaseProvider
{
    /// <summary>
    /// No EnableRetryOnFailure: handlers run in a transaction the unit of work owns, which EF Core's retrying strategy
    /// refuses. A transient failure fails the message instead, and Rebus redelivers it into a fresh transaction.
    /// </summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString);
}
