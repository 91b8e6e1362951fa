using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EdaService.Data;

internal static class DatabaseProvider
{
    /// <summary>
    /// No EnableRetryOnFailure: handlers run in a transaction the unit of work owns, which EF Core's retrying strategy
    /// refuses. A transient failure fails the message instead, and Rebus redelivers it into a fresh transaction.
    /// </summary>
    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString);

    /// <summary>
    /// The save inserted a row whose <paramref name="key"/> was already taken (2627, naming the constraint), not any
    /// other unique index.
    /// </summary>
    public static bool IsDuplicateKey(DbUpdateException exception, IReadOnlyKey key) =>
        exception.InnerException is SqlException { Number: 2627 } sql
        && sql.Message.Contains($"'{key.GetName()}'", StringComparison.Ordinal);

    /// <summary>
    /// A failure that waiting can fix: the error numbers EF Core's SQL Server retrying strategy retries (deadlock 1205,
    /// lock timeout 1222, timeouts, Azure SQL throttling and failover), and a lost or refused connection.
    /// </summary>
    public static bool IsTransient(Exception exception) =>
        exception is SqlException sql && sql.Errors.Cast<SqlError>().Any(error => TransientNumbers.Contains(error.Number) || ConnectionNumbers.Contains(error.Number));

    /// <summary>The connection could not be opened or was lost (network errors, the server or database unavailable).</summary>
    public static bool IsConnectionFailure(Exception exception) =>
        exception is SqlException sql && sql.Errors.Cast<SqlError>().Any(error => ConnectionNumbers.Contains(error.Number));

    private static readonly HashSet<int> TransientNumbers =
    [
        -2, 1205, 1222, 4221, 10928, 10929, 40197, 40501, 40540, 41301, 41302, 41305, 41325, 41839, 49918, 49919, 49920,
    ];

    private static readonly HashSet<int> ConnectionNumbers =
    [
        -1, 2, 20, 53, 64, 121, 233, 4060, 10053, 10054, 10060, 10061, 11001, 40143, 40613, 42108, 42109,
    ];

    /// <summary>A rowversion column: SQL Server changes it with every row update.</summary>
    public static void UseConcurrencyToken<T>(EntityTypeBuilder<T> builder)
        where T : class =>
        builder.Property<byte[]>("RowVersion").IsRowVersion();
}
