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

    /// <summary>A rowversion column: SQL Server changes it with every row update.</summary>
    public static void UseConcurrencyToken<T>(EntityTypeBuilder<T> builder)
        where T : class =>
        builder.Property<byte[]>("RowVersion").IsRowVersion();
}
